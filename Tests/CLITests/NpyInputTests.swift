import Foundation
import Testing

/// `formats quantize --input x.npy`: float32/float64, 1-D/2-D, and the error lines for
/// malformed files (`qarch: error: <file>: <path>: <expected, found>`, exit 1).
@Suite struct NpyInputTests {
    static let values: [Double] = [0.25, 0.75, 1.25, 2.5, 5.0, 7.0, -2.5, 1e9]

    func codes(_ r: QArchRun) throws -> [Int] {
        let rows = try #require(try r.json() as? [[String: Any]])
        return rows.map { $0["code"] as! Int }
    }

    @Test("float64 and float32, 1-D and 2-D, give the same codes as command-line values",
          arguments: [(false, "(8,)"), (true, "(8,)"), (false, "(2, 4)"), (true, "(4, 2)")])
    func readsFloats(float32: Bool, shape: String) throws {
        let expected = try codes(QArchProcess.run(["formats", "quantize", "e2m1", "--json"] + Self.values.map { "\($0)" }))
        let bytes = npyBytes(descr: float32 ? "<f4" : "<f8", shape: shape, data: floatBytes(Self.values, float32: float32))
        try withTemporaryFile(named: "v.npy", bytes: bytes) { path in
            let r = try QArchProcess.run(["formats", "quantize", "e2m1", "--input", path, "--json"])
            #expect(r.exitCode == 0, "\(r.stderr)")
            #expect(try codes(r) == expected)
            #expect(expected == [0, 2, 2, 4, 6, 7, 12, 7])
        }
    }

    @Test("malformed files exit 1 with file and header path", arguments: [
        ([UInt8](Array("not an npy file".utf8)), "magic"),
        (npyBytes(descr: "<i4", shape: "(2,)", data: [0, 0, 0, 0, 1, 0, 0, 0]), "header.descr"),
        (npyBytes(descr: ">f8", shape: "(1,)", data: floatBytes([1])), "header.descr"),
        (npyBytes(fortran: true, shape: "(1,)", data: floatBytes([1])), "header.fortran_order"),
        (npyBytes(shape: "(1, 1, 1)", data: floatBytes([1])), "header.shape"),
        (npyBytes(shape: "(3,)", data: floatBytes([1, 2])), "data"),
        (Array(npyBytes(shape: "(1,)", data: floatBytes([1])).prefix(40)), "header"),
        (Array(npyBytes(shape: "(1,)", data: floatBytes([1])).prefix(8)), "version"),
    ] as [([UInt8], String)])
    func malformed(bytes: [UInt8], path: String) throws {
        try withTemporaryFile(named: "bad.npy", bytes: bytes) { file in
            let r = try QArchProcess.run(["formats", "quantize", "e2m1", "--input", file])
            #expect(r.exitCode == 1, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderrLines.count == 1)
            #expect(r.stderr.hasPrefix("qarch: error: \(file): \(path): expected "), "\(r.stderr)")
        }
    }

    @Test func missingFile() throws {
        let r = try QArchProcess.run(["formats", "quantize", "e2m1", "--input", "/nonexistent/x.npy"])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.hasPrefix("qarch: error: /nonexistent/x.npy: "))
    }
}
