import Foundation
import NumberFormats

/// A 2-D `.npy` array read in place: the file is memory-mapped read-only and its rows are
/// decoded tile by tile, each tile's pages given back to the kernel once decoded, so the
/// file itself never has to fit in memory (the resident part stays about one tile).
///
/// Files that cannot be mapped (pipes, `<(…)` in a shell) are read whole by `NpyFile.read`;
/// every error is the one `NpyFile.read` gives for the same file.
///
/// ```swift
/// let a = try NpyMapping(path: "A.npy")     // header checked, no element read yet
/// a.shape                                   // [16384, 16384]
/// a.firstNonFinite()                        // nil: scanned 64 MiB at a time
/// let tile = a.rows(0..<256)                // rows 0…255 as Doubles, row-major
/// ```
public final class NpyMapping: @unchecked Sendable {
    public let path: String
    public let header: NpyFile.Header
    /// The mapping (nil when the file was read whole into `values`).
    private let base: UnsafeRawPointer?
    private let mappedLength: Int
    private let values: [Double]

    /// Bytes decoded per tile by `firstNonFinite` and `matrix`.
    public static let tileBytes = 64 << 20

    public var shape: [Int] { header.shape }
    /// Rows and columns (a 1-D array is one row).
    public var rows: Int { header.shape.count == 2 ? header.shape[0] : 1 }
    public var cols: Int { header.shape.count == 2 ? header.shape[1] : (header.shape.first ?? 0) }
    /// Whether the file is memory-mapped (false: read whole).
    public var isMapped: Bool { base != nil }

    public init(path: String) throws(WorkloadError) {
        self.path = path
        var info = stat()
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0,
              let mapping = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED else {
            if fd >= 0 { close(fd) }
            // Not a mappable regular file: read it whole, with NpyFile's own errors.
            let file = try NpyFile.read(path: path)
            header = NpyFile.Header(shape: file.shape, descr: file.descr, itemSize: file.descr == "<f4" ? 4 : 8,
                                    dataStart: 0, count: file.values.count)
            values = file.values
            base = nil
            mappedLength = 0
            return
        }
        close(fd)
        let size = Int(info.st_size)
        let bytes = UnsafeRawBufferPointer(start: mapping, count: size)
        let first = Array(bytes.prefix(12))
        let prefix = NpyFile.headerLength(first).map { Array(bytes.prefix(Swift.min($0, size))) } ?? first
        do {
            header = try NpyFile.header(prefix, fileSize: size, file: path)
        } catch {
            munmap(mapping, size)
            throw error
        }
        base = UnsafeRawPointer(mapping)
        mappedLength = size
        values = []
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), mappedLength) }
    }

    /// Element `i` (row-major), widened exactly to Double.
    public func element(_ i: Int) -> Double {
        guard let base else { return values[i] }
        let p = base + header.dataStart + i * header.itemSize
        return header.itemSize == 4
            ? Double(Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(as: UInt32.self))))
            : Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)))
    }

    /// Rows `range` as row-major Doubles; their pages are released afterwards.
    public func rows(_ range: Range<Int>) -> [Double] {
        let lo = range.lowerBound * cols, hi = range.upperBound * cols
        guard base != nil else { return Array(values[lo..<hi]) }
        let out = (lo..<hi).map(element)
        release(elements: lo..<hi)
        return out
    }

    /// Columns `range` of every row as row-major Doubles (rows × range.count), read a band
    /// of rows at a time, each band's pages released afterwards: a column panel of B costs
    /// its own size, not the file's.
    ///
    /// ```swift
    /// let b = try NpyMapping(path: "B.npy")   // 8192 × 8192
    /// b.columns(512..<1024).count             // 8192 · 512
    /// ```
    public func columns(_ range: Range<Int>) -> [Double] {
        let width = range.count
        var out = [Double](repeating: 0, count: rows * width)
        for band in bands() {
            for r in band {
                let row = r * cols
                for (j, c) in range.enumerated() { out[r * width + j] = element(row + c) }
            }
            release(elements: band.lowerBound * cols ..< band.upperBound * cols)
        }
        return out
    }

    /// The index of the first non-finite element, scanning a tile at a time, or nil.
    public func firstNonFinite() -> Int? {
        guard base != nil else { return values.firstIndex { !$0.isFinite } }
        for band in bands() {
            let lo = band.lowerBound * cols, hi = band.upperBound * cols
            for i in lo..<hi where !element(i).isFinite { return i }
            release(elements: lo..<hi)
        }
        return nil
    }

    /// The whole array as a matrix, decoded a tile at a time (peak: the matrix plus a tile).
    public func matrix() -> Matrix {
        guard base != nil else { return Matrix(rows: rows, cols: cols, storage: values) ?? Matrix(rows: 0, cols: 0) }
        var m = Matrix(rows: rows, cols: cols)
        for band in bands() {
            let lo = band.lowerBound * cols, hi = band.upperBound * cols
            for i in lo..<hi { m.storage[i] = element(i) }
            release(elements: lo..<hi)
        }
        return m
    }

    /// Row ranges of about `tileBytes` each (at least one row).
    func bands() -> [Range<Int>] {
        let rowBytes = Swift.max(cols * header.itemSize, 1)
        let step = Swift.max(1, Self.tileBytes / rowBytes)
        return stride(from: 0, to: rows, by: step).map { $0..<Swift.min($0 + step, rows) }
    }

    /// Give the whole pages of elements `range` back to the kernel (they are re-read from the
    /// file if touched again).
    private func release(elements range: Range<Int>) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0 else { return }
        let start = header.dataStart + range.lowerBound * header.itemSize
        let end = header.dataStart + range.upperBound * header.itemSize
        let first = (start + page - 1) / page * page, last = end / page * page
        guard last > first else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, Int32(MADV_DONTNEED))
    }

}
