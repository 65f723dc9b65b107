import Foundation
import Testing

/// Issue 18 item 7: a NaN in `--a` scored a perfect `rel_fro 0, sqnr_db inf`. Non-finite
/// operands are refused, naming the file and the first [row, column]; a result that
/// overflows to infinity reports an infinite error, never a perfect or NaN one.
@Suite struct NonFiniteOperandTests {
    static let design = GemmTests.design("mixpe-w4a8.json")

    static func matrix(rows: Int, cols: Int, bad: (index: Int, value: Double)? = nil, scale: Double = 1) -> [UInt8] {
        var values = (0..<(rows * cols)).map { Double(($0 * 37) % 19 - 9) / 8 * scale }
        if let bad { values[bad.index] = bad.value }
        return npyBytes(shape: "(\(rows), \(cols))", data: floatBytes(values))
    }

    @Test("a NaN or infinity in an operand", arguments: [
        ("a", Double.nan, 3 * 32 + 17, "[3, 17]", "nan"),
        ("a", Double.infinity, 0, "[0, 0]", "inf"),
        ("b", -Double.infinity, 5 * 16 + 2, "[5, 2]", "-inf"),
    ])
    func nonFiniteOperand(operand: String, value: Double, index: Int, position: String, found: String) throws {
        let a = Self.matrix(rows: 8, cols: 32, bad: operand == "a" ? (index, value) : nil)
        let b = Self.matrix(rows: 32, cols: 16, bad: operand == "b" ? (index, value) : nil)
        try withTemporaryFile(named: "A.npy", bytes: a) { pa in
            try withTemporaryFile(named: "B.npy", bytes: b) { pb in
                let r = try QArchProcess.run(["gemm", "--design", Self.design, "--a", pa, "--b", pb, "--json"])
                #expect(r.exitCode == 1)
                #expect(r.stdout.isEmpty)
                #expect(r.stderrLines == ["qarch: error: \(operand == "a" ? pa : pb): \(position): expected a finite number, found \(found)"])
            }
        }
    }

    /// Operands of 1e300 overflow the unit's output: the error is infinite (it was NaN).
    @Test func hugeOperandsGiveAnInfiniteError() throws {
        try withTemporaryFile(named: "A.npy", bytes: Self.matrix(rows: 4, cols: 32, scale: 1e300)) { pa in
            try withTemporaryFile(named: "B.npy", bytes: Self.matrix(rows: 32, cols: 8)) { pb in
                let r = try QArchProcess.run(["gemm", "--design", GemmTests.design("fp16-systolic.json"), "--a", pa, "--b", pb, "--json"])
                #expect(r.exitCode == 0, "\(r.stderr)")
                let error = try #require((try r.json() as? [String: Any])?["error"] as? [String: Any])
                #expect(error["max_abs"] as? String == "inf")
                #expect(error["rel_fro"] as? String == "inf")
                #expect(error["sqnr_db"] as? String == "-inf")
            }
        }
    }
}
