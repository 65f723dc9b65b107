import Foundation
import NumberFormats

/// A value in a `.npy` header: the Python literals the format uses.
enum NpyHeaderValue: CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case tuple([Int])
    case other(String)

    var description: String {
        switch self {
        case .string(let s): return "'\(s)'"
        case .bool(let b): return b ? "True" : "False"
        case .tuple(let t): return "(" + t.map(String.init).joined(separator: ", ") + (t.count == 1 ? ",)" : ")")
        case .other(let s): return s
        }
    }
}
