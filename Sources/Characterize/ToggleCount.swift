import Foundation

/// The net toggles of a synthesized netlist, read from Verilator's toggle coverage file
/// (`coverage.dat`): every bit of every signal of the `gates` instance except its inputs,
/// i.e. the cells' output nets, with the number of times each changed.
///
/// A coverage line is `C '<fields>' <count>`; each field is byte 0x01, a key, byte 0x02 and
/// a value. The keys used: `o` the signal bit (`g_12`, `y[3]`), `h` the hierarchy
/// (`TOP.harness.gates`), `page` the coverage page (`v_toggle/…`).
///
/// ```swift
/// let t = ToggleCount.parse("C '\u{1}page\u{2}v_toggle/m\u{1}o\u{2}g_1\u{1}h\u{2}TOP.harness.gates' 7\n", excluding: ["a"])
/// t.nets      // 1
/// t.toggles   // 7
/// ```
public struct ToggleCount: Sendable, Equatable {
    /// Signal bits counted.
    public let nets: Int
    /// Changes summed over them.
    public let toggles: Int

    public static func parse(_ text: String, excluding inputs: Set<String>, instance: String = "TOP.harness.gates") -> ToggleCount {
        var nets = 0, toggles = 0
        for line in text.split(separator: "\n") where line.hasPrefix("C '") {
            guard let close = line.lastIndex(of: "'"), let count = Int(line[line.index(after: close)...].trimmingCharacters(in: .whitespaces))
            else { continue }
            var signal: Substring = "", hierarchy: Substring = "", page: Substring = ""
            for field in line[line.index(line.startIndex, offsetBy: 3)..<close].split(separator: "\u{1}") {
                let parts = field.split(separator: "\u{2}", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "o": signal = parts[1]
                case "h": hierarchy = parts[1]
                case "page": page = parts[1]
                default: break
                }
            }
            guard hierarchy == instance, page.hasPrefix("v_toggle") else { continue }
            let base = signal.split(separator: "[").first.map(String.init) ?? String(signal)
            if inputs.contains(base) { continue }
            nets += 1
            toggles += count
        }
        return ToggleCount(nets: nets, toggles: toggles)
    }
}
