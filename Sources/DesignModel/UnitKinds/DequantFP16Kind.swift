import ArithmeticUnits
import ExactJSON
import NumberFormats
import TensorEngine

/// `dequant-fp16`: W4A16 as GPUs run it: uint4 weights with a per-group zero point and FP16
/// scale are dequantized to FP16 (`RN_fp16(s·(q − z))`), then an FP16 MAC accumulates in FP32.
///
/// | field | values (default) |
/// |---|---|
/// | `group_size` | 1…65536 (128) |
/// | `output_format` | any element format (fp32) |
/// | `weight_storage_bits` | a positive multiple of 1/16 ≤ 16 (4 + 20/`group_size`) |
///
/// `weight_storage_bits` is the average number of bits one weight occupies in DRAM and SRAM,
/// metadata included. It sets the stored B width exactly and nothing else: the numerics
/// stay uint4 per-group dequantized to FP16. Baselines whose own weight formats are not
/// modelled numerically (ANT 5.5 bits, OliVe 4.5 bits per weight) use it to move their
/// published traffic. The weights are dequantized on their way into the PE, with the
/// group's scale and zero point stored in B, so there is no separate epilogue traffic.
///
/// ```swift
/// DequantFP16Kind(weightStorage: WeightStorage(bits: 5.5)).storedWeightWidth   // OperandWidth(bits: 88, per: 16)
/// ```
public struct DequantFP16Kind: OutputFormatChoosing {
    public var groupSize: Int
    public var outputFormat: ElementFormat
    /// nil: uint4 + FP16 scale + 4-bit zero point per group.
    public var weightStorage: WeightStorage?

    public init(groupSize: Int = 128, outputFormat: ElementFormat = .fp32, weightStorage: WeightStorage? = nil) {
        self.groupSize = groupSize
        self.outputFormat = outputFormat
        self.weightStorage = weightStorage
    }

    public static let name = "dequant-fp16"
    /// `weight_storage_bits`: absent → no override; a positive multiple of 1/16 ≤ 16 → its storage.
    static let weightStorageField = UnitField<WeightStorage?>(
        key: "weight_storage_bits", isRequired: false,
        schema: .object([
            ("type", .string("number")), ("exclusiveMinimum", .int(0)), ("maximum", .int(Int(WeightStorage.maxBits))),
            ("multipleOf", .number(0.0625)),
            ("description", .string("Average stored bits per weight in DRAM/SRAM, metadata included (a multiple of 1/16; "
                + "default 4 + 20/group_size: uint4 + FP16 scale + 4-bit zero point per group). Sets the weight operand's "
                + "storage width only, not the numerics (e.g. 5.5 for ANT-like, 4.5 for OliVe-like baselines).")),
        ])) { object, path, r in
            guard object["weight_storage_bits"] != nil else { return .some(nil) }
            guard let bits = r.number(object, "weight_storage_bits", at: path, in: 0...WeightStorage.maxBits, positive: true)
            else { return nil }
            guard let storage = WeightStorage(bits: bits) else {
                r.fail(path.key("weight_storage_bits"),
                       "expected a multiple of 1/16 bit (e.g. 4.5, 5.5, 4.0625), found \(JSONNode.format(bits))")
                return nil
            }
            return .some(storage)
        }
    public static let fields = [UnitField<Int>.groupSize.info, UnitField<ElementFormat>.outputFormat.info, weightStorageField.info]

    public static func decode(_ object: [String: JSONNode], at path: JSONPath, _ r: inout FieldReader) -> DequantFP16Kind? {
        let groupSize = UnitField<Int>.groupSize.read(object, at: path, &r)
        let outputFormat = UnitField<ElementFormat>.outputFormat.read(object, at: path, &r)
        // A bad group size stops here; the storage is read only when it is valid.
        guard let groupSize, let storage = weightStorageField.read(object, at: path, &r), let outputFormat else { return nil }
        return DequantFP16Kind(groupSize: groupSize, outputFormat: outputFormat, weightStorage: storage)
    }

    public static let benchCases = [UnitBenchCase(FloatMAC(kind: .dequantFP16))]

    public func makeUnit() -> any ArithmeticUnit { FloatMAC(kind: .dequantFP16, groupSize: groupSize, outputFormat: outputFormat) }

    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        (OperandWidth(bits: 16), OperandWidth(bits: 4 * groupSize + 16 + 4, per: groupSize), outputWidth)
    }

    public var storedWeightWidth: OperandWidth { weightStorage?.operandWidth ?? operandWidths.b }

    public var dequantTraffic: DequantTraffic.Scheme? { nil }

    public var formatNames: (activations: String, weights: String) { ("fp16", "uint4 g\(groupSize) (zero point, fp16 scale)") }
}
