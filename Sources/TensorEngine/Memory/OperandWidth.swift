/// An operand's storage width: `bits` bits for every `per` elements (exact and rational, so
/// per-group scales and zero points are charged without rounding).
///
/// ```swift
/// OperandWidth(bits: 532, per: 128)   // uint4 + FP16 scale + 4-bit zero per 128 weights
/// OperandWidth(bits: 8)               // int8
/// ```
public struct OperandWidth: Equatable, Hashable, Sendable, Codable {
    public var bits: Int
    public var per: Int

    public init(bits: Int, per: Int = 1) {
        self.bits = bits
        self.per = per
    }

    /// Bits per element.
    public var bitsPerElement: Double { Double(bits) / Double(max(per, 1)) }

    /// Bytes holding `elements` values of this width, ⌈elements·bits / (8·per)⌉, exact
    /// (elements·bits may exceed 2^63); throws when the bytes exceed 2^63 − 1.
    ///
    /// ```swift
    /// try OperandWidth(bits: 532, per: 128).byteCount(elements: 128)   // 67 (⌈532/8⌉)
    /// ```
    public func byteCount(elements: Int) throws(TensorEngineError) -> Int {
        try Checked.mulDivCeil(elements, bits, Checked.mul(per, 8, "bytes"), "bytes")
    }
}
