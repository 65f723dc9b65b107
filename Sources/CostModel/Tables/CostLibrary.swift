import ArithmeticUnits
import DesignModel

/// The component library for one design: every table entry at the design's node and
/// voltage, with the design's `cost_overrides` replacing entries.
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
/// lib.action(Action(.fpMul, bits: 16)).energyPJ   // 1.1 · 28/45 at 28 nm, 0.9 V
/// ```
public struct CostLibrary: Sendable {
    public var process: ProcessPoint
    public var scaling: TechnologyScaling
    public var overrides: [String: CostOverride]
    public var sram: SRAMModel

    public init(design: Design, scaling: TechnologyScaling = TechnologyScaling()) {
        process = ProcessPoint(nodeNm: design.technology.nodeNm, voltageV: design.technology.voltageV)
        self.scaling = scaling
        overrides = design.costOverrides
        sram = SRAMModel(scaling: scaling)
    }

    /// The cost of one action at the design's point, overrides applied.
    public func action(_ a: Action) -> ComponentCost {
        var c = ActionCostTable.cost45(a).scaled(to: process, by: scaling)
        if let o = overrides[a.description] {
            if let e = o.energyPJ { c.energyPJ = e }
            if let ar = o.areaUm2 { c.areaUm2 = ar }
            c.source = o.source
        }
        return c
    }

    /// A paper PE at the design's point (unchanged at 28 nm / 0.9 V).
    public func paper(_ pe: PaperPE) -> (dynamicPJ: Double, areaUm2: Double?) {
        let d = scaling.energy(pe.dynamicPJPerCycle, from: pe.process, to: process)
        let a = pe.areaUm2.map { scaling.area($0, fromNm: pe.process.nodeNm, toNm: process.nodeNm) }
        return (d, a)
    }
}
