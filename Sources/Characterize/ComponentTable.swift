import Foundation

/// The characterized component table as deterministic JSON: the tools and their versions,
/// the Yosys script, the cell weights and their source, the energy assumption, and one
/// entry per primitive (`CharacterizedPrimitive`), in the order given. Numbers are printed
/// with fixed decimals and keys in a fixed order, so the same inputs give the same bytes.
///
/// ```swift
/// let json = ComponentTable(yosys: y.version, verilator: v.version, entries: [row]).json()
/// // {"generator": "qarch characterize", "node_nm": 45, …, "primitives": [{"name": "add-u8", …}]}
/// ```
public struct ComponentTable: Sendable {
    public let yosys: String
    public let verilator: String
    public let entries: [CharacterizedPrimitive]

    public init(yosys: String, verilator: String, entries: [CharacterizedPrimitive]) {
        self.yosys = yosys
        self.verilator = verilator
        self.entries = entries
    }

    public func json() -> String {
        var lines: [String] = ["{"]
        lines.append("  \"generator\": \"qarch characterize\",")
        lines.append("  \"tools\": {\"yosys\": \(Self.quote(yosys)), \"verilator\": \(Self.quote(verilator))},")
        lines.append("  \"yosys_script\": \(Self.quote(Synthesis.script(top: "<module>"))),")
        lines.append("  \"node_nm\": \(CellWeights.nodeNm),")
        lines.append("  \"voltage_v\": \(Self.fixed(CellWeights.voltage, 2)),")
        lines.append("  \"nand2_area_um2\": \(Self.fixed(CellWeights.nand2AreaUm2, 3)),")
        lines.append("  \"cell_weights_source\": \"NanGate FreePDK45 Open Cell Library v1.3 (NangateOpenCellLibrary_typical.lib): X1 cell area / NAND2_X1 area\",")
        let weights = CellWeights.cells.map { "    {\"cell\": \(Self.quote($0.yosys)), \"nangate\": \(Self.quote($0.nangate)), \"area_um2\": \(Self.fixed($0.areaUm2, 3)), \"ge\": \(Self.fixed($0.areaUm2 / CellWeights.nand2AreaUm2, 4))}" }
        lines.append("  \"cell_weights\": [\n" + weights.joined(separator: ",\n") + "\n  ],")
        lines.append("  \"energy_per_ge_toggle_fj\": \(Self.fixed(CellWeights.energyPerGEToggleFJ, 4)),")
        lines.append("  \"energy_source\": \"assumption: 1/2 C V^2 with C = 3.2 fF (NAND2_X1 driving two NAND2_X1 inputs of about 1.6 fF, NanGate 45 nm) at 0.9 V (Horowitz ISSCC 2014 45 nm point); see Sources/Characterize/README.md\",")
        lines.append("  \"hash\": \"Fingerprint: two FNV-1a 64 hashes of the generated Verilog, 32 hex digits\",")
        lines.append("  \"primitives\": [")
        lines.append(entries.map(Self.entry).joined(separator: ",\n"))
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func entry(_ e: CharacterizedPrimitive) -> String {
        let parameters = e.parameters.sorted { $0.key < $1.key }.map { "\(quote($0.key)): \(quote($0.value))" }.joined(separator: ", ")
        let cells = e.cells.sorted { $0.key < $1.key }.map { "\(quote($0.key)): \($0.value)" }.joined(separator: ", ")
        let seed = e.vectorSeed.map { ", \"seed\": \($0)" } ?? ""
        return """
            {"name": \(quote(e.name)), "kind": \(quote(e.kind)), "parameters": {\(parameters)},
             "verilog_hash": \(quote(e.verilogHash)),
             "check": {"vectors": \(e.vectors), "mode": \(quote(e.vectorMode))\(seed), "against": \(quote(e.kind.hasPrefix("fp") ? "NumberFormats" : "exact integer arithmetic")), "rtl_and_netlist": true},
             "cells": {\(cells)},
             "ge": \(fixed(e.gateEquivalents, 3)), "area_um2": \(fixed(e.areaUm2, 3)),
             "toggles": {"stream": \(quote(e.stream)), "ops": \(e.streamOps), "seed": \(e.streamSeed), "nets": \(e.nets), "per_op": \(fixed(e.togglesPerOp, 4)), "rate": \(fixed(e.toggleRate, 6))},
             "energy_pj": \(fixed(e.energyPJ, 6))}
        """
    }

    static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
