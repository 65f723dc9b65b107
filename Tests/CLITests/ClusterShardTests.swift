import Foundation
import Testing

/// `explore --shard auto` in the environment of a Slurm array task and of a Kubernetes
/// Indexed Job pod gives the same report as the explicit `--shard i/n`, and with neither
/// set it is refused before anything is written.
@Suite struct ClusterShardTests {
    static let small = QArchProcess.packageRoot.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path

    /// Run qarch with `extra` added to the environment (scheduler variables of the test's
    /// own environment removed first).
    static func run(_ arguments: [String], environment extra: [String: String]) throws -> (code: Int32, stderr: String) {
        let process = Process()
        process.executableURL = QArchProcess.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") && $0.key != "JOB_COMPLETION_INDEX" }
        env.merge(extra) { $1 }
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()   // stderr stays small (no progress bar off a terminal), so the pipe cannot fill
        try QArchProcess.waitUnderWatchdog(process, ["qarch"] + arguments)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, text)
    }

    @Test func autoShardsMatchExplicitShards() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func results(_ name: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(name).appendingPathComponent("results.json")) }
        #expect(try Self.run(["explore", Self.small, "--shard", "1/3", "--out", dir.appendingPathComponent("explicit").path],
                             environment: [:]).code == 0)
        let slurm = try Self.run(["explore", Self.small, "--shard", "auto", "--out", dir.appendingPathComponent("slurm").path],
                                 environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "3"])
        #expect(slurm.code == 0, "\(slurm.stderr)")
        let k8s = try Self.run(["explore", Self.small, "--shard", "auto/3", "--out", dir.appendingPathComponent("k8s").path],
                               environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(k8s.code == 0, "\(k8s.stderr)")
        #expect(try results("slurm") == results("explicit"))
        #expect(try results("k8s") == results("explicit"))
    }

    @Test func autoWithoutASchedulerIsRefused() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("none")
        let r = try Self.run(["explore", Self.small, "--shard", "auto", "--out", out.path], environment: [:])
        #expect(r.code == 1)
        #expect(r.stderr == "qarch: error: --shard: auto: neither a Slurm array job (SLURM_ARRAY_TASK_ID) nor a Kubernetes "
            + "Indexed Job (JOB_COMPLETION_INDEX) is set; give --shard i/n\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
