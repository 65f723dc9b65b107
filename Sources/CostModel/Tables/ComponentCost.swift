/// The energy per operation (or access) and the area of one hardware component, with the
/// technology point it was measured at and where the number comes from.
///
/// ```swift
/// let add = ComponentCost(energyPJ: 0.03, areaUm2: 36, process: .horowitz45, source: "Horowitz 2014")
/// add.scaled(to: ProcessPoint(nodeNm: 22.5, voltageV: 0.9)).energyPJ   // 0.015
/// ```
public struct ComponentCost: Sendable, Equatable {
    public var energyPJ: Double
    public var areaUm2: Double
    public var process: ProcessPoint
    public var source: String

    public init(energyPJ: Double, areaUm2: Double, process: ProcessPoint, source: String) {
        self.energyPJ = energyPJ
        self.areaUm2 = areaUm2
        self.process = process
        self.source = source
    }

    /// This cost at `target`; unchanged when `target` is the measured point.
    public func scaled(to target: ProcessPoint, by scaling: TechnologyScaling = TechnologyScaling()) -> ComponentCost {
        if target == process { return self }
        return ComponentCost(energyPJ: scaling.energy(energyPJ, from: process, to: target),
                             areaUm2: scaling.area(areaUm2, fromNm: process.nodeNm, toNm: target.nodeNm),
                             process: target, source: source + " (scaled from \(process.nodeNm) nm, \(process.voltageV) V)")
    }
}
