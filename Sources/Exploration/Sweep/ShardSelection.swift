/// The shard a sweep process evaluates: `--shard i/n` as given, or `--shard auto` /
/// `--shard auto/n` from the environment of a cluster array job (Exploration/README.md,
/// "Sharding on a cluster").
///
/// - **Slurm array job** (`sbatch --array=0-7`): the index is `SLURM_ARRAY_TASK_ID` −
///   `SLURM_ARRAY_TASK_MIN`, the count `SLURM_ARRAY_TASK_COUNT` (or `MAX` − `MIN` + 1); the
///   array must step by 1 (`SLURM_ARRAY_TASK_STEP`), so the tasks cover every shard.
/// - **Kubernetes Indexed Job** (`completionMode: Indexed`): the index is
///   `JOB_COMPLETION_INDEX`; Kubernetes does not export the count, so it is given as
///   `--shard auto/n` (the Job's `completions`).
///
/// `auto/n` also checks a Slurm array against `n`. Neither set is refused: a sweep that
/// silently ran every point on every task would do the work n times.
///
/// ```swift
/// try ShardSelection.resolve("auto", environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "0",
///                                                   "SLURM_ARRAY_TASK_COUNT": "8"])   // shard 3 of 8
/// try ShardSelection.resolve("auto/4", environment: ["JOB_COMPLETION_INDEX": "2"])    // shard 2 of 4
/// try ShardSelection.resolve("1/2", environment: [:])                                   // shard 1 of 2
/// ```
public enum ShardSelection {
    /// The largest shard count accepted.
    public static let maxCount = 10_000

    /// Why a `--shard` value cannot be used: one line, without the option name.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The shard `text` selects in `environment`.
    public static func resolve(_ text: String, environment: [String: String]) throws(Problem) -> SweepResult.Shard {
        if text == "auto" { return try fromEnvironment(count: nil, environment) }
        if text.hasPrefix("auto/") {
            guard let n = Int(text.dropFirst(5)), (1...maxCount).contains(n) else {
                throw Problem(description: "expected auto/n with 1 ≤ n ≤ \(maxCount) (e.g. auto/4), found '\(text)'")
            }
            return try fromEnvironment(count: n, environment)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= maxCount, i >= 0, i < n else {
            throw Problem(description: "expected i/n with 0 ≤ i < n ≤ \(maxCount) (e.g. 0/2), auto or auto/n, found '\(text)'")
        }
        return SweepResult.Shard(index: i, count: n)
    }

    static func fromEnvironment(count given: Int?, _ env: [String: String]) throws(Problem) -> SweepResult.Shard {
        func integer(_ name: String) throws(Problem) -> Int? {
            guard let text = env[name], !text.isEmpty else { return nil }
            guard let v = Int(text), v >= 0 else { throw Problem(description: "\(name) is '\(text)', expected an integer ≥ 0") }
            return v
        }
        let shard: SweepResult.Shard
        if let id = try integer("SLURM_ARRAY_TASK_ID") {
            if let step = try integer("SLURM_ARRAY_TASK_STEP"), step != 1 {
                throw Problem(description: "the Slurm array steps by \(step) (SLURM_ARRAY_TASK_STEP); shards need consecutive task ids (--array=0-N)")
            }
            let min = try integer("SLURM_ARRAY_TASK_MIN") ?? 0
            let count: Int
            if let c = try integer("SLURM_ARRAY_TASK_COUNT") {
                count = c
            } else if let max = try integer("SLURM_ARRAY_TASK_MAX") {
                count = max - min + 1
            } else if let given {
                count = given
            } else {
                throw Problem(description: "a Slurm array job sets SLURM_ARRAY_TASK_ID but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX; give --shard auto/n")
            }
            if let given, given != count {
                throw Problem(description: "--shard auto/\(given) but the Slurm array has \(count) tasks")
            }
            shard = SweepResult.Shard(index: id - min, count: count)
        } else if let index = try integer("JOB_COMPLETION_INDEX") {
            guard let given else {
                throw Problem(description: "a Kubernetes Indexed Job sets JOB_COMPLETION_INDEX=\(index) but not the count; give --shard auto/n with n the Job's completions")
            }
            shard = SweepResult.Shard(index: index, count: given)
        } else {
            throw Problem(description: "auto: neither a Slurm array job (SLURM_ARRAY_TASK_ID) nor a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) is set; give --shard i/n")
        }
        guard shard.count >= 1, shard.count <= maxCount, shard.index >= 0, shard.index < shard.count else {
            throw Problem(description: "the environment gives shard \(shard.index) of \(shard.count), expected 0 ≤ i < n ≤ \(maxCount)")
        }
        return shard
    }
}
