/// How the testbench presents one operation to the module and when it reads the result
/// (`protocol` in a port map).
///
/// - `combinational`: inputs set, outputs read after the model settles; no clock edge.
/// - `pipelined(latency: L)`: one operation per cycle; the outputs of the operation whose
///   inputs were set before rising edge t are read after edge t + L − 1 (L register stages).
/// - `handshake(start:done:maxCycles:)`: inputs set with `start` high for one edge; then
///   edges until `done` is high (at most `maxCycles`), and the outputs are read.
/// - `sequence(cycles:start:)`: each operation takes `cycles` edges; an input bound to a
///   `cycle` is driven on that cycle only (0 on the others), any other input on every cycle;
///   `start`, if named, is high on cycle 0; the outputs are read after the last edge.
///
/// ```swift
/// CosimProtocol.pipelined(latency: 2).name   // "pipelined"
/// ```
public enum CosimProtocol: Sendable, Equatable {
    case combinational
    case pipelined(latency: Int)
    case handshake(start: String, done: String, maxCycles: Int)
    case sequence(cycles: Int, start: String?)

    public var name: String {
        switch self {
        case .combinational: return "combinational"
        case .pipelined: return "pipelined"
        case .handshake: return "handshake"
        case .sequence: return "sequence"
        }
    }

    /// A short description, e.g. "pipelined, latency 2".
    public var summary: String {
        switch self {
        case .combinational: return "combinational"
        case .pipelined(let l): return "pipelined, latency \(l)"
        case .handshake(_, _, let m): return "start/done handshake, at most \(m) cycles"
        case .sequence(let c, _): return "sequence of \(c) cycles"
        }
    }
}
