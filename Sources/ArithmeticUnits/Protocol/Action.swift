/// A primitive hardware action a unit performs, priced by the cost model.
///
/// An action is a kind and an operand width in bits, written like `int_add32` or
/// `lut_read16`; for `bitserial_dot` the number is the lane count (`bitserial_dot4`: one
/// cycle of BitMoD's 4-lane bit-serial multiplier and adder tree).
///
/// ```swift
/// Action(.intAdd, bits: 32).description   // "int_add32"
/// ```
public struct Action: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// What the action does.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case intAdd = "int_add", intMul = "int_mul", shift, fpAdd = "fp_add", fpMul = "fp_mul"
        case fpFMA = "fp_fma", lutRead = "lut_read", lutWrite = "lut_write", regRead = "reg_read"
        case regWrite = "reg_write", mux, convert, bitSerialDot = "bitserial_dot"

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public let kind: Kind
    /// The operand width in bits.
    public let bits: Int

    public init(_ kind: Kind, bits: Int) {
        self.kind = kind
        self.bits = bits
    }

    public var description: String { "\(kind.rawValue)\(bits)" }

    public static func < (a: Action, b: Action) -> Bool { (a.kind, a.bits) < (b.kind, b.bits) }
}
