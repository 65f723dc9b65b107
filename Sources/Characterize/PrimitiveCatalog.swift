/// The primitives `qarch characterize` writes to the committed table, in table order: the
/// components the cost model prices (adders, multipliers, shifters, leading-one detectors,
/// comparators, table reads, registers at the widths the units use) and the FP adders and
/// multipliers of FP16, BF16, FP32, FP8 E5M2, FP8 E4M3 and FP4 E2M1, and BitMoD's bit-serial
/// lane datapath on two weight streams.
///
/// ```swift
/// PrimitiveCatalog.named("mul-u4x4")?.inputs.count   // 2
/// PrimitiveCatalog.names.first                       // "add-u8"
/// ```
public enum PrimitiveCatalog {
    public static let all: [Primitive] = integer + float + datapaths

    /// The integer primitives.
    public static let integer: [Primitive] =
        [8, 16, 32].map { Primitive.adder(bits: $0) }
        + [(4, 4, false), (8, 8, false), (8, 8, true), (8, 4, true), (16, 16, true)].map { Primitive.multiplier(bits: $0.0, by: $0.1, signed: $0.2) }
        + [8, 16, 32].map { Primitive.shifter(bits: $0) }
        + [8, 16, 32].map { Primitive.leadingOne(bits: $0) }
        + [8, 16, 32].map { Primitive.comparator(bits: $0) }
        + [(4, 4), (16, 8), (16, 16)].map { Primitive.tableRead(entries: $0.0, bits: $0.1) }
        + [8, 16, 32].map { Primitive.register(bits: $0) }

    /// The floating-point primitives.
    public static let float: [Primitive] = FloatPrimitiveFormat.all.flatMap { [Primitive.floatAdder($0), Primitive.floatMultiplier($0)] }

    /// Unit datapaths characterized whole: BitMoD's bit-serial lane step on LLM-like and on
    /// dense weight bits (the same RTL, two operand streams).
    public static let datapaths: [Primitive] = BitMoDLaneStream.WeightBits.allCases.map { Primitive.bitSerialDot(weights: $0) }

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> Primitive? { all.first { $0.name == name } }
}
