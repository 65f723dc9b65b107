/// A dense row-major matrix of Doubles: the real-valued operands and results of a GEMM.
///
/// ```swift
/// var a = Matrix(rows: 2, cols: 3)
/// a[1, 2] = 5
/// a.row(1)     // [0, 0, 5]
/// ```
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let cols: Int
    public var storage: [Double]

    /// A zero matrix.
    public init(rows: Int, cols: Int) {
        self.rows = max(rows, 0)
        self.cols = max(cols, 0)
        storage = [Double](repeating: 0, count: self.rows * self.cols)
    }

    /// A matrix over `storage` (row-major); nil when the count does not match.
    public init?(rows: Int, cols: Int, storage: [Double]) {
        guard rows >= 0, cols >= 0, rows.multipliedReportingOverflow(by: cols) == (storage.count, false) else { return nil }
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    @inline(__always)
    public subscript(r: Int, c: Int) -> Double {
        get { storage[r * cols + c] }
        set { storage[r * cols + c] = newValue }
    }

    /// Row `r` as an array.
    public func row(_ r: Int) -> [Double] { Array(storage[(r * cols)..<((r + 1) * cols)]) }

    /// Column `c` as an array.
    public func column(_ c: Int) -> [Double] { (0..<rows).map { storage[$0 * cols + c] } }

    /// The transpose.
    public func transposed() -> Matrix {
        var t = Matrix(rows: cols, cols: rows)
        for r in 0..<rows { for c in 0..<cols { t.storage[c * rows + r] = storage[r * cols + c] } }
        return t
    }
}
