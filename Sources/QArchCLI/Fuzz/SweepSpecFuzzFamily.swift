import Exploration
import Foundation
import QArchSupport
import Workloads

/// Sweep specs: `Designs/spaces` and the exploration test fixtures mutated as JSON, decoded
/// by `SweepSpec.decode` (what `SweepSpec.load` runs), with base design files read from
/// `Designs/` and sentence files (`.txt`) from `Data/` by name. Accepted specs must be strict JSON and decode the same twice.
struct SweepSpecFuzzFamily: FuzzFamily {
    let name = "sweep-spec"
    static let file = "fuzz-space.json"

    func seeds() -> [Data] { FuzzSeeds.files(in: "Designs/spaces") + FuzzSeeds.files(in: "Tests/ExplorationTests/Fixtures") }

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { JSONMutator.mutate(input, &rng) }

    func check(_ input: Data) -> FuzzVerdict {
        do {
            let spec = try decode(input)
            guard JSONMutator.isStrictJSON(input) else { return .finding("accepted a sweep spec that is not strict JSON") }
            guard let again = try? decode(input), again.gridSize == spec.gridSize, again.name == spec.name else {
                return .finding("decoding twice gave two specs")
            }
            return .accepted
        } catch {
            // A problem inside a file the spec names (a design, or a sentence file read as a
            // design after a mutant swapped the names) is reported against that file: judge it
            // as if it were the spec's, so the line still needs a place and a message.
            let lines = error.issues.map { issue -> String in
                let file = issue.file.hasPrefix("Designs/") || issue.file.hasPrefix("Data/") ? Self.file : issue.file
                return "\(file): \(issue.path): \(issue.message)"
            }
            return .judge(errorLines: lines, file: Self.file)
        }
    }

    /// The base design files read so far, by path: each is read once per run.
    static let designs = MemoCache<String, Result<Data, InputFileProblem>>()

    /// The base designs' checks, shared by every mutant (the result is the same without it).
    static let checks = DesignCheckMemo()

    func decode(_ input: Data) throws(SweepSpecErrors) -> SweepSpec {
        try SweepSpec.decode(input, file: Self.file, memo: Self.checks) { name in
            let base = name.split(separator: "/").last.map(String.init) ?? name
            let path = (base.hasSuffix(".txt") ? "Data/" : "Designs/") + base   // a sentence file, else a design
            return (path, Self.designs.value(for: path) { Result { () throws(InputFileProblem) in try InputFile.read(path) } })
        }
    }
}
