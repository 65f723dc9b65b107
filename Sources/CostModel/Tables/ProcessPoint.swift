/// A technology point: feature size and supply voltage.
///
/// ```swift
/// ProcessPoint.horowitz45   // 45 nm, 0.9 V
/// ```
public struct ProcessPoint: Sendable, Equatable {
    public var nodeNm: Double
    public var voltageV: Double
    public init(nodeNm: Double, voltageV: Double) {
        self.nodeNm = nodeNm
        self.voltageV = voltageV
    }
    /// Horowitz ISSCC 2014: 45 nm at 0.9 V.
    public static let horowitz45 = ProcessPoint(nodeNm: 45, voltageV: 0.9)
    /// The BitMoD / MixPE syntheses: TSMC 28 nm at 0.9 V.
    public static let paper28 = ProcessPoint(nodeNm: 28, voltageV: 0.9)
}
