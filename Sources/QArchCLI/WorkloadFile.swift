import DesignModel
import ExactJSON
import Foundation
import Workloads

/// A workload JSON file (`qarch evaluate --workload FILE`), read with the design model's
/// exact reader and `FieldReader`, so its rules are those of design files: every problem
/// is reported with its JSON path, unknown and repeated keys are refused, names are
/// printable, and a workload must have work to do.
///
/// The format: `{"name", "description"?, "gemms": [{"name", "m", "k", "n", "count"}]}`, with
/// m, k, n integers 1…2^53, count an integer 0…2^53 (at least one GEMM with a count ≥ 1).
///
/// ```swift
/// let data = Data(#"{"name": "tiny", "gemms": [{"name": "g", "m": 4, "k": 128, "n": 8, "count": 3}]}"#.utf8)
/// try WorkloadFile.decode(data).get().macs   // 12288
/// WorkloadFile.decode(Data(#"{"name": "e", "gemms": []}"#.utf8))
/// // .failure: gemms: expected at least one GEMM, found an empty array
/// ```
enum WorkloadFile {
    /// The keys of the document and of each GEMM.
    static let keys = ["$schema", "name", "description", "gemms"]
    static let gemmKeys = ["name", "m", "k", "n", "count"]

    /// The largest dimension or count: the integers a JSON number (a Double) holds exactly.
    static let maxValue = 1 << 53

    /// The workload in `data`, or every problem found, each with its JSON path.
    static func decode(_ data: Data) -> Result<Workload, DesignErrors> {
        let root: JSONNode
        switch JSONNode.parse(data) {
        case .failure(let issue): return .failure(DesignErrors([issue]))
        case .success(let node): root = node
        }
        var r = FieldReader()
        let top = r.object(root, at: .root, keys: keys, what: "a workload object {name, gemms}")
        let name = r.string(top, "name", at: .root, printable: true)
        _ = r.string(top, "description", at: .root, optional: true, allowEmpty: true)
        _ = r.string(top, "$schema", at: .root, optional: true, allowEmpty: true)
        let gemmsPath = JSONPath.root.key("gemms")
        var gemms: [GEMMShape] = []
        if let items = r.array(top, "gemms", at: .root) {
            for (i, item) in items.enumerated() {
                let p = gemmsPath.index(i)
                let obj = r.object(item, at: p, keys: gemmKeys, what: "a GEMM object {name, m, k, n, count}")
                let gemmName = r.string(obj, "name", at: p, printable: true)
                let m = r.integer(obj, "m", at: p, in: 1...maxValue)
                let k = r.integer(obj, "k", at: p, in: 1...maxValue)
                let n = r.integer(obj, "n", at: p, in: 1...maxValue)
                let count = r.integer(obj, "count", at: p, in: 0...maxValue)
                if let gemmName, let m, let k, let n, let count {
                    gemms.append(GEMMShape(name: gemmName, m: m, k: k, n: n, count: count))
                }
            }
            if items.isEmpty {
                r.fail(gemmsPath, "expected at least one GEMM, found an empty array")
            } else if r.issues.isEmpty, gemms.allSatisfy({ $0.count == 0 }) {
                r.fail(gemmsPath, "expected at least one GEMM with a count ≥ 1, found a count of 0 in every GEMM")
            }
        }
        guard let name, r.issues.isEmpty else {
            return .failure(DesignErrors(r.issues.isEmpty
                ? [DesignIssue(path: .root, message: "expected a valid workload, found an invalid one")] : r.issues))
        }
        return .success(Workload(name: name, gemms: gemms))
    }

    /// The workload in `data` read from `file`, or a `CLIError` (exit 1) whose lines name the
    /// file and each JSON path.
    static func require(_ data: Data, file: String) throws -> Workload {
        switch decode(data) {
        case .success(let w): return w
        case .failure(let errors):
            throw CLIError.invalidInput(each: errors.issues.map { "\(file): \($0.path): \($0.message)" })
        }
    }
}
