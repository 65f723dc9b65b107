import DesignModel
import Foundation
import NumberFormats
import TensorEngine
import Workloads

/// The headline speed numbers of `qarch bench` (the engine-speed issue):
///
/// - **cycle**: the cycle-stepped mode (values computed, `scalesim` convention) of an INT8
///   GEMM against SCALE-Sim 3.0.0 on the same array and GEMM, with the cycle counts of both
///   and the check that the fast mode gives the same counts and the same output bits; and
///   the stepped engine alone (`cycle.engine-…`: cycles and SRAM traffic, no values, which
///   is what SCALE-Sim computes);
/// - **value**: a whole `qarch gemm` process (start-up, synthetic data, quantization,
///   values, reference, cost, output) against a whole `python3 -c 'import numpy …'` process
///   doing numpy's float64 matmul of the same shape.
///
/// SCALE-Sim is timed live through `Tests/scalesim/.venv` when it is installed (the
/// 1024³ cases, two to four CPU minutes each, only with `--scalesim-all`); otherwise the
/// committed reference time (`ScaleSimReference`, with its date) stands in. SCALE-Sim's
/// time is its process CPU time (single-threaded: its wall time on an idle core), ours the
/// wall time of the whole cycle-stepped run (`GEMMExecution.run`: quantization, the
/// stepped engine, values, float64 reference and error; operands made untimed).
enum EngineSpeedBenchmark {
    /// One cycle-stepped case: INT8 on a rows×cols array of `dataflow`, M×K×N.
    struct CycleCase {
        let rows: Int, cols: Int, dataflow: Dataflow, m: Int, k: Int, n: Int
        var name: String { "\(dataflow.rawValue)\(rows)-\(m)x\(k)x\(n)" }
        var scaleSimArguments: [String] { ["\(rows)", "\(cols)", dataflow.rawValue, "\(m)", "\(k)", "\(n)"] }
    }

    /// The issue's cases: 256×512×384 on 16×16 ws, and 1024³ on 32×32 in every dataflow.
    static let cycleCases = [CycleCase(rows: 16, cols: 16, dataflow: .ws, m: 256, k: 512, n: 384)]
        + Dataflow.allCases.map { CycleCase(rows: 32, cols: 32, dataflow: $0, m: 1024, k: 1024, n: 1024) }

    /// SCALE-Sim 3.0.0's time and Total Cycles, measured with `Tests/scalesim/run.sh --time …`
    /// on the 2-core development machine while other builds shared it: `cpuSeconds` is the
    /// process CPU time (what an idle core would take, SCALE-Sim being single-threaded),
    /// `wallSeconds` what the shared machine took. Ratios use the CPU seconds (conservative).
    struct ScaleSimReference {
        let cpuSeconds: Double, wallSeconds: Double, totalCycles: Int, date: String
    }

    static let scaleSimReferences: [String: ScaleSimReference] = [
        "ws16-256x512x384": ScaleSimReference(cpuSeconds: 15.28, wallSeconds: 59.88, totalCycles: 231_935, date: "2026-12-02"),
        "os32-1024x1024x1024": ScaleSimReference(cpuSeconds: 160.42, wallSeconds: 285.08, totalCycles: 1_112_063, date: "2026-12-02"),
        "ws32-1024x1024x1024": ScaleSimReference(cpuSeconds: 120.36, wallSeconds: 145.56, totalCycles: 1_144_831, date: "2026-12-02"),
        "is32-1024x1024x1024": ScaleSimReference(cpuSeconds: 203.74, wallSeconds: 419.25, totalCycles: 1_144_831, date: "2026-12-02"),
    ]

    typealias Result = (name: String, unit: String, value: Double)

    /// Times the cycle-stepped mode on each case (best of 3) and SCALE-Sim on it; throws if
    /// the cycle-stepped and fast modes differ in counts or output bits, or SCALE-Sim's
    /// cycles differ from ours.
    static func cycle(scaleSimAll: Bool) throws -> [Result] {
        var results: [Result] = []
        let spec = try DesignFile.require(BenchCommand.packagePath("Designs/int8-systolic.json"), overrides: [])
        let unit = spec.makeUnit()
        for c in cycleCases {
            let a = SyntheticData.activations(m: c.m, k: c.k, seed: 1), b = SyntheticData.weights(k: c.k, n: c.n, seed: 2)
            let engine = EngineConfig.systolic(ArrayConfig(rows: c.rows, cols: c.cols, dataflow: c.dataflow))
            var best = Double.infinity
            var stepped: GEMMReport?
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                stepped = try GEMMExecution.run(unit: unit, activations: a, weights: b, engine: engine,
                                                convention: .scalesim, mode: .cycle)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
            }
            let fast = try GEMMExecution.run(unit: unit, activations: a, weights: b, engine: engine,
                                             convention: .scalesim, mode: .fast)
            guard let stepped, stepped.timing == fast.timing, stepped.output.bits == fast.output.bits else {
                throw CLIError.invalidInput("bench: the cycle-stepped and fast modes differ on \(c.name)")
            }
            // The stepped engine alone (cycles and traffic, no values): what SCALE-Sim computes.
            var engineCounts: TimingCounts?
            let engineSeconds = try ScalingBenchmark.bestSeconds {
                engineCounts = try GEMMExecution.schedule(GEMMDims(m: c.m, k: c.k, n: c.n), unit: unit.timing, engine: engine,
                                                          convention: .scalesim, mode: .cycle).timing
            }
            guard engineCounts == stepped.timing else {
                throw CLIError.invalidInput("bench: the cycle-stepped engine alone counts differently on \(c.name)")
            }
            results.append(("cycle.int8-\(c.name)", "s", best))
            results.append(("cycle.engine-\(c.name)", "s", engineSeconds))
            results.append(("cycle.int8-\(c.name).cycles", "cycles", Double(stepped.timing.totalCycles)))
            let live = c.m * c.k * c.n <= 1 << 26 || scaleSimAll
            let scaleSim = live ? liveScaleSim(c) : nil
            guard let measured = scaleSim ?? scaleSimReferences[c.name].map({ ($0.cpuSeconds, $0.totalCycles, "cpu s (\($0.date))") }) else {
                continue
            }
            guard measured.cycles == stepped.timing.totalCycles else {
                throw CLIError.invalidInput("bench: SCALE-Sim counts \(measured.cycles) cycles on \(c.name), the cycle-stepped mode \(stepped.timing.totalCycles)")
            }
            results.append(("cycle.scalesim-\(c.name)", measured.unit, measured.seconds))
            results.append(("cycle.ratio-scalesim-to-qarch-\(c.name)", "x", measured.seconds / best))
            results.append(("cycle.ratio-scalesim-to-engine-\(c.name)", "x", measured.seconds / engineSeconds))
        }
        return results
    }

    /// SCALE-Sim's process CPU seconds and Total Cycles on `c` through `Tests/scalesim/.venv`,
    /// or nil when that venv (with scalesim) is not installed or the run fails.
    static func liveScaleSim(_ c: CycleCase) -> (seconds: Double, cycles: Int, unit: String)? {
        let python = BenchCommand.packagePath("Tests/scalesim/.venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python),
              let out = capture(python, [BenchCommand.packagePath("Tests/scalesim/crosscheck.py"), "--time"] + c.scaleSimArguments),
              let object = try? JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any],
              let seconds = object["cpu_seconds"] as? Double, let cycles = object["total_cycles"] as? Int else { return nil }
        return (seconds, cycles, "cpu s")
    }

    /// One whole-process value run: a design and a cube size.
    static let valueCases = [("mixpe-w4a8", 1024), ("mxfp4-dot", 1024), ("mixpe-w4a8", 2048), ("mxfp4-dot", 2048)]

    /// Whole-process seconds (best of 3) of `qarch gemm` on each value case and of numpy's
    /// float64 matmul of the same size, and their ratio; numpy is skipped when no python3
    /// with numpy is found.
    static func value() throws -> [Result] {
        var results: [Result] = []
        let qarch = executablePath()
        var numpyBest: [Int: Double] = [:]
        for (design, size) in valueCases {
            let arguments = ["gemm", "--design", BenchCommand.packagePath("Designs/\(design).json"),
                             "--m", "\(size)", "--k", "\(size)", "--n", "\(size)", "--json"]
            guard let seconds = bestWallSeconds(qarch, arguments) else {
                throw CLIError.invalidInput("bench: '\(qarch) \(arguments.joined(separator: " "))' failed")
            }
            results.append(("value.\(design)-\(size)", "s", seconds))
            if numpyBest[size] == nil, let python = numpyPython() { numpyBest[size] = bestWallSeconds(python, ["-c", numpyScript(size)]) }
            if let numpy = numpyBest[size] {
                results.append(("value.ratio-\(design)-to-numpy-\(size)", "x", seconds / numpy))
            }
        }
        for size in numpyBest.keys.sorted() {
            if let s = numpyBest[size] { results.append(("value.numpy-float64-\(size)", "s", s)) }
        }
        return results
    }

    /// The numpy process: seeded float64 operands, then A @ B.
    static func numpyScript(_ size: Int) -> String {
        "import numpy as np; r = np.random.default_rng(0); a = r.standard_normal((\(size), \(size))); "
            + "b = r.standard_normal((\(size), \(size))); c = a @ b"
    }

    /// A python3 that imports numpy: the one on PATH, else the SCALE-Sim venv's.
    static func numpyPython() -> String? {
        for python in ["/usr/bin/env", BenchCommand.packagePath("Tests/scalesim/.venv/bin/python")] {
            let arguments = python == "/usr/bin/env" ? ["python3", "-c", "import numpy"] : ["-c", "import numpy"]
            if capture(python, arguments) != nil { return python == "/usr/bin/env" ? "python3" : python }
        }
        return nil
    }

    /// The best wall time of three runs of a process, or nil if it failed.
    static func bestWallSeconds(_ executable: String, _ arguments: [String]) -> Double? {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            guard capture(executable, arguments) != nil else { return nil }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        }
        return best
    }

    /// Runs a process (a bare name is looked up on PATH) and returns its stdout, or nil if
    /// it cannot start or exits non-zero.
    static func capture(_ executable: String, _ arguments: [String]) -> String? {
        let p = Process()
        if executable.contains("/") {
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
        } else {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [executable] + arguments
        }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// This qarch executable.
    static func executablePath() -> String {
        let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        return link ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
