/// The Verilog that decodes one floating-point operand's specials for the FP primitives:
/// zero, Inf and NaN flags of an input port, per `FloatPrimitiveFormat` (IEEE: Inf is an
/// all-ones exponent with a zero fraction, NaN one with a nonzero fraction; E4M3: no Inf,
/// NaN is S.1111.111).
///
/// ```swift
/// FloatSpecialsRTL.flags(for: "a", .fp16)
/// // "    wire a_zero = (a[14:10] == 0) && (a[9:0] == 0);\n    wire a_inf = (&a[14:10]) && (a[9:0] == 0);\n    wire a_nan = …"
/// ```
enum FloatSpecialsRTL {
    static func flags(for port: String, _ f: FloatPrimitiveFormat) -> String {
        let exponent = "\(port)[\(f.width - 2):\(f.m)]", fraction = "\(port)[\(f.m - 1):0]"
        var lines = ["    wire \(port)_zero = (\(exponent) == 0) && (\(fraction) == 0);"]
        if f.ieee {
            lines.append("    wire \(port)_inf = (&\(exponent)) && (\(fraction) == 0);")
            lines.append("    wire \(port)_nan = (&\(exponent)) && (\(fraction) != 0);")
        } else {
            lines.append("    wire \(port)_inf = 1'b0;")
            lines.append("    wire \(port)_nan = (&\(exponent)) && (&\(fraction));")
        }
        return lines.joined(separator: "\n")
    }

    /// A `width`-bit unsigned Verilog constant.
    static func constant(_ value: UInt64, width: Int) -> String { "\(width)'d\(value)" }
}
