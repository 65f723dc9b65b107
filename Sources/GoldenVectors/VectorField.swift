/// One named bit field of a vector: its width and what it holds.
///
/// ```swift
/// VectorField("acc_in", bits: 32, "FP32 accumulator before the step")
/// ```
public struct VectorField: Sendable, Hashable {
    /// The name in `vectors.jsonl`, the `$readmemh` file name and the port map.
    public let name: String
    /// The width in bits; values are unsigned bit patterns of this width.
    public let bits: Int
    /// What the bits mean, e.g. "4 × uint4 weight codes, lane i at bits [4i+3:4i]".
    public let meaning: String

    public init(_ name: String, bits: Int, _ meaning: String) {
        self.name = name
        self.bits = bits
        self.meaning = meaning
    }
}
