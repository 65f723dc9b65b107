import DesignModel
import ExactJSON
import Foundation
import Workloads

/// A sweep spec that could not be read: every problem, each with the file and JSON path
/// it is about (`file` is the spec, or a base design the spec names).
public struct SweepSpecErrors: Error, Sendable, CustomStringConvertible {
    public struct Issue: Sendable, Equatable {
        public var file: String
        public var path: JSONPath
        public var message: String
    }
    public var issues: [Issue]
    /// One line per issue: `file: path: message`.
    public var description: String { issues.map { "\($0.file): \($0.path): \($0.message)" }.joined(separator: "\n") }
}
