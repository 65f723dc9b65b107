/// The Verilog that decodes one floating-point operand's specials for the FP primitives:
/// zero, Inf and NaN flags of an input port, per `FloatPrimitiveFormat` (IEEE: Inf is an
/// all-ones exponent with a zero fraction, NaN one with a nonzero fraction; E4M3: no Inf,
/// NaN is S.1111.111; E2M1: neither).
///
/// ```swift
/// FloatSpecialsRTL.flags(for: "a", .fp16)
/// // "    wire a_zero = (a[14:10] == 0) && (a[9:0] == 0);\n    wire a_inf = (&a[14:10]) && (a[9:0] == 0);\n    wire a_nan = …"
/// ```
enum FloatSpecialsRTL {
    static func flags(for port: String, _ f: FloatPrimitiveFormat) -> String {
        let exponent = "\(port)[\(f.width - 2):\(f.m)]", fraction = "\(port)[\(f.m - 1):0]"
        var lines = ["    wire \(port)_zero = (\(exponent) == 0) && (\(fraction) == 0);"]
        switch f.specials {
        case .ieee:
            lines.append("    wire \(port)_inf = (&\(exponent)) && (\(fraction) == 0);")
            lines.append("    wire \(port)_nan = (&\(exponent)) && (\(fraction) != 0);")
        case .nanAllOnes:
            lines.append("    wire \(port)_inf = 1'b0;")
            lines.append("    wire \(port)_nan = (&\(exponent)) && (&\(fraction));")
        case .none:
            lines.append("    wire \(port)_inf = 1'b0;")
            lines.append("    wire \(port)_nan = 1'b0;")
        }
        return lines.joined(separator: "\n")
    }

    /// A `width`-bit unsigned Verilog constant.
    static func constant(_ value: UInt64, width: Int) -> String { "\(width)'d\(value)" }
}

extension FloatSpecialsRTL {
    /// The specials in words, for the generated file's header comment.
    static func summary(_ f: FloatPrimitiveFormat) -> String {
        switch f.specials {
        case .ieee: return "IEEE Inf/NaN, overflow to Inf"
        case .nanAllOnes: return "NaN = S.1..1, no Inf, overflow saturates"
        case .none: return "no Inf or NaN, overflow saturates"
        }
    }
}
