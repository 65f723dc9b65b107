import Testing
@testable import Exploration

/// `--shard i/n`, `auto` and `auto/n` (issue 14 item 4): Slurm array jobs and Kubernetes
/// Indexed Jobs, and every environment that cannot give a shard refused with its reason.
@Suite struct ShardSelectionTests {
    typealias Shard = SweepResult.Shard

    @Test func explicitShards() throws {
        #expect(try ShardSelection.resolve("1/2", environment: [:]) == Shard(index: 1, count: 2))
        #expect(try ShardSelection.resolve("0/1", environment: ["SLURM_ARRAY_TASK_ID": "5"]) == Shard(index: 0, count: 1))
        for bad in ["2/2", "-1/2", "1", "a/b", "0/10001", "auto/0", "auto/x", "auto/"] {
            #expect(throws: ShardSelection.Problem.self, "\(bad)") { try ShardSelection.resolve(bad, environment: [:]) }
        }
    }

    @Test func slurmArrays() throws {
        // sbatch --array=0-7: task 3.
        #expect(try ShardSelection.resolve("auto", environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "0",
                                                                  "SLURM_ARRAY_TASK_MAX": "7", "SLURM_ARRAY_TASK_COUNT": "8"])
                == Shard(index: 3, count: 8))
        // sbatch --array=1-4: task 1 is shard 0; the count from MIN/MAX when COUNT is absent.
        #expect(try ShardSelection.resolve("auto", environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1",
                                                                  "SLURM_ARRAY_TASK_MAX": "4"])
                == Shard(index: 0, count: 4))
        #expect(try ShardSelection.resolve("auto/4", environment: ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1",
                                                                    "SLURM_ARRAY_TASK_COUNT": "4"])
                == Shard(index: 3, count: 4))
    }

    @Test func kubernetesIndexedJobs() throws {
        #expect(try ShardSelection.resolve("auto/5", environment: ["JOB_COMPLETION_INDEX": "4"]) == Shard(index: 4, count: 5))
    }

    @Test("refused environments", arguments: [
        ("auto", [:], "neither a Slurm array job (SLURM_ARRAY_TASK_ID) nor a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) is set"),
        ("auto", ["JOB_COMPLETION_INDEX": "2"], "sets JOB_COMPLETION_INDEX=2 but not the count; give --shard auto/n"),
        ("auto/2", ["JOB_COMPLETION_INDEX": "2"], "the environment gives shard 2 of 2"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "3"], "neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "6", "SLURM_ARRAY_TASK_STEP": "2"],
         "steps by 2"),
        ("auto/3", ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"], "--shard auto/3 but the Slurm array has 4 tasks"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "4"], "SLURM_ARRAY_TASK_ID is 'x'"),
    ] as [(String, [String: String], String)])
    func refused(text: String, environment: [String: String], reason: String) {
        do {
            let s = try ShardSelection.resolve(text, environment: environment)
            Issue.record("\(text) \(environment): accepted as \(s)")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }
}
