import Foundation
import NumberFormats
import Workloads

/// `.npy` arrays: small encoded matrices mutated in their header fields (descr, fortran_order
/// and shape lies, header length and version lies), their data (truncated, extended) and
/// bytes, decoded by `NpyFile.parse` (what `NpyFile.read` runs). An accepted array must hold
/// as many values as its shape says and survive a round trip through `NpyFile.encode`.
struct NpyFuzzFamily: FuzzFamily {
    let name = "npy"
    static let file = "fuzz.npy"

    func seeds() -> [Data] {
        let m = Matrix(rows: 2, cols: 3, storage: [1, -2.5, 0, .infinity, -0.0, 0x1p-1030]) ?? Matrix(rows: 0, cols: 0)
        let row = Matrix(rows: 1, cols: 4, storage: [0.1, 0.2, 0.3, 0.4]) ?? Matrix(rows: 0, cols: 0)
        return [NpyFile.encode(m), NpyFile.encode(m, float32: true), NpyFile.encode(row), Self.npy("'<f4'", "False", "(2,)", 8)]
            .map { Data($0) }
    }

    /// A version-1.0 file with the given header field texts and `bytes` zero data bytes.
    static func npy(_ descr: String, _ fortran: String, _ shape: String, _ bytes: Int, version: UInt8 = 1, length: Int? = nil) -> [UInt8] {
        let header = "{'descr': \(descr), 'fortran_order': \(fortran), 'shape': \(shape), }\n"
        let n = length ?? header.utf8.count
        let lengthBytes: [UInt8] = version == 1 ? [UInt8(truncatingIfNeeded: n), UInt8(truncatingIfNeeded: n >> 8)]
            : (0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }
        return NpyFile.magic + [version, 0] + lengthBytes + Array(header.utf8) + [UInt8](repeating: 0, count: bytes)
    }

    static let descrs = ["'<f4'", "'<f8'", "'<i4'", "'>f4'", "'|u1'", "'<f2'", "''", "\"<f8\"", "'<f8", "<f8", "1", "None", "('<f8', 1)"]
    static let fortrans = ["False", "True", "0", "1", "false", "None", "'False'"]
    static let shapes = ["(2, 3)", "(3,)", "()", "(0,)", "(0, 5)", "(1000000000000,)", "(1000000, 1000000)", "(-1,)", "(9223372036854775807, 2)",
                         "(4294967296, 4294967296)", "(1, 2, 3)", "(2,3", "[2, 3]", "(2, 'x')", "(1e3,)", "(00,)", "(+1,)", "(99999999999999999999,)"]

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data {
        var b = [UInt8](input)
        switch rng.below(8) {
        case 0, 1:
            let bytes = rng.pick([0, 1, 4, 7, 8, 12, 24, 48, 100])
            b = Self.npy(rng.pick(Self.descrs), rng.pick(Self.fortrans), rng.pick(Self.shapes), bytes)
        case 2:
            // A header length lie (version 1 or 2/3).
            let version = rng.pick([1, 2, 3, 4, 0] as [UInt8])
            let header = 60
            b = Self.npy(rng.pick(Self.descrs), "False", rng.pick(Self.shapes), rng.below(64), version: version,
                         length: rng.pick([0, 1, header - 1, header + 1, 65535, Int(UInt32.max), 1 << 31]))
        case 3:
            b = Array(b.prefix(rng.below(b.count + 1)))
        case 4:
            b += (0..<rng.pick([1, 3, 8, 64])).map { _ in rng.byte() }
        case 5:
            // Mutate the header as text.
            guard b.count > 10 else { fallthrough }
            let headerEnd = min(b.count, 10 + (Int(b[8]) | Int(b[9]) << 8))
            let header = Data(b[10..<headerEnd])
            b = Array(b[..<10]) + [UInt8](JSONMutator.mutate(header, &rng)) + Array(b[headerEnd...])
        case 6:
            guard !b.isEmpty else { fallthrough }
            b[rng.below(b.count)] = rng.byte()
        default:
            guard !b.isEmpty else { b = [rng.byte()]; break }
            let at = rng.below(b.count)
            b.insert(contentsOf: rng.pick(JSONMutator.badBytes), at: at)
        }
        return Data(b)
    }

    func check(_ input: Data) -> FuzzVerdict {
        do {
            let array = try NpyFile.parse([UInt8](input), file: Self.file)
            guard array.values.count == array.shape.reduce(1, *) else { return .finding("\(array.values.count) values for shape \(array.shape)") }
            let float32 = array.descr == "<f4"
            let again = try NpyFile.parse(NpyFile.encode(array.matrix, float32: float32), file: Self.file)
            let same = again.values.count == array.values.count && zip(again.values, array.values).allSatisfy { a, b in
                a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
            }
            guard same, array.shape.count == 1 || again.shape == array.shape else {
                return .finding("round trip through NpyFile.encode changed the array (shape \(array.shape) → \(again.shape))")
            }
            return .accepted
        } catch {
            return .judge(errorLines: [error.description], file: Self.file)
        }
    }
}
