import Foundation
import Testing
import Workloads
import NumberFormats

@Suite struct NpyFileTests {
    /// Writing then reading gives the same matrix: exactly for float64, rounded to nearest
    /// float32 for `<f4`. The header is a valid version-1.0 header aligned to 64 bytes.
    @Test func roundTrip() throws {
        let m = try #require(Matrix(rows: 2, cols: 3, storage: [0.1, -2.5, 1e300, -0.0, .infinity, 3]))
        let f8 = NpyFile.encode(m)
        #expect(Array(f8[0..<8]) == NpyFile.magic + [1, 0])
        let headerLength = Int(f8[8]) | Int(f8[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let back = try NpyFile.parse(f8, file: "x.npy")
        #expect(back.shape == [2, 3] && back.descr == "<f8")
        #expect(back.values.map(\.bitPattern) == m.storage.map(\.bitPattern))
        let f4 = try NpyFile.parse(NpyFile.encode(m, float32: true), file: "y.npy")
        #expect(f4.descr == "<f4" && f4.values == m.storage.map { Double(Float($0)) })
    }

    /// A header key given twice is refused at that key (NumPy would keep the last one).
    @Test func repeatedHeaderKeyIsRefused() throws {
        var bytes = NpyFile.encode(try #require(Matrix(rows: 1, cols: 2, storage: [1, 2])))
        let header = "{'descr': '<f8', 'shape': (1, 2), 'fortran_order': False, 'shape': (2, 1), }"
        let padded = header + String(repeating: " ", count: Int(bytes[8]) | Int(bytes[9]) << 8 - header.utf8.count - 1) + "\n"
        bytes.replaceSubrange(10..<(10 + padded.utf8.count), with: Array(padded.utf8))
        #expect(throws: WorkloadError.invalid(path: "d.npy", field: "header.shape",
                                              message: "expected each key once in the header dictionary, found 'shape' again at character 58")) {
            _ = try NpyFile.parse(bytes, file: "d.npy")
        }
    }

    @Test func writeIsAtomicAndReadable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.npy").path
        let m = try #require(Matrix(rows: 1, cols: 2, storage: [1, 2]))
        try NpyFile.write(m, to: path)
        #expect(try NpyFile.read(path: path).matrix == m)
        #expect(throws: WorkloadError.self) { try NpyFile.write(m, to: dir.appendingPathComponent("no/such/dir/c.npy").path) }
    }
}
