import DesignModel

/// `bitmod`: the RTL datapath's `step` (`BitMoDStepOperation`) and `dequant`
/// (`BitMoDDequantOperation`), for either `mode`.
public enum BitMoDVectors: UnitVectors {
    public static let kinds: [any UnitKind.Type] = [BitMoDKind.self]

    public static func operations(of configuration: any UnitKind) -> [any VectorOperation] {
        guard configuration is BitMoDKind else { return [] }
        return [BitMoDStepOperation(), BitMoDDequantOperation()]
    }
}
