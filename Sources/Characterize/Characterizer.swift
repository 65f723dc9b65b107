import Cosim
import Foundation

/// Characterizes primitives: synthesize with Yosys, simulate the RTL and the netlist side by
/// side with Verilator on the check vectors (both must match the reference on every
/// vector, or the primitive is refused), then measure the netlist's toggles on the operand
/// stream and price it (`CharacterizedPrimitive`).
///
/// Each primitive is built in its own folder under a fresh temporary folder, removed
/// afterwards.
///
/// ```swift
/// let c = try Characterizer.locate()
/// let row = try c.characterize(.adder(bits: 8))
/// row.vectors   // 65536 (exhaustive)
/// ```
public struct Characterizer: Sendable {
    public let yosys: Yosys
    public let verilator: Verilator

    public init(yosys: Yosys, verilator: Verilator) {
        self.yosys = yosys
        self.verilator = verilator
    }

    /// Find both tools; the first missing one is the problem.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CharacterizeProblem) -> Characterizer {
        let y = try Yosys.locate(environment: environment)
        let v: Verilator
        do { v = try Verilator.locate(environment: environment) } catch { throw CharacterizeProblem(error.message) }
        return Characterizer(yosys: y, verilator: v)
    }

    public func characterize(_ p: Primitive) throws(CharacterizeProblem) -> CharacterizedPrimitive {
        let folder = NSTemporaryDirectory() + "qarch-characterize-\(p.module)-\(UInt64.random(in: 0...UInt64.max))"
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw CharacterizeProblem("\(folder): cannot create a scratch folder (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let synthesis = try Synthesis.run(p, yosys: yosys, in: folder)
        let ge = try CellWeights.gateEquivalents(synthesis.cells)
        let harness = try SimulationHarness.build(p, netlist: "gates.v", verilator: verilator, in: folder)

        let vectors = p.checkPlan.vectorCount
        let inputs = p.checkPlan.values(ports: p.inputs)
        let outputs = try harness.run(inputs: inputs, vectors: vectors)
        try Self.compare(p, inputs: inputs, outputs: outputs, vectors: vectors)

        let ops = p.stream.count
        let coverage = folder + "/coverage.dat"
        _ = try harness.run(inputs: p.stream.values(ports: p.inputs), vectors: ops, coverage: coverage)
        guard let text = try? String(contentsOfFile: coverage, encoding: .utf8) else {
            throw CharacterizeProblem("simulation of \(p.name) wrote no toggle coverage")
        }
        let toggles = ToggleCount.parse(text, excluding: Set(p.inputs.map(\.name) + ["clk"]))
        guard toggles.nets > 0 else { throw CharacterizeProblem("toggle coverage of \(p.name) counted no nets") }

        var hash = Fingerprint()
        hash.add(p.verilog)
        return CharacterizedPrimitive(
            name: p.name, kind: p.kind, parameters: Dictionary(uniqueKeysWithValues: p.parameters), verilogHash: hash.hex,
            vectors: vectors, vectorMode: p.checkPlan.mode.rawValue, vectorSeed: p.checkPlan.mode == .random ? p.checkPlan.seed : nil,
            cells: synthesis.cells, gateEquivalents: ge, areaUm2: CellWeights.areaUm2(gateEquivalents: ge),
            stream: p.stream.description, streamOps: ops, streamSeed: p.stream.seed, nets: toggles.nets,
            togglesPerOp: Double(toggles.toggles) / Double(max(ops - 1, 1)))
    }

    /// Both the RTL's and the netlist's outputs must equal the reference on every vector;
    /// the first mismatch is the problem.
    static func compare(_ p: Primitive, inputs: [UInt64], outputs: [UInt64], vectors: Int) throws(CharacterizeProblem) {
        let ni = p.inputs.count, no = p.outputs.count
        for i in 0..<vectors {
            let v = Array(inputs[i * ni ..< (i + 1) * ni])
            let expected = zip(p.reference(v), p.outputs).map { $0 & $1.mask }
            for (s, side) in ["rtl", "netlist"].enumerated() {
                let got = Array(outputs[(i * 2 + s) * no ..< (i * 2 + s + 1) * no])
                if got != expected {
                    let hex = { (xs: [UInt64]) in xs.map { "0x" + String($0, radix: 16) }.joined(separator: ", ") }
                    throw CharacterizeProblem("\(p.name): the \(side) disagrees with the reference at vector \(i) "
                                              + "(inputs \(hex(v))): got \(hex(got)), expected \(hex(expected))")
                }
            }
        }
    }
}
