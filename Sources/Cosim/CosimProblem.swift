/// Why a co-simulation could not run: one line for `qarch: error: …` (a missing Verilator,
/// RTL that does not compile with its first error line, a port map that does not fit).
public struct CosimProblem: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
