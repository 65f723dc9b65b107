import Foundation
import NumberFormats

/// A minimal reader for NumPy `.npy` files: little-endian float32 (`<f4`) or float64
/// (`<f8`), C order, 1-D or 2-D. Versions 1.0, 2.0 and 3.0 of the format are accepted.
///
/// Errors are `WorkloadError` values naming the part of the file at fault, e.g.
/// `x.npy: header.descr: expected '<f4' or '<f8' (little-endian float32/float64), found '<i4'`.
///
/// ```swift
/// let array = try NpyFile.read(path: "weights.npy")
/// array.shape    // [4, 32]
/// array.values   // 128 Doubles in row-major order
/// ```
public struct NpyFile: Equatable, Sendable {
    /// The array shape: one or two dimensions.
    public let shape: [Int]
    /// The element type string from the header, `<f4` or `<f8`.
    public let descr: String
    /// The elements in row-major (C) order, widened exactly to Double.
    public let values: [Double]

    /// The 6-byte magic string every `.npy` file starts with.
    public static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Read and parse the file at `path`.
    public static func read(path: String) throws(WorkloadError) -> NpyFile {
        let data: Data
        do {
            data = try InputFile.read(path)
        } catch {
            throw WorkloadError.io(path: path, message: "expected a .npy file, found \(error.found)")
        }
        return try parse([UInt8](data), file: path)
    }

    /// Parse the bytes of a `.npy` file; `file` names it in error messages.
    public static func parse(_ bytes: [UInt8], file: String) throws(WorkloadError) -> NpyFile {
        let h = try header(bytes, fileSize: bytes.count, file: file)
        let (count, itemSize) = (h.count, h.itemSize)
        var values = [Double]()
        values.reserveCapacity(count)
        var offset = h.dataStart
        for _ in 0..<count {
            var raw: UInt64 = 0
            for b in 0..<itemSize { raw |= UInt64(bytes[offset + b]) << UInt64(8 * b) }
            values.append(itemSize == 4 ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))) : Double(bitPattern: raw))
            offset += itemSize
        }
        return NpyFile(shape: h.shape, descr: h.descr, values: values)
    }

    /// What a `.npy` header says: the shape, the element type, and where the data starts.
    public struct Header: Equatable, Sendable {
        public let shape: [Int]
        public let descr: String
        /// Bytes per element: 4 (`<f4`) or 8 (`<f8`).
        public let itemSize: Int
        /// The offset of the first element.
        public let dataStart: Int
        /// Elements, the product of the shape.
        public let count: Int
    }

    /// The header of a `.npy` file of `fileSize` bytes from its first bytes (`prefix`: the
    /// whole header, or the whole file if shorter), checked as `parse` checks it, the data
    /// size included.
    public static func header(_ bytes: [UInt8], fileSize: Int, file: String) throws(WorkloadError) -> Header {
        func fail(_ path: String, _ what: String) -> WorkloadError { .invalid(path: file, field: path, message: what) }

        guard bytes.count >= 6, Array(bytes[0..<6]) == magic else {
            throw fail("magic", "expected the .npy magic string \\x93NUMPY, found \(describeBytes(bytes.prefix(6)))")
        }
        guard bytes.count >= 10 else {
            throw fail("version", "expected a version and a header length after the magic string, found end of file")
        }
        let major = bytes[6], minor = bytes[7]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw fail("version", "expected a 4-byte header length, found end of file") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw fail("version", "expected format version 1.0, 2.0 or 3.0, found \(major).\(minor)")
        }
        let dataStart = headerStart + headerLength
        guard dataStart <= bytes.count else {
            throw fail("header", "expected a header of \(headerLength) bytes, found \(bytes.count - headerStart)")
        }
        guard let headerText = String(bytes: bytes[headerStart..<dataStart], encoding: major == 3 ? .utf8 : .isoLatin1) else {
            throw fail("header", "expected UTF-8 text, found invalid bytes")
        }
        var parser = NpyHeaderParser(text: headerText, fail: fail)
        let header = try parser.parseDictionary()

        guard case .string(let descr)? = header["descr"] else {
            throw fail("header.descr", "expected a type string such as '<f4', found \(header["descr"]?.description ?? "nothing")")
        }
        let itemSize: Int
        switch descr {
        case "<f4": itemSize = 4
        case "<f8": itemSize = 8
        default:
            throw fail("header.descr", "expected '<f4' or '<f8' (little-endian float32/float64), found '\(descr)'")
        }
        guard case .bool(let fortran)? = header["fortran_order"] else {
            throw fail("header.fortran_order", "expected True or False, found \(header["fortran_order"]?.description ?? "nothing")")
        }
        guard !fortran else {
            throw fail("header.fortran_order", "expected False (C order), found True")
        }
        guard case .tuple(let shape)? = header["shape"] else {
            throw fail("header.shape", "expected a tuple of dimensions, found \(header["shape"]?.description ?? "nothing")")
        }
        guard shape.count == 1 || shape.count == 2 else {
            throw fail("header.shape", "expected 1 or 2 dimensions, found \(shape.count) in (\(shape.map(String.init).joined(separator: ", ")))")
        }
        var count = 1
        for d in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow else { throw fail("header.shape", "expected a shape that fits in memory, found \(shape)") }
            count = product
        }
        let available = fileSize - dataStart
        let (needed, overflow) = count.multipliedReportingOverflow(by: itemSize)
        guard !overflow, needed == available else {
            throw fail("data", "expected \(count) × \(itemSize) = \(count &* itemSize) bytes for shape \(shape), found \(available)")
        }
        return Header(shape: shape, descr: descr, itemSize: itemSize, dataStart: dataStart, count: count)
    }

    /// How many leading bytes of a file hold its header, from its first 12 bytes (or fewer):
    /// all of `first` when they do not start a valid header (`header` then says why).
    static func headerLength(_ first: [UInt8]) -> Int? {
        guard first.count >= 10, Array(first[0..<6]) == magic else { return nil }
        switch first[6] {
        case 1: return 10 + (Int(first[8]) | Int(first[9]) << 8)
        case 2, 3:
            guard first.count >= 12 else { return nil }
            return 12 + (Int(first[8]) | Int(first[9]) << 8 | Int(first[10]) << 16 | Int(first[11]) << 24)
        default: return nil
        }
    }

    private static func describeBytes(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.isEmpty ? "an empty file" : bytes.map { b in
            (0x20..<0x7F).contains(b) ? String(UnicodeScalar(b)) : "\\x" + (b < 16 ? "0" : "") + String(b, radix: 16)
        }.joined()
    }
}

extension NpyFile {
    /// The array as a matrix (a 1-D array is one row).
    public var matrix: Matrix {
        let (rows, cols) = shape.count == 2 ? (shape[0], shape[1]) : (1, shape.first ?? 0)
        return Matrix(rows: rows, cols: cols, storage: values) ?? Matrix(rows: 0, cols: 0)
    }

    /// The bytes of a version-1.0 `.npy` file holding `matrix` as little-endian float32
    /// (`<f4`, each value rounded to nearest-even) or float64 (`<f8`, exact).
    public static func encode(_ matrix: Matrix, float32: Bool = false) -> [UInt8] {
        var header = "{'descr': '\(float32 ? "<f4" : "<f8")', 'fortran_order': False, 'shape': (\(matrix.rows), \(matrix.cols)), }"
        // Pad with spaces so the data starts on a 64-byte boundary; the header ends in a newline.
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes = magic + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)] + Array(header.utf8)
        bytes.reserveCapacity(bytes.count + matrix.storage.count * (float32 ? 4 : 8))
        for v in matrix.storage {
            let bits: UInt64 = float32 ? UInt64(Float(v).bitPattern) : v.bitPattern
            for b in 0..<(float32 ? 4 : 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(8 * b))) }
        }
        return bytes
    }

    /// Write `matrix` to `path` atomically (`OutputFile`: a temporary file in the same folder,
    /// then a rename), so a failure never leaves a partial file; a directory is refused.
    public static func write(_ matrix: Matrix, to path: String, float32: Bool = false) throws(WorkloadError) {
        do {
            try OutputFile.write(Data(encode(matrix, float32: float32)), to: path)
        } catch {
            throw .io(path: path, message: error.reason)
        }
    }
}
