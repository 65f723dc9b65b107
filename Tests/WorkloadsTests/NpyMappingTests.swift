import Foundation
import NumberFormats
import Testing
@testable import Workloads

/// The memory-mapped reader gives `NpyFile.read`'s values, shape and errors.
@Suite struct NpyMappingTests {
    func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("npymap-\(UUID().uuidString).npy").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [false, true])
    func valuesMatchTheWholeFileReader(float32: Bool) throws {
        var rng = SplitMix64(seed: float32 ? 1 : 2)
        let m = Matrix(rows: 13, cols: 21, storage: (0..<273).map { _ in rng.nextUnit() * 4 - 2 })!
        let path = try write(NpyFile.encode(m, float32: float32))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try NpyFile.read(path: path), mapped = try NpyMapping(path: path)
        #expect(mapped.isMapped && mapped.shape == [13, 21])
        #expect(mapped.matrix().storage.map(\.bitPattern) == whole.values.map(\.bitPattern))
        #expect(mapped.rows(3..<5) == Array(whole.values[63..<105]))
        #expect(mapped.firstNonFinite() == nil)
    }

    @Test func firstNonFiniteFindsTheFirst() throws {
        var m = Matrix(rows: 3, cols: 4)
        m.storage[7] = .nan
        m.storage[9] = .infinity
        let path = try write(NpyFile.encode(m))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = try NpyMapping(path: path)
        #expect(mapped.firstNonFinite() == 7)
        #expect(mapped.element(9) == .infinity)
    }

    @Test func errorsAreTheWholeFileReaders() throws {
        var bytes = NpyFile.encode(Matrix(rows: 2, cols: 2))
        bytes.removeLast()
        let path = try write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var wholeError: WorkloadError?, mappedError: WorkloadError?
        do { _ = try NpyFile.read(path: path) } catch { wholeError = error }
        do { _ = try NpyMapping(path: path) } catch { mappedError = error }
        #expect(wholeError != nil && wholeError == mappedError)
        do { _ = try NpyMapping(path: "/nonexistent/x.npy") } catch { mappedError = error }
        do { _ = try NpyFile.read(path: "/nonexistent/x.npy") } catch { wholeError = error }
        #expect(wholeError == mappedError)
    }

    /// The parallel Gaussian samples are the sequential source's, bit for bit (odd counts and
    /// counts past the parallel threshold included).
    @Test(arguments: [1, 2, 7, 40_001])
    func gaussianSamplesMatchTheSequentialSource(count: Int) {
        var g = GaussianSource(seed: 42)
        let sequential = (0..<count).map { _ in g.next().bitPattern }
        #expect(GaussianSource.samples(count: count, seed: 42).map(\.bitPattern) == sequential)
    }
}
