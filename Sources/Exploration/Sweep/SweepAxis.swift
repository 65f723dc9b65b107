import DesignModel
import ExactJSON
import NumberFormats
import Workloads

/// One swept design parameter: a design JSON path and its values (kept in file order).
///
/// ```swift
/// SweepAxis(path: "array.rows", values: [.number(16), .number(32)])
/// ```
public struct SweepAxis: Sendable, Equatable {
    public var path: String
    public var values: [JSONNode]
    /// `path` parsed (nil if malformed; decoding rejects such axes).
    public let jsonPath: JSONPath?
    public init(path: String, values: [JSONNode]) {
        self.path = path
        self.values = values
        jsonPath = try? JSONPath(parsing: path)
    }
}
