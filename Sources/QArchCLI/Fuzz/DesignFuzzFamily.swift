import DesignModel
import Foundation

/// Design files: the shipped designs mutated as JSON, decoded by `Design.decode` (what
/// `DesignFile.load` runs on the file's bytes). Accepted designs must be strict JSON and
/// decode to the same design twice.
struct DesignFuzzFamily: FuzzFamily {
    let name = "design"
    static let file = "fuzz-design.json"

    func seeds() -> [Data] { FuzzSeeds.files(in: "Designs", where: { !$0.hasSuffix("schema.json") }) }

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { JSONMutator.mutate(input, &rng) }

    func check(_ input: Data) -> FuzzVerdict {
        do {
            let design = try Design.decode(input, overrides: [])
            guard JSONMutator.isStrictJSON(input) else { return .finding("accepted a design that is not strict JSON") }
            guard (try? Design.decode(input, overrides: [])) == design else { return .finding("decoding twice gave two designs") }
            return .accepted
        } catch {
            return .judge(errorLines: error.issues.map { "\(Self.file): \($0.path): \($0.message)" }, file: Self.file)
        }
    }
}
