import ArithmeticUnits
import DesignModel

/// The component library for one design: every table entry at the design's node and
/// voltage, on the design's footing (`cost.library`), with the design's `cost_overrides`
/// replacing entries.
///
/// Actions are priced by `SynthesizedActionTable` on the `synthesized` footing and by
/// `ActionCostTable` (Horowitz) on `horowitz`. On `paper` the PE is a published figure
/// (`PECost`); a part that no paper publishes (a MixPE row's area) is priced from the
/// synthesized table and its source says so. A synthesized action whose primitives are
/// missing costs NaN, which `CostEvaluator` refuses (never a silent Horowitz number).
///
/// Override keys (the override's `source` is carried into the report):
/// - an action name (`"int_add32"`, `"fp_mul16"`, …): energy per action / area per instance,
///   taken as measured at the design's node (never scaled);
/// - `"pe"`: energy per PE-cycle and PE area (see `PECost`);
/// - a memory name (`"wbuf"`): energy per access (read and write) and total area;
/// - `"dram"`: energy per bit (read and write).
///
/// ```swift
/// let lib = CostLibrary(design: design)
/// lib.action(Action(.fpMul, bits: 16)).energyPJ   // synthesized: 0.7387 · 28/45 at 28 nm, 0.9 V
/// CostLibrary(design: design, footing: .horowitz).action(Action(.fpMul, bits: 16)).energyPJ   // 1.1 · 28/45
/// ```
public struct CostLibrary: Sendable {
    public var process: ProcessPoint
    public var scaling: TechnologyScaling
    public var overrides: [String: CostOverride]
    public var sram: SRAMModel
    /// The footing every component is priced on (the design's `cost.library` unless overridden).
    public var footing: CostFooting

    public init(design: Design, scaling: TechnologyScaling = TechnologyScaling(), footing: CostFooting? = nil) {
        self.footing = footing ?? design.costLibrary
        process = ProcessPoint(nodeNm: design.technology.nodeNm, voltageV: design.technology.voltageV)
        self.scaling = scaling
        overrides = design.costOverrides
        sram = SRAMModel(scaling: scaling)
    }

    /// The cost of one action at the design's point, overrides applied.
    public func action(_ a: Action) -> ComponentCost {
        var c = Self.cost45(a, footing: footing).scaled(to: process, by: scaling)
        if let o = overrides[a.description] {
            if let e = o.energyPJ { c.energyPJ = e }
            if let ar = o.areaUm2 { c.areaUm2 = ar }
            c.source = o.source
        }
        return c
    }

    /// The 45 nm cost of `a` on `footing`'s component table (`paper` uses the synthesized
    /// one for the parts it does not publish); NaN energy and area when a synthesized
    /// primitive is missing.
    ///
    /// ```swift
    /// CostLibrary.cost45(Action(.intAdd, bits: 8), footing: .horowitz).energyPJ   // 0.03
    /// ```
    public static func cost45(_ a: Action, footing: CostFooting) -> ComponentCost {
        switch footing {
        case .horowitz: return ActionCostTable.cost45(a)
        case .synthesized, .paper:
            let note = footing == .paper ? " (paper footing: not published, priced from the synthesized table)" : ""
            guard var c = SynthesizedActionTable.cost45(a) else {
                return ComponentCost(energyPJ: .nan, areaUm2: .nan, process: SynthesizedTable.process,
                                     source: "synthesized table lacks the primitives of \(a.description)")
            }
            c.source += note
            return c
        }
    }

    /// A paper PE at the design's point (unchanged at 28 nm / 0.9 V).
    public func paper(_ pe: PaperPE) -> (dynamicPJ: Double, areaUm2: Double?) {
        let d = scaling.energy(pe.dynamicPJPerCycle, from: pe.process, to: process)
        let a = pe.areaUm2.map { scaling.area($0, fromNm: pe.process.nodeNm, toNm: process.nodeNm) }
        return (d, a)
    }
}
