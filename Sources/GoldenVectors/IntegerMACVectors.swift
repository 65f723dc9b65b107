import DesignModel

/// `int8-mac` and `int4-mac`: `mac` (`IntegerMACStepOperation`) with the design's accumulator.
public enum IntegerMACVectors: UnitVectors {
    public static let kinds: [any UnitKind.Type] = [Int8MACKind.self, Int4MACKind.self]

    public static func operations(of configuration: any UnitKind) -> [any VectorOperation] {
        if let k = configuration as? Int8MACKind { return [IntegerMACStepOperation(weightBits: 8, accumulator: k.accumulator)] }
        if let k = configuration as? Int4MACKind { return [IntegerMACStepOperation(weightBits: 4, accumulator: k.accumulator)] }
        return []
    }
}
