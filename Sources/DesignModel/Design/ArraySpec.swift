import TensorEngine

/// `array`: how the units are arranged: `{kind, rows, cols, dataflow, tile, packing}`.
///
/// `kind` is `systolic` (a rows×cols systolic array with a dataflow), or one of the
/// tensor-core kinds `dot-tree` and `lut-tile`, which also need a `tile: {m, n, k}`.
///
/// ```swift
/// ArraySpec(kind: .systolic, rows: 32, cols: 32, dataflow: .os)
/// ```
public struct ArraySpec: Sendable, Equatable {
    /// `kind`: the array organisation.
    public enum Kind: String, Sendable, CaseIterable {
        case systolic
        case dotTree = "dot-tree"
        case lutTile = "lut-tile"

        /// Whether this kind is a tensor core that needs a `tile`.
        public var isTensorCore: Bool { self != .systolic }
    }

    public var kind: Kind
    /// `rows`: an integer 1…65536.
    public var rows: Int
    /// `cols`: an integer 1…65536.
    public var cols: Int
    /// `dataflow`: `os`, `ws` or `is` (required for `systolic`, default `os` otherwise).
    public var dataflow: Dataflow
    /// `tile`: the tensor-core instruction shape (tensor-core kinds only).
    public var tile: TileShape?
    /// `packing`: a precision-scalable PE computing several narrow products per cycle
    /// (systolic arrays of units with integer operands only); nil for one product per cycle.
    public var packing: PEPacking?

    public init(kind: Kind, rows: Int, cols: Int, dataflow: Dataflow, tile: TileShape? = nil, packing: PEPacking? = nil) {
        self.kind = kind
        self.rows = rows
        self.cols = cols
        self.dataflow = dataflow
        self.tile = tile
        self.packing = packing
    }
}
