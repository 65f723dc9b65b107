import ArithmeticUnits
import NumberFormats

/// `lookup`: one LUT Tensor Core step (`LUTTable`, `LUTTensorCore.step`): the table of a
/// group of 4 activations, then the entry T(`index`) for one weight bit-plane, ×2^`plane`,
/// added to the accumulator. FP16 activations: FP16 entries (FP32 sums rounded once),
/// FP16 (DesignWare, denormals flushed) or FP32 accumulation; INT8 activations: exact
/// 16-bit entries and the integer accumulator register.
///
/// ```swift
/// let op = LUTLookupOperation(unit: LUTTensorCore(weights: .uint(bits: 2)))
/// // a = [1, 2, 4, 8], index 0b1001, plane 1, acc_in 0: table [−15, −11, −7, −3, 1, 5, 9, 13], acc_out 6
/// op.outputs([FieldValue(0x4800_4400_4000_3C00), FieldValue(9), FieldValue(1), FieldValue(0)])[1]   // 0x4600
/// ```
public struct LUTLookupOperation: VectorOperation {
    public let unit: LUTTensorCore

    public init(unit: LUTTensorCore) { self.unit = unit }

    var integer: Bool { unit.activations == .int8 }
    var activationBits: Int { integer ? 8 : 16 }
    var accumulatorBits: Int { integer ? unit.integerAccumulator.bits : (unit.accumulation == .fp16 ? 16 : 32) }
    var planes: Int {
        switch unit.weights {
        case .uint(let bits): return bits
        case .ternary: return 2
        }
    }

    public var schema: VectorSchema {
        let acc = integer ? "int\(accumulatorBits) accumulator (\(unit.integerAccumulator.overflow.rawValue))"
            : "\(unit.accumulation.rawValue.uppercased()) accumulator"
        return VectorSchema(
            operation: "lookup", summary: "table of a_0…a_3; acc_out = acc_in + 2^plane·T(index) in the \(acc)",
            inputs: [VectorField("a", bits: 4 * activationBits,
                                 "4 × \(integer ? "int8" : "FP16") activations, lane i at bits [\(activationBits)i+\(activationBits - 1):\(activationBits)i]"),
                     VectorField("index", bits: 4, "bit i = weight bit `plane` of lane i"),
                     VectorField("plane", bits: 2, "weight bit-plane b, 0…\(planes - 1)"),
                     VectorField("acc_in", bits: accumulatorBits, "\(acc) before the step")],
            outputs: [VectorField("table", bits: 128,
                                  "8 stored entries Tstored[j], entry j at bits [16j+15:16j], \(integer ? "int16" : "FP16")"),
                      VectorField("acc_out", bits: accumulatorBits, "\(acc) after the step")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] {
        let a = FieldDraw.random(bits: 4 * activationBits, &rng), index = FieldDraw.random(bits: 4, &rng)
        let plane = FieldValue(rng.next() % UInt64(planes))
        var acc = FieldDraw.random(bits: accumulatorBits, &rng)
        if !integer && unit.accumulation == .fp16 { acc = flushed(acc) }
        return [a, index, plane, acc]
    }

    /// An FP16 subnormal accumulator becomes a zero of its sign: the FP16 adder never holds one.
    func flushed(_ v: FieldValue) -> FieldValue { v.low & 0x7C00 == 0 ? FieldValue(v.low & 0x8000) : v }

    public func edgeInputs() -> [[FieldValue]] {
        let planeList = (0..<planes).map(UInt64.init)
        let index: [UInt64] = [0, 1, 0b0110, 0b1001, 15]
        if integer {
            let a: [UInt64] = [0, 0x8080_8080, 0x7F7F_7F7F, 0x807F_7F80, 0x0102_0408]
            return FieldDraw.product([a, index, planeList, FieldDraw.signedEdges(bits: accumulatorBits)])
        }
        let lanes = FieldDraw.edges(.fp16)
        let a = lanes.map { e in (0..<4).reduce(UInt64(0)) { $0 | e << UInt64(16 * $1) } } + [0x4800_4400_4000_3C00, 0x7BFF_FBFF_7BFF_7BFF]
        let acc = unit.accumulation == .fp16 ? FieldDraw.edges(.fp16).filter { $0 & 0x7C00 != 0 || $0 & 0x7FFF == 0 } : FieldDraw.fp32Edges
        return FieldDraw.product([a, index, planeList, acc])
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        let index = Int(inputs[1].low), plane = Int(inputs[2].low)
        if integer {
            let a = (0..<4).map { Int(Int8(truncatingIfNeeded: inputs[0].element($0, elementBits: 8))) }
            let table = LUTTable(integerActivations: a)
            let acc = unit.step(accumulator: inputs[3].signed(bits: accumulatorBits), table: table, index: index, plane: plane)
            let entries = table.stored.map { FieldValue(signed: Int64($0), bits: 16).low }
            return [FieldValue.packed(entries, elementBits: 16), FieldValue(signed: acc, bits: accumulatorBits)]
        }
        let a = (0..<4).map { ElementFormat.fp16.decode(UInt32(inputs[0].element($0, elementBits: 16))) }
        let table = LUTTable(activations: a, entryFormat: .fp16)
        let entries = table.stored.map { FieldDraw.fp16($0).low }
        let fp16 = unit.accumulation == .fp16
        let accIn = fp16 ? ElementFormat.fp16.decode(UInt32(inputs[3].low)) : Double(Float(bitPattern: UInt32(truncatingIfNeeded: inputs[3].low)))
        let acc = unit.step(accumulator: accIn, table: table, index: index, plane: plane)
        return [FieldValue.packed(entries, elementBits: 16), fp16 ? FieldDraw.fp16(acc) : FieldDraw.fp32(Float(acc))]
    }
}
