/// A problem with a workload input file, reported as one line naming the file and field.
///
/// ```swift
/// WorkloadError.invalid(path: "w.safetensors", field: "w.dtype", message: "expected F32").description
/// // "w.safetensors: w.dtype: expected F32"
/// ```
public enum WorkloadError: Error, Sendable, Equatable, CustomStringConvertible {
    case io(path: String, message: String)
    case invalid(path: String, field: String, message: String)

    public var description: String {
        switch self {
        case .io(let p, let m): return Self.oneLine("\(p): \(m)")
        case .invalid(let p, let f, let m): return Self.oneLine("\(p): \(f): \(m)")
        }
    }

    /// `text` with control characters (a newline in a tensor name or an `.npy` header) shown
    /// as `\n`, `\r`, `\t` or `\u{…}`, so an error is always one line.
    ///
    /// ```swift
    /// WorkloadError.oneLine("found 'f\n'")   // "found 'f\\n'"
    /// ```
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(s): out += "\\u{" + String(s.value, radix: 16) + "}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }
}
