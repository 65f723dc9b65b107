import ArgumentParser
import Cosim
import Foundation
import GoldenVectors
import Workloads

/// `qarch cosim --design D.json --rtl F.v… --top MODULE --ports P.json [--op OP] [--count N]
/// [--seed S] [--edge] [--vectors FILE] [--cache DIR] [--json]`: build the RTL with Verilator
/// (cached), drive the golden vectors through the port map and compare every output bit.
/// Exit 1 on a mismatch (Designs/vectors.md, "Co-simulation").
///
/// ```
/// qarch cosim --design Designs/mxfp4-dot.json --op product --rtl e2m1_mul.v --top e2m1_mul --ports e2m1_mul.ports.json --edge
/// cosim e2m1_mul (combinational) against block-dot product: 1256 vectors (256 edge, 1000 random, seed 1)
/// checked p: 1256 cases, 0 mismatches
/// ```
struct CosimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosim",
        abstract: "Check RTL against the bit-exact unit under Verilator, every output bit of every vector.")

    @Option(help: "The design JSON file.") var design: String
    @Option(parsing: .upToNextOption, help: "The Verilog/SystemVerilog files.") var rtl: [String]
    @Option(help: "The top module.") var top: String
    @Option(help: "The port map JSON file (Designs/ports.schema.json).") var ports: String
    @Option(help: "The unit's operation (default: its first).") var op: String?
    @Option(parsing: .unconditional, help: "Random vectors.", transform: { try NumberOption.integer($0, in: 0...10_000_000) })
    var count = 1000
    @Option(parsing: .unconditional, help: "Seed of the random vectors.", transform: NumberOption.seed) var seed: UInt64 = 1
    @Flag(help: "Run the formats' corner cases first.") var edge = false
    @Option(help: "Drive the vectors of this vectors.jsonl instead of generating them.") var vectors: String?
    @Option(help: "Build cache folder (default $XDG_CACHE_HOME/qarch/cosim or ~/.cache/qarch/cosim).") var cache: String?
    @Option(parsing: .unconditional, help: "Mismatches shown.", transform: { try NumberOption.integer($0, in: 0...1000) }) var show = 5
    @Flag(help: "Print build and run times on stderr.") var timing = false
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if rtl.isEmpty { throw ValidationError("--rtl: expected at least one RTL file") }
    }

    func run() throws {
        let d = try DesignFile.require(design, overrides: [])
        let operation = try VectorOperationChoice.require(op, design: d, file: design)
        let schema = operation.schema
        let mapBytes = try CLIError.reading { () throws(InputFileProblem) in try InputFile.readJSON(ports) }
        let map: PortMap
        do { map = try PortMap.decode(mapBytes) } catch {
            throw CLIError.invalidInput(each: error.issues.map { "\(ports): \($0.path): \($0.message)" })
        }
        let golden: [GoldenVector], source: String
        if let vectors {
            let data = try CLIError.reading { () throws(InputFileProblem) in try InputFile.read(vectors) }
            do { golden = try VectorFileReader.read(data, schema: schema) } catch { throw CLIError.invalidInput("\(vectors): \(error)") }
            source = "from \(vectors)"
        } else {
            golden = VectorGenerator.vectors(operation, count: count, seed: seed, edge: edge)
            source = edge ? "\(golden.count - count) edge, \(count) random, seed \(seed)" : "\(count) random, seed \(seed)"
        }
        let started = Date()
        let build: CosimBuild
        do {
            let verilator = try Verilator.locate()
            build = try CosimBuild.prepare(rtl: rtl, top: top, map: map, mapBytes: mapBytes, verilator: verilator,
                                           cacheRoot: cache ?? CosimBuild.defaultCacheRoot()) { found in
                PortMapCheck.firstProblem(map, schema: schema, ports: found, module: top)
                    .map { CosimProblem("\(ports): \($0.path): \($0.message)") }
            }
        } catch { throw CLIError.invalidInput(error.message) }
        let built = Date()
        let outcome: CosimOutcome
        do { outcome = try CosimRunner.run(build, map: map, schema: schema, vectors: golden, keep: show) } catch {
            throw CLIError.invalidInput(error.message)
        }
        let finished = Date()
        if timing {
            let b = built.timeIntervalSince(started), r = finished.timeIntervalSince(built)
            let rate = r > 0 ? Int(Double(golden.count) / r) : 0
            Console.writeError(String(format: "build %.2f s (%@), run %.2f s, %d vectors/s\n", b, build.cached ? "cached" : "new", r, rate))
        }
        let result = CosimReport(module: top, protocolSummary: map.cosimProtocol.summary, kind: d.unit.kindName, schema: schema,
                                 source: source, outcome: outcome)
        report.emit(json: { result.json }, text: { result.text.hasSuffix("\n") ? String(result.text.dropLast()) : result.text })
        if !outcome.passed { throw ExitCode(1) }
    }
}
