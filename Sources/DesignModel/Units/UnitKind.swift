import ArithmeticUnits
import ExactJSON
import TensorEngine

/// One kind of arithmetic unit a design's `unit` object can name, described once: its JSON
/// name and fields (with their validation, defaults and JSON Schema), the bit-exact unit it
/// builds, the widths its operands occupy in memory, the dequantization traffic it causes,
/// the formats it computes in and the cases `qarch bench` times. A value is one configured
/// unit of the kind (what a design's `unit` object decodes to).
///
/// Everything else reads these members through `UnitRegistry` or `UnitSpec`: the decoder,
/// the generated `Designs/schema.json`, the buffer and DRAM models, the cost model, the
/// error measurements and the bench. Cycles per step and dot width are the built unit's
/// `timing` (initiation interval, MACs per operation); which published figures price the
/// PE is data, the design's `unit.paper_pe`. The protocol gives no member a default, so a
/// new kind that forgets one does not compile (a family protocol such as `ElementMACKind`
/// may define them for its members). `CONTRIBUTING.md` walks through adding a kind.
///
/// ```swift
/// let kind = UnitRegistry.kind(named: "bitmod")      // BitMoDKind.self
/// let spec = UnitSpec(BitMoDKind(bits: 3))
/// spec.makeUnit().timing.initiationInterval          // 2 (⌈3/2⌉ cycles per step)
/// spec.dequantTraffic?.granularity                   // .perWeightGroupPerPass
/// ```
public protocol UnitKind: Sendable, Equatable {
    /// `unit.kind` in design files, e.g. `mixpe`.
    static var name: String { get }
    /// The fields a `unit` object of this kind may have besides `kind` and `paper_pe`, in
    /// the order messages and the schema list them.
    static var fields: [UnitFieldInfo] { get }
    /// The configured unit of a `unit` object whose keys were already checked against
    /// `fields`, or nil after recording every problem in `reader`.
    static func decode(_ object: [String: JSONNode], at path: JSONPath, _ reader: inout FieldReader) -> Self?
    /// The configurations `qarch bench` times, in its output order.
    static var benchCases: [UnitBenchCase] { get }

    /// The bit-exact unit.
    func makeUnit() -> any ArithmeticUnit
    /// The bits one element of A, B and C occupies in DRAM and SRAM in the unit's own
    /// formats, per-group scales and zero points included, exactly.
    var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) { get }
    /// The bits B occupies as stored, which a kind may let a design set apart from its
    /// numerics (`dequant-fp16`'s `weight_storage_bits`); otherwise `operandWidths.b`.
    var storedWeightWidth: OperandWidth { get }
    /// The reads and writes of the unit's dequantization epilogue, which the buffer model
    /// adds to the operand traffic; nil when the unit has none.
    var dequantTraffic: DequantTraffic.Scheme? { get }
    /// Short names of the activation and weight formats, for the error study's tables,
    /// e.g. `("int8", "uint4 g128")`.
    var formatNames: (activations: String, weights: String) { get }
    /// The widths of one activation and one weight in the unit's multiplier, when both are
    /// integers a precision-scalable PE can pack several of into one wider product
    /// (`array.packing`, `PEPacking`); nil for units whose products cannot be packed
    /// (floating point, bit-serial, table lookups).
    var packableOperandBits: (activation: Int, weight: Int)? { get }
    /// Whether every configuration of this kind has `packableOperandBits`.
    static var isPackable: Bool { get }
}

extension UnitKind {
    /// No packing unless a kind says how wide its integer operands are.
    public var packableOperandBits: (activation: Int, weight: Int)? { nil }
    public static var isPackable: Bool { false }

    /// The width of one output in the unit's output format.
    public var outputWidth: OperandWidth { OperandWidth(bits: makeUnit().outputFormat.bits) }

    /// Whether `other` is this same configuration.
    func isEqual(to other: any UnitKind) -> Bool { (other as? Self) == self }
}
