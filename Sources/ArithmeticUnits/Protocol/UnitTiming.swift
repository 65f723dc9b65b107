/// The timing of one unit operation.
///
/// ```swift
/// // BitMoD: a 4-wide dot product of 4-bit weights every 2 cycles.
/// UnitTiming(latency: 2, initiationInterval: 2, macsPerOperation: 4)
/// ```
public struct UnitTiming: Sendable, Equatable {
    /// Cycles from operands in to result out.
    public var latency: Int
    /// Cycles between the starts of successive operations.
    public var initiationInterval: Int
    /// Multiply-accumulates one operation performs (the dot-product width).
    public var macsPerOperation: Int

    public init(latency: Int, initiationInterval: Int, macsPerOperation: Int) {
        self.latency = latency
        self.initiationInterval = initiationInterval
        self.macsPerOperation = macsPerOperation
    }

    /// Sustained MACs per cycle.
    public var macsPerCycle: Double { Double(macsPerOperation) / Double(initiationInterval) }
}
