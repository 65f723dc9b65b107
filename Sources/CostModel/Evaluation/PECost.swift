import ArithmeticUnits
import DesignModel
import NumberFormats
import TensorEngine
import Workloads

/// The resolved cost of one processing element of a design: either a per-PE-cycle energy
/// (paper PEs and `pe` overrides) or per-MAC action energies, plus the PE area.
///
/// Resolution order:
/// 1. **Energy**: the design's `pe` override (energy per PE-cycle at the design's clock)
///    → the paper PE the design's `unit.paper_pe` names (`PaperPETable`; the shipped designs:
///    BitMoD → BitMoD PE, FP16 MAC → FP16 MAC, dequant-FP16 → FP16×INT8, MixPE W4A8 and the
///    INT8 MAC → MixPE (8,4), MixPE W4A16 → (16,8)) → per-MAC action counts of the unit (`ActionProfile`) priced by `CostLibrary`.
///    A `pe` override is split into leakage and dynamic parts by the row its `energy_from`
///    names, else by the MixPE row it equals (0.689/1.347/2.066 pJ: ≈19 % leakage), else by
///    the unit's paper PE, else all dynamic. `energy_from`/`area_from` take the named row's
///    quoted figures (`PaperPE.quotedEnergyPJ`, `areaUm2`).
///    Overrides are taken as measured at the design's node and are never scaled; paper PEs
///    at another node are scaled by `TechnologyScaling` (leakage per cycle like dynamic
///    energy, an assumption).
/// 2. **Area**: the `pe` override area → the paper PE area → the action-based area
///    Σ_actions `ActionProfile.instances(r)` × component area: ⌈r⌉ copies of a component the
///    PE uses r ≥ ½ times per cycle, a share r of one used less often (the dequantization
///    epilogue, time-shared across PEs as arrays share it along a row or column).
///
/// ```swift
/// let pe = PECost(design: bitmodDesign, library: CostLibrary(design: bitmodDesign))
/// pe.dynamicPJPerCycle   // 0.586; pe.areaUm2 1793.7
/// ```
public struct PECost: Sendable {
    /// Dynamic energy per active PE-cycle (pJ), when the PE is priced per cycle.
    public var dynamicPJPerCycle: Double?
    /// Leakage energy per PE per cycle at the design clock (pJ).
    public var leakagePJPerCycle: Double
    /// Energy per MAC by action (pJ), when priced by actions.
    public var actionPJPerMAC: [(action: Action, perMAC: Double, pj: Double)]
    public var areaUm2: Double
    public var energySource: String
    public var areaSource: String
    /// How the dynamic PE energy splits over components (fractions summing to 1): the paper
    /// PE's published component powers, or each action's share of the per-MAC energy;
    /// empty when no split is known.
    public var componentShares: [(name: String, fraction: Double)] = []

    public init(design: Design, library: CostLibrary) {
        let f = design.technology.frequencyMHz
        let paper = Self.paperPE(for: design.unit)
        let override = design.costOverrides["pe"]
        var profile: ActionProfile?
        func actions() -> ActionProfile {
            if let p = profile { return p }
            let p = ActionProfile(design: design, library: library)
            profile = p
            return p
        }
        actionPJPerMAC = []
        if let e = override?.pricedEnergyPJ {
            let row = override?.energyFrom.map(PaperPETable.figures(for:)) ?? PaperPETable.mixpeRow(publishedPJ: e) ?? paper
            let leak = e * (row?.leakageFraction ?? 0)
            dynamicPJPerCycle = e - leak
            leakagePJPerCycle = leak
            energySource = override?.source ?? ""
        } else if let p = paper {
            dynamicPJPerCycle = library.paper(p).dynamicPJ
            leakagePJPerCycle = library.scaling.energy(p.leakagePJPerCycle(frequencyMHz: f), from: p.process, to: library.process)
            energySource = p.source
        } else {
            dynamicPJPerCycle = nil
            leakagePJPerCycle = 0
            actionPJPerMAC = actions().perMAC
            energySource = "per-MAC action counts of a representative GEMM priced by the component library"
        }
        if dynamicPJPerCycle != nil, let p = paper {
            let total = p.components.reduce(0) { $0 + $1.powerMW }
            if total > 0 { componentShares = p.components.map { ($0.name, $0.powerMW / total) } }
        } else {
            let total = actionPJPerMAC.reduce(0) { $0 + $1.perMAC * $1.pj }
            if total > 0 { componentShares = actionPJPerMAC.map { ($0.action.description, $0.perMAC * $0.pj / total) } }
        }
        if let a = override?.pricedAreaUm2 {
            areaUm2 = a
            areaSource = override?.source ?? ""
        } else if let p = paper, let a = library.paper(p).areaUm2 {
            areaUm2 = a
            areaSource = p.source
        } else {
            areaUm2 = actions().areaUm2
            areaSource = "Σ component areas of the actions one PE performs per cycle (component library)"
        }
    }

    /// Energy per MAC when priced by actions.
    public var actionPJPerMACTotal: Double { actionPJPerMAC.reduce(0) { $0 + $1.perMAC * $1.pj } }

    /// The paper PE that prices `unit`: the figures its `paper_pe` names, if any.
    public static func paperPE(for unit: UnitSpec) -> PaperPE? { unit.paperPE.map(PaperPETable.figures(for:)) }
}
