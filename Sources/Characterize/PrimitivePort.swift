/// One port of a generated primitive: a name and a width of 1…64 bits (the simulation
/// harness carries every value in a `UInt64`).
///
/// ```swift
/// let a = PrimitivePort("a", 8)
/// a.mask   // 0xFF
/// ```
public struct PrimitivePort: Sendable, Equatable {
    public let name: String
    public let width: Int

    public init(_ name: String, _ width: Int) {
        self.name = name
        self.width = min(max(width, 1), 64)
    }

    /// The low `width` bits set.
    public var mask: UInt64 { width == 64 ? UInt64.max : (UInt64(1) << UInt64(width)) - 1 }

    /// The Verilog range, `[7:0]`, or nothing for one bit.
    var range: String { width == 1 ? "" : "[\(width - 1):0] " }
}
