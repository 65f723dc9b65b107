import ArithmeticUnits
import DesignModel
import NumberFormats
import TensorEngine
import Workloads

/// The actions a design's unit performs per MAC, measured once on a small representative
/// GEMM (M = 2, K = 256, N = `columns(of:)`, seeded synthetic operands) and scaled by MAC
/// count, plus a packed PE's steering logic (`PackingLogic`).
///
/// Units report actions from their arithmetic, so the per-MAC ratio is that of a
/// full-group GEMM (K = 256 spans whole groups of 32/64/128 and MX/NV blocks); workload
/// evaluation never computes values. N is the number of PEs one activation row is
/// broadcast to (the array's columns; a tensor-core tile's n), so per-row work the
/// hardware shares along a row — LUT Tensor Core table builds, activation sums for zero
/// points — is amortized over as many MACs as it is on the array. If the representative
/// run fails (it should not for a validated design) the profile is empty and the PE costs
/// nothing dynamic.
///
/// ```swift
/// let p = ActionProfile(design: hif8Design, library: lib)
/// p.perMAC   // e.g. [(fp_mul8, 1.0, …), (fp_add32, 1.0, …)]
/// ```
public struct ActionProfile: Sendable {
    public var perMAC: [(action: Action, perMAC: Double, pj: Double)]
    /// Each action's share of the PE area (`instances(uses per cycle)` × component area), in
    /// `perMAC` order.
    public var areaByAction: [(action: Action, areaUm2: Double)]
    /// Σ `areaByAction`.
    public var areaUm2: Double

    public static let m = 2, k = 256
    /// Bounds of the representative N (the values are computed, so N stays small).
    public static let columnRange = 1...256

    /// The representative N of `design`: its array's columns, or its tensor-core tile's n,
    /// clamped to `columnRange`.
    ///
    /// ```swift
    /// ActionProfile.columns(of: lutTC32x32)   // 32
    /// ActionProfile.columns(of: lutTile2x64x4) // 64
    /// ```
    public static func columns(of design: Design) -> Int {
        let n = design.array.kind.isTensorCore ? (design.array.tile?.n ?? design.array.cols) : design.array.cols
        return min(max(n, columnRange.lowerBound), columnRange.upperBound)
    }

    public init(design: Design, library: CostLibrary) {
        let unit = design.makeUnit()
        let n = Self.columns(of: design)
        let counts = ActionCountCache.shared.counts(for: design.unit, columns: n)
        let macs = Double(Self.m * Self.k * n)
        // A packed PE (`array.packing`) performs `lanes` of the unit's MACs per cycle.
        let perCycle = unit.timing.macsPerCycle * Double(design.peLanes.products)
        var list: [(Action, Double, Double)] = []
        var areas: [(Action, Double)] = []
        var uses = Dictionary(uniqueKeysWithValues: counts.sorted.map { ($0.action, Double($0.count) / macs) })
        for extra in PackingLogic.actionsPerMAC(design) { uses[extra.action, default: 0] += extra.perMAC }
        for (action, per) in uses.sorted(by: { $0.key < $1.key }) {
            let c = library.action(action)
            list.append((action, per, c.energyPJ))
            areas.append((action, Self.instances(per * perCycle) * c.areaUm2))
        }
        perMAC = list
        areaByAction = areas
        areaUm2 = areas.reduce(0) { $0 + $1.1 }
    }

    /// How much of a component a PE carries when it uses it `rate` times per cycle: ⌈rate⌉
    /// copies when it is busy at least half the cycles (datapath parts, including those
    /// whose use depends on the data, such as zero-skipped accumulator writes); a
    /// time-shared fraction `rate` of one when it is busier less often (the per-group and
    /// per-output dequantization epilogue, which arrays share along a row or column).
    ///
    /// ```swift
    /// ActionProfile.instances(1.5)      // 2
    /// ActionProfile.instances(0.98)     // 1
    /// ActionProfile.instances(1.0 / 128) // 0.0078125
    /// ```
    public static func instances(_ rate: Double) -> Double {
        guard rate.isFinite, rate > 0 else { return 0 }
        return rate < 0.5 ? rate : rate.rounded(.up)
    }

    static func actions<U: ArithmeticUnit>(_ unit: U, _ a: Matrix, _ b: Matrix) throws -> ActionCounts {
        let operands = try unit.quantize(activations: a, weights: b)
        return unit.gemm(operands, order: .sequential).actions
    }
}
