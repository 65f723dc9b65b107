import NumberFormats
import TensorEngine
import Workloads

/// A memory-mapped `.npy` operand served panel by panel to a streamed value run: row
/// panels of A and column panels of B are decoded from the mapping and their pages given
/// back, so the file is never held whole.
///
/// ```swift
/// let b = try NpyMapping(path: "B.npy")      // 8192 × 8192 float64, 512 MiB on disk
/// b.columnPanel(0..<512).cols                // 512: 32 MiB decoded
/// ```
extension NpyMapping: OperandPanels {
    public var panelRows: Int { rows }
    public var panelCols: Int { cols }

    public func rowPanel(_ range: Range<Int>) -> Matrix {
        Matrix(rows: range.count, cols: cols, storage: rows(range)) ?? Matrix(rows: 0, cols: 0)
    }

    public func columnPanel(_ range: Range<Int>) -> Matrix {
        Matrix(rows: rows, cols: range.count, storage: columns(range)) ?? Matrix(rows: 0, cols: 0)
    }
}
