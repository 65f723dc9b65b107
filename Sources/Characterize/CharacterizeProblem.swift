/// Why a primitive could not be characterized, in one line (a tool missing or failing, a
/// mismatch against the reference, an unknown cell type).
///
/// ```swift
/// CharacterizeProblem("yosys: not found on PATH").message   // "yosys: not found on PATH"
/// ```
public struct CharacterizeProblem: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
