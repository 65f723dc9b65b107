/// One layer of a SCALE-Sim topology, as the GEMM SCALE-Sim runs for it.
///
/// A convolution (IFMAP H×W, filter R×S, C channels, N filters, stride s) becomes, as in
/// SCALE-Sim 3.0.0, the GEMM with M = E·F output pixels (E = ⌈(H − R + s)/s⌉,
/// F = ⌈(W − S + s)/s⌉), K = R·S·C (the window) and N filters. A GEMM row `Layer, M, N, K`
/// is taken as it is. The element counts are the distinct elements of each operand, which
/// a DRAM reads (or writes) once when nothing is re-fetched.
///
/// ```swift
/// // Inc5b_3x3, 7, 7, 3, 3, 192, 384, 1 → E = F = 5
/// // ScaleSimLayer(name: "Inc5b_3x3", gemm: GEMMDims(m: 25, k: 1728, n: 384),
/// //               ifmapElements: 9408, filterElements: 663552, ofmapElements: 9600)
/// ```
public struct ScaleSimLayer: Equatable, Sendable {
    public var name: String
    public var gemm: GEMMDims
    /// Distinct IFMAP elements: H·W·C (convolution) or M·K (GEMM).
    public var ifmapElements: Int
    /// Distinct filter elements: R·S·C·N (convolution) or K·N (GEMM).
    public var filterElements: Int
    /// Distinct OFMAP elements: E·F·N (convolution) or M·N (GEMM).
    public var ofmapElements: Int

    public init(name: String, gemm: GEMMDims, ifmapElements: Int, filterElements: Int, ofmapElements: Int) {
        self.name = name
        self.gemm = gemm
        self.ifmapElements = ifmapElements
        self.filterElements = filterElements
        self.ofmapElements = ofmapElements
    }
}
