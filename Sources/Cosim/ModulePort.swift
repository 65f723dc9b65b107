import Foundation

/// A port of the verilated top module, read from the header Verilator writes
/// (`VL_IN8(&a,3,0);`, `VL_OUTW(&table,127,0,4);`).
///
/// ```swift
/// ModulePort.parse(header: "VL_IN8(&a,3,0);\nVL_OUT(&y,31,0);")   // [a: input 4 bits, y: output 32 bits]
/// ```
public struct ModulePort: Sendable, Equatable {
    public enum Direction: String, Sendable { case input, output, `inout` }

    public let name: String
    public let direction: Direction
    public let bits: Int

    public init(name: String, direction: Direction, bits: Int) {
        self.name = name
        self.direction = direction
        self.bits = bits
    }

    /// The ports declared in a Verilator model header, in declaration order.
    public static func parse(header: String) -> [ModulePort] {
        var ports: [ModulePort] = []
        for line in header.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("VL_IN") || t.hasPrefix("VL_OUT"), let open = t.firstIndex(of: "("), let close = t.firstIndex(of: ")") else { continue }
            let macro = t[t.startIndex..<open]
            let direction: Direction = macro.hasPrefix("VL_INOUT") ? .inout : (macro.hasPrefix("VL_IN") ? .input : .output)
            let args = t[t.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard args.count >= 3, args[0].hasPrefix("&"), let msb = Int(args[1]), let lsb = Int(args[2]) else { continue }
            ports.append(ModulePort(name: String(args[0].dropFirst()), direction: direction, bits: abs(msb - lsb) + 1))
        }
        return ports
    }

    /// The lines of `ports.txt` in a cached build: `input a 4`.
    public var line: String { "\(direction.rawValue) \(name) \(bits)" }

    /// A `ports.txt` line read back.
    public init?(line: Substring) {
        let parts = line.split(separator: " ")
        guard parts.count == 3, let d = Direction(rawValue: String(parts[0])), let bits = Int(parts[2]) else { return nil }
        self.init(name: String(parts[1]), direction: d, bits: bits)
    }
}
