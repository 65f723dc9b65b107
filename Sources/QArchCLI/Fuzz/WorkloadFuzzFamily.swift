import ExactJSON
import Foundation
import Workloads

/// Workload files (`evaluate --workload`): built seeds mutated as JSON, decoded by
/// `WorkloadFile.decode`. An accepted workload must be strict JSON and survive a round trip:
/// encoded again and decoded, it is the same workload.
struct WorkloadFuzzFamily: FuzzFamily {
    let name = "workload"
    static let file = "fuzz-workload.json"

    func seeds() -> [Data] {
        [#"{"name": "tiny", "gemms": [{"name": "g", "m": 4, "k": 128, "n": 8, "count": 3}]}"#,
         #"{"$schema": "../Designs/workload.schema.json", "name": "two", "description": "Two GEMMs.", "gemms": [{"name": "qkv", "m": 16, "k": 768, "n": 2304, "count": 12}, {"name": "ffn", "m": 16, "k": 768, "n": 3072, "count": 0}]}"#,
         #"{"name": "big", "gemms": [{"name": "x", "m": 9007199254740992, "k": 1, "n": 1, "count": 9007199254740992}]}"#]
            .map { Data($0.utf8) }
    }

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { JSONMutator.mutate(input, &rng) }

    func check(_ input: Data) -> FuzzVerdict {
        switch WorkloadFile.decode(input) {
        case .failure(let errors):
            return .judge(errorLines: errors.issues.map { "\(Self.file): \($0.path): \($0.message)" }, file: Self.file)
        case .success(let workload):
            guard JSONMutator.isStrictJSON(input) else { return .finding("accepted a workload that is not strict JSON") }
            let text = JSONValue.object([
                ("name", .string(workload.name)),
                ("gemms", .array(workload.gemms.map {
                    .object([("name", .string($0.name)), ("m", .int($0.m)), ("k", .int($0.k)), ("n", .int($0.n)), ("count", .int($0.count))])
                })),
            ]).render()
            guard case .success(let again) = WorkloadFile.decode(Data(text.utf8)), again == workload else {
                return .finding("re-encoded workload does not decode to the same workload: \(text)")
            }
            return .accepted
        }
    }
}
