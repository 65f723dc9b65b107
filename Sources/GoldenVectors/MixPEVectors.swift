import ArithmeticUnits
import DesignModel

/// `mixpe`: `step` (`MixPEStepOperation`) and `epilogue` (`MixPEEpilogueOperation`).
public enum MixPEVectors: UnitVectors {
    public static let kinds: [any UnitKind.Type] = [MixPEKind.self]

    public static func operations(of configuration: any UnitKind) -> [any VectorOperation] {
        guard let k = configuration as? MixPEKind, let unit = k.makeUnit() as? MixPE else { return [] }
        return [MixPEStepOperation(unit: unit), MixPEEpilogueOperation(unit: unit)]
    }
}
