/// Wall-clock seconds per phase of a run, in the order the phases first ran (a phase
/// measured twice adds up). For reports that say where the time goes; timings differ from
/// run to run, so they belong only in output that is asked for them.
///
/// ```swift
/// let timer = PhaseTimer()
/// let c = timer.measure("reference") { ReferenceGEMM.multiply(a, b) }
/// timer.phases   // [(name: "reference", seconds: 0.0123)]
/// ```
public final class PhaseTimer {
    public private(set) var phases: [(name: String, seconds: Double)] = []
    private let clock = ContinuousClock()

    public init() {}

    /// Runs `body`, adding its wall time to phase `name`.
    public func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = clock.now
        defer { add(name, seconds: Self.seconds(clock.now - start)) }
        return try body()
    }

    /// Adds `seconds` to phase `name`.
    public func add(_ name: String, seconds: Double) {
        if let i = phases.firstIndex(where: { $0.name == name }) {
            phases[i].seconds += seconds
        } else {
            phases.append((name, seconds))
        }
    }

    /// Seconds since `start`, on this timer's clock.
    public func seconds(since start: ContinuousClock.Instant) -> Double { Self.seconds(clock.now - start) }

    /// The current instant of this timer's clock.
    public var now: ContinuousClock.Instant { clock.now }

    static func seconds(_ d: Duration) -> Double {
        let (s, attoseconds) = d.components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
