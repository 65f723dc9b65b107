import ArithmeticUnits
import DesignModel

/// `lut-tc`: `lookup` (`LUTLookupOperation`).
public enum LUTTensorCoreVectors: UnitVectors {
    public static let kinds: [any UnitKind.Type] = [LUTTensorCoreKind.self]

    public static func operations(of configuration: any UnitKind) -> [any VectorOperation] {
        guard let k = configuration as? LUTTensorCoreKind, let unit = k.makeUnit() as? LUTTensorCore else { return [] }
        return [LUTLookupOperation(unit: unit)]
    }
}
