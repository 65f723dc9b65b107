import Cosim
import Foundation

/// Synthesis of one primitive to Yosys' generic gate library: the script, the cell counts
/// it reports and the gate-level netlist (`<module>_gates`) that the toggle measurement
/// simulates.
///
/// The flow (`script(top:)`): `synth -flatten` (Yosys' generic synthesis, including its
/// own ABC pass), then `abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX` to map the logic onto two-input
/// gates, multiplexers and inverters (ABC always keeps NOT), and the flip-flops as Yosys'
/// `$_DFF_P_` cells. `opt_clean -purge` drops the RTL's own wire names, so every remaining
/// net is one cell output or port bit (no alias is counted twice, no constant such as a loop
/// variable is counted at all); the nets then get public names (`rename -enumerate`) so that
/// Verilator's toggle coverage counts them.
///
/// ```swift
/// let s = try Synthesis.run(Primitive.adder(bits: 8), yosys: try Yosys.locate(), in: "/tmp/x")
/// s.cells["$_XOR_"]   // 13 (Yosys 0.23)
/// ```
public struct Synthesis: Sendable {
    /// Cell type → count, from Yosys' `stat`.
    public let cells: [String: Int]
    /// The netlist file (`write_verilog -noattr`), module `<top>_gates`.
    public let netlistPath: String

    /// The Yosys commands for module `top` read from `rtl.v`, writing `stat.txt` and `gates.v`.
    public static func script(top: String) -> String {
        ["read_verilog rtl.v", "synth -flatten -top \(top)", "abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX", "opt_clean -purge",
         "rename -enumerate -pattern g_%", "rename \(top) \(top)_gates", "tee -q -o stat.txt stat", "write_verilog -noattr gates.v"]
            .joined(separator: "; ")
    }

    /// Synthesize `primitive` in `folder` (which must exist; `rtl.v` is written there).
    public static func run(_ primitive: Primitive, yosys: Yosys, in folder: String) throws(CharacterizeProblem) -> Synthesis {
        let rtl = folder + "/rtl.v"
        do { try primitive.verilog.write(toFile: rtl, atomically: true, encoding: .utf8) } catch {
            throw CharacterizeProblem("\(rtl): cannot write (\(error.localizedDescription))")
        }
        let run = Command.run(yosys.path, ["-q", "-p", script(top: primitive.module)], in: folder)
        guard run.status == 0 else {
            let line = run.output.split(separator: "\n").first { $0.contains("ERROR") }.map(String.init) ?? "exit \(run.status)"
            throw CharacterizeProblem("yosys failed on \(primitive.name): \(line)")
        }
        guard let stat = try? String(contentsOfFile: folder + "/stat.txt", encoding: .utf8) else {
            throw CharacterizeProblem("yosys wrote no statistics for \(primitive.name)")
        }
        return Synthesis(cells: parseStat(stat), netlistPath: folder + "/gates.v")
    }

    /// The cell counts of a Yosys `stat` report: lines `     $_AND_     12`.
    public static func parseStat(_ text: String) -> [String: Int] {
        var cells: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2, words[0].hasPrefix("$_"), let n = Int(words[1]) else { continue }
            cells[String(words[0]), default: 0] += n
        }
        return cells
    }
}
