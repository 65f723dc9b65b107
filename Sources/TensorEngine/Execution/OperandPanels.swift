import NumberFormats

/// Where a streamed value run (`GEMMExecution.runStreamed`) reads its operands from, one
/// panel at a time: rows of A with all of K, or columns of B with all of K. A memory-mapped
/// `.npy` file serves panels without holding the file (the CLI conforms Workloads'
/// `NpyMapping`); an in-memory `Matrix` serves them by copying.
///
/// ```swift
/// let a = Matrix(rows: 4, cols: 3)
/// a.rowPanel(1..<3).rows        // 2 (rows 1 and 2, all 3 columns)
/// a.columnPanel(0..<2).cols     // 2 (columns 0 and 1, all 4 rows)
/// ```
public protocol OperandPanels {
    var panelRows: Int { get }
    var panelCols: Int { get }
    /// Rows `range`, every column.
    func rowPanel(_ range: Range<Int>) -> Matrix
    /// Columns `range`, every row.
    func columnPanel(_ range: Range<Int>) -> Matrix
}

extension Matrix: OperandPanels {
    public var panelRows: Int { rows }
    public var panelCols: Int { cols }

    public func rowPanel(_ range: Range<Int>) -> Matrix {
        Matrix(rows: range.count, cols: cols, storage: Array(storage[range.lowerBound * cols ..< range.upperBound * cols]))
            ?? Matrix(rows: 0, cols: 0)
    }

    public func columnPanel(_ range: Range<Int>) -> Matrix {
        var out = Matrix(rows: rows, cols: range.count)
        for r in 0..<rows {
            for (j, c) in range.enumerated() { out.storage[r * range.count + j] = storage[r * cols + c] }
        }
        return out
    }
}
