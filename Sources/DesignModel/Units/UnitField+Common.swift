import ArithmeticUnits
import ExactJSON
import NumberFormats

/// The fields several unit kinds share: the weight group size, the integer accumulator
/// register and the output format.
///
/// ```swift
/// static let fields = [UnitField<Int>.groupSize.info, UnitField<IntegerAccumulator>.accumulator.info]
/// ```
extension UnitField where Value == Int {
    /// `group_size`: the weight quantization group along K, 1…65536 (default 128).
    public static var groupSize: UnitField {
        integer("group_size", in: 1...Design.maxDimension, default: 128,
                description: "Weight quantization group size along K (default 128).")
    }
}

extension UnitField where Value == IntegerAccumulator {
    /// `accumulator`: `{bits: 2…63, overflow: wrap | saturate}` (default INT32, wrap).
    public static var accumulator: UnitField {
        let overflows = IntegerAccumulator.Overflow.allCases
        let schema = DesignSchema.closedObject(
            required: ["bits", "overflow"], description: "Integer accumulator register (default {bits: 32, overflow: wrap}).",
            properties: [("bits", DesignSchema.integer(2...63, "Register width in bits.")),
                         ("overflow", DesignSchema.names(overflows.map(\.rawValue), "Two's-complement wrap or clamp."))])
        return UnitField(key: "accumulator", isRequired: false, schema: schema) { object, path, r in
            guard let node = object["accumulator"] else { return .int32 }
            let p = path.key("accumulator")
            let acc = r.object(node, at: p, keys: ["bits", "overflow"])
            let bits = r.integer(acc, "bits", at: p, in: 2...63)
            let overflow = r.choice(acc, "overflow", at: p, what: "overflow", overflows.map { ($0.rawValue, $0) })
            guard let bits, let overflow else { return nil }
            return IntegerAccumulator(bits: bits, overflow: overflow)
        }
    }
}

extension UnitField where Value == ElementFormat {
    /// `output_format`: any element format by name (default fp32).
    public static var outputFormat: UnitField {
        let names = ElementFormat.all.map(\.name)
        let schema: JSONValue = .object([
            ("type", .string("string")),
            ("description", .string("Element format of the outputs (default fp32), e.g. fp32, fp16, bf16, hif8.")),
            ("enum", .array(names.map { .string($0) })),
        ])
        return UnitField(key: "output_format", isRequired: false, schema: schema) { object, path, r in
            guard object["output_format"] != nil else { return .fp32 }
            return r.choice(object, "output_format", at: path, what: "element format", ElementFormat.all.map { ($0.name, $0) })
        }
    }
}
