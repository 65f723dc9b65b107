import DesignModel

/// A design that cannot be priced on its footing, as one line with the JSON path to fix: a
/// design on `cost.library: paper` that names no published PE energy (neither
/// `cost_overrides.pe` energy nor `unit.paper_pe`). The paper footing never falls back to a
/// component table for the PE energy.
///
/// ```swift
/// FootingError.check(lutDesign, footing: .paper)?.description
/// // "unit.paper_pe: design lut-tc-w2a16 on cost.library paper names no published PE energy; …"
/// ```
public struct FootingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the field to set, e.g. `unit.paper_pe`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// The problem of pricing `design` on `footing`, or nil when it can be priced.
    public static func check(_ design: Design, footing: CostFooting) -> FootingError? {
        guard footing == .paper else { return nil }
        let pe = design.costOverrides["pe"]
        if pe?.pricedEnergyPJ != nil || design.unit.paperPE != nil { return nil }
        let names = PublishedPE.allCases.map(\.rawValue).joined(separator: ", ")
        let path = pe == nil ? "unit.paper_pe" : "cost_overrides.pe"
        return FootingError(path: path, message: "design \(design.name) on cost.library paper names no published PE energy; "
                            + "set unit.paper_pe (one of \(names)) or cost_overrides.pe energy_from/energy_pj with its source, "
                            + "or price it on cost.library synthesized or horowitz")
    }
}
