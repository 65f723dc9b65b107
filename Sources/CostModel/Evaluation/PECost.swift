import ArithmeticUnits
import DesignModel
import NumberFormats
import TensorEngine
import Workloads

/// The resolved cost of one processing element of a design on its footing
/// (`CostLibrary.footing`, the design's `cost.library`): either a per-PE-cycle energy
/// (paper PEs and `pe` overrides, on the `paper` footing only) or per-MAC action energies,
/// plus the PE area.
///
/// - **`synthesized`, `horowitz`**: energy = per-MAC action counts of the unit
///   (`ActionProfile`) priced by the footing's component table; area = Σ_actions
///   `ActionProfile.instances(r)` × component area: ⌈r⌉ copies of a component the PE uses
///   r ≥ ½ times per cycle, a share r of one used less often (the dequantization epilogue,
///   time-shared across PEs as arrays share it along a row or column). `unit.paper_pe` and
///   `cost_overrides.pe` are not used, and the energy source says so when the design names them.
/// - **`paper`**: energy = the design's `pe` override (energy per PE-cycle at the design's
///   clock) → the paper PE its `unit.paper_pe` names (`PaperPETable`); none is a
///   `FootingError`, never a table fallback. A `pe` override is split into leakage and
///   dynamic parts by the row its `energy_from` names, else by the MixPE row it equals
///   (0.689/1.347/2.066 pJ: ≈19 % leakage), else by the unit's paper PE, else all dynamic.
///   Overrides are taken as measured at the design's node and are never scaled; paper PEs at
///   another node are scaled by `TechnologyScaling` (leakage per cycle like dynamic energy,
///   an assumption). Area = the `pe` override area → the paper PE area → where the paper
///   publishes none (MixPE's rows), the synthesized action area, named in `areaSource`.
///
/// ```swift
/// var d = bitmodDesign; d.costLibrary = .paper
/// let pe = try PECost(design: d, library: CostLibrary(design: d))
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

    public init(design: Design, library: CostLibrary) throws(FootingError) {
        let footing = library.footing
        if let problem = FootingError.check(design, footing: footing) { throw problem }
        let f = design.technology.frequencyMHz
        let onPaper = footing == .paper
        let paper = onPaper ? Self.paperPE(for: design.unit) : nil
        let override = onPaper ? design.costOverrides["pe"] : nil
        var profile: ActionProfile?
        func actions() -> ActionProfile {
            if let p = profile { return p }
            let p = ActionProfile(design: design, library: library)
            profile = p
            return p
        }
        let table = footing == .horowitz ? "the Horowitz component table (ActionCostTable)" : "the synthesized component table"
        var unused = ""
        if !onPaper, design.unit.paperPE != nil || design.costOverrides["pe"] != nil {
            unused = "; unit.paper_pe and cost_overrides.pe price the PE on cost.library paper only"
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
            energySource = "\(footing.rawValue) footing: per-MAC action counts of a representative GEMM priced by \(table)" + unused
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
        } else if onPaper {
            areaUm2 = actions().areaUm2
            areaSource = "paper footing: no published PE area (\(paper?.name ?? "cost_overrides.pe") gives none), so Σ component "
                + "areas of the actions one PE performs per cycle from the synthesized component table"
        } else {
            areaUm2 = actions().areaUm2
            areaSource = "\(footing.rawValue) footing: Σ component areas of the actions one PE performs per cycle (\(table))" + unused
        }
    }

    /// Energy per MAC when priced by actions.
    public var actionPJPerMACTotal: Double { actionPJPerMAC.reduce(0) { $0 + $1.perMAC * $1.pj } }

    /// The paper PE that prices `unit`: the figures its `paper_pe` names, if any.
    public static func paperPE(for unit: UnitSpec) -> PaperPE? { unit.paperPE.map(PaperPETable.figures(for:)) }
}
