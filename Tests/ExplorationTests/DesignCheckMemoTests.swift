import Foundation
import Testing
import Workloads
@testable import Exploration

/// `DesignCheckMemo`: a spec decoded with a shared memo gives exactly what it gives without
/// one, and the memo answers the repeated design checks.
@Suite struct DesignCheckMemoTests {
    static let designs = SweepSpecTests.designs

    static func decode(_ json: String, memo: DesignCheckMemo?) -> Result<SweepSpec, SweepSpecErrors> {
        Result { () throws(SweepSpecErrors) in
            try SweepSpec.decode(Data(json.utf8), file: "spec.json", memo: memo) { name in
                let url = designs.appendingPathComponent(name)
                return (url.path, Result { () throws(InputFileProblem) in try InputFile.read(url.path) })
            }
        }
    }

    /// What a decode gives, as text: the fingerprint and grid of a spec, or its error lines.
    static func outcome(_ result: Result<SweepSpec, SweepSpecErrors>) -> String {
        switch result {
        case .success(let spec): return "spec \(spec.fingerprint) \(spec.gridSize) \(spec.designs.map(\.axes.count))"
        case .failure(let errors): return errors.issues.map { "\($0.file): \($0.path): \($0.message)" }.joined(separator: "\n")
        }
    }

    static let specs = [
        // Accepted.
        """
        {"schema_version": 1, "name": "a", "designs": [{"file": "int8-systolic.json"}, {"file": "mixpe-w4a8.json", "axes": {"unit.group_size": [64, 128]}}],
         "axes": {"array.rows": [8, 16, 32]}, "workloads": ["vit-base:decode:1:layer"]}
        """,
        // One value refused, one path unknown for every value, one design file with a bad field.
        """
        {"schema_version": 1, "name": "b", "designs": [{"file": "int8-systolic.json"}, {"file": "mixpe-w4a8.json"}],
         "axes": {"array.rows": [8, -1], "array.rowz": [4, 8]}, "workloads": ["vit-base:decode:1:layer"]}
        """,
        """
        {"schema_version": 1, "name": "c", "designs": [{"file": "int8-systolic.json"}, {"file": "schema.json"}],
         "axes": {"array.rows": [8, 16]}, "workloads": ["vit-base:decode:1:layer"]}
        """,
    ]

    @Test func sameOutcomeWithAndWithoutTheMemo() {
        let memo = DesignCheckMemo()
        for json in Self.specs {
            let plain = Self.outcome(Self.decode(json, memo: nil))
            let first = Self.outcome(Self.decode(json, memo: memo))
            let second = Self.outcome(Self.decode(json, memo: memo))
            #expect(first == plain)
            #expect(second == plain)
        }
        // The refused value and the unknown path are reported, naming both designs.
        let b = Self.outcome(Self.decode(Self.specs[1], memo: memo))
        #expect(b.contains(#"axes["array.rows"][1]: expected a value the design accepts"#))
        #expect(b.contains(#"axes["array.rowz"]: expected a design path"#))
        #expect(b.contains("int8-systolic.json, mixpe-w4a8.json"))
    }

    @Test func rememberedChecksAreReused() {
        let memo = DesignCheckMemo()
        _ = Self.decode(Self.specs[0], memo: memo)
        let after = memo.counts
        // Two design files; int8: 3 row values; mixpe: 3 row values + 2 group sizes.
        #expect(after.designs == 2)
        #expect(after.overrides == 8)
        _ = Self.decode(Self.specs[0], memo: memo)
        #expect(memo.counts == after)
    }

    @Test func aFullMemoStartsAgainEmpty() {
        let memo = DesignCheckMemo(capacity: 3)
        _ = Self.decode(Self.specs[0], memo: memo)
        #expect(memo.counts.designs <= 3 && memo.counts.overrides <= 3)
        #expect(Self.outcome(Self.decode(Self.specs[0], memo: memo)) == Self.outcome(Self.decode(Self.specs[0], memo: nil)))
    }
}
