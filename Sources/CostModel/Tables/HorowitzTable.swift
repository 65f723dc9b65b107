/// Arithmetic energy/area at 45 nm, 0.9 V from Horowitz, "Computing's Energy
/// Problem (and what we can do about it)", ISSCC 2014 (CostModel/README.md, "Horowitz 45 nm").
///
/// Published points are returned exactly. Other widths are interpolated (documented rule):
/// - **int add** (8/16/32 b): piecewise linear in the width between the published points
///   (a ripple/prefix adder grows ~linearly); below 8 b and above 32 b, proportional to the
///   width from the nearest point (0.03·b/8, 0.1·b/32).
/// - **int mul** (8/32 b): a power law through both points, E = 0.2·(b/8)^p with
///   p = log(3.1/0.2)/log 4 ≈ 1.98 (array multipliers grow ~quadratically); area likewise.
/// - **FP add / FP mul** (16/32 b): a power law through the FP16 and FP32 points, used for
///   other widths (e.g. 8-bit HiF8/FP8 datapaths).
///
/// Horowitz's SRAM and DRAM energies are not used: on-chip memories are priced by the CACTI
/// fit (`SRAMModel`), DRAM by each design's `dram.read_pj_per_bit` / `write_pj_per_bit`.
///
/// ```swift
/// HorowitzTable.intAdd(bits: 16).energyPJ   // 0.05
/// HorowitzTable.fpMul(bits: 32).areaUm2     // 7700
/// ```
public enum HorowitzTable {
    public static let source = "Horowitz, Computing's Energy Problem, ISSCC 2014, 45 nm 0.9 V (cost-references.md §1)"
    public static let process = ProcessPoint.horowitz45

    /// (bits, pJ, µm²) published points.
    public static let intAddPoints: [(bits: Int, pj: Double, um2: Double)] = [(8, 0.03, 36), (16, 0.05, 67), (32, 0.1, 137)]
    public static let intMulPoints: [(bits: Int, pj: Double, um2: Double)] = [(8, 0.2, 282), (32, 3.1, 3495)]
    public static let fpAddPoints: [(bits: Int, pj: Double, um2: Double)] = [(16, 0.4, 1360), (32, 0.9, 4184)]
    public static let fpMulPoints: [(bits: Int, pj: Double, um2: Double)] = [(16, 1.1, 1640), (32, 3.7, 7700)]

    /// Integer adder of `bits` bits.
    public static func intAdd(bits: Int) -> ComponentCost {
        let b = Double(max(bits, 1))
        let p = intAddPoints
        func lin(_ sel: (Int) -> Double) -> Double {
            if b <= 8 { return sel(0) * b / 8 }
            if b >= 32 { return sel(2) * b / 32 }
            let i = b <= 16 ? 0 : 1
            let x0 = Double(p[i].bits), x1 = Double(p[i + 1].bits)
            return sel(i) + (sel(i + 1) - sel(i)) * (b - x0) / (x1 - x0)
        }
        return ComponentCost(energyPJ: lin { p[$0].pj }, areaUm2: lin { p[$0].um2 }, process: process,
                             source: source + (p.contains { $0.bits == bits } ? "" : "; width interpolated linearly"))
    }

    /// Integer multiplier of `bits` bits.
    public static func intMul(bits: Int) -> ComponentCost { powerLaw(intMulPoints, bits, "int mul") }
    /// Floating-point adder of `bits` bits.
    public static func fpAdd(bits: Int) -> ComponentCost { powerLaw(fpAddPoints, bits, "FP add") }
    /// Floating-point multiplier of `bits` bits.
    public static func fpMul(bits: Int) -> ComponentCost { powerLaw(fpMulPoints, bits, "FP mul") }

    static func powerLaw(_ p: [(bits: Int, pj: Double, um2: Double)], _ bits: Int, _ what: String) -> ComponentCost {
        let b = Double(max(bits, 1))
        let e = powerLawInterpolate(b, p.map { (Double($0.bits), $0.pj) })
        let a = powerLawInterpolate(b, p.map { (Double($0.bits), $0.um2) })
        let exact = p.contains { $0.bits == bits }
        return ComponentCost(energyPJ: e, areaUm2: a, process: process,
                             source: source + (exact ? "" : "; \(what) width by power law through the published points"))
    }
}
