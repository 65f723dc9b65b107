import Foundation

/// `technology`: `{node_nm, voltage_v, frequency_mhz}`.
///
/// Each field has a sane range (a value outside it is refused with its JSON path): wider
/// than any real process, narrow enough that latency, energy and area stay finite and
/// non-zero (a clock of 5e-324 MHz made the latency infinite, a node of 5e-324 nm the area 0).
///
/// ```swift
/// Technology(nodeNm: 28, voltageV: 0.9, frequencyMHz: 1000)
/// Technology.frequencyMHzRange   // 1...100000 (1 MHz to 100 GHz)
/// ```
public struct Technology: Sendable, Equatable {
    /// `node_nm`: feature size in nm, 1…1000 (`nodeNmRange`).
    public var nodeNm: Double
    /// `voltage_v`: supply voltage in V, 0.1…5 (`voltageVRange`).
    public var voltageV: Double
    /// `frequency_mhz`: clock in MHz, 1…100000, i.e. 1 MHz to 100 GHz (`frequencyMHzRange`).
    public var frequencyMHz: Double

    /// The accepted `node_nm`: 1 nm to 1 µm.
    public static let nodeNmRange: ClosedRange<Double> = 1...1000
    /// The accepted `voltage_v`: 0.1 V to 5 V.
    public static let voltageVRange: ClosedRange<Double> = 0.1...5
    /// The accepted `frequency_mhz`: 1 MHz to 100 GHz.
    public static let frequencyMHzRange: ClosedRange<Double> = 1...100_000

    public init(nodeNm: Double, voltageV: Double, frequencyMHz: Double) {
        self.nodeNm = nodeNm
        self.voltageV = voltageV
        self.frequencyMHz = frequencyMHz
    }
}
