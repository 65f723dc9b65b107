import DesignModel

/// Every kind's vector operations, found through one list of `UnitVectors` types (a new
/// kind adds its file and one line here; `VectorRegistryTests` fails for a kind of
/// `UnitRegistry` that no entry covers).
///
/// ```swift
/// VectorRegistry.operations(for: BlockDotKind(format: .mxfp4)).map(\.schema.operation)   // ["block", "product"]
/// VectorRegistry.operation("epilogue", for: MixPEKind(mode: .w4a8))?.schema.inputs.count // 5
/// ```
public enum VectorRegistry {
    public static let all: [any UnitVectors.Type] = [
        MixPEVectors.self,
        LUTTensorCoreVectors.self,
        BitMoDVectors.self,
        IntegerMACVectors.self,
        FloatMACVectors.self,
        BlockDotVectors.self,
    ]

    /// The operations of a configured unit, the default first (empty for a kind no entry covers).
    public static func operations(for configuration: any UnitKind) -> [any VectorOperation] {
        for entry in all where entry.kinds.contains(where: { $0 == type(of: configuration) }) {
            return entry.operations(of: configuration)
        }
        return []
    }

    /// The operation called `name` (nil: the default one), if the unit has it.
    public static func operation(_ name: String?, for configuration: any UnitKind) -> (any VectorOperation)? {
        let ops = operations(for: configuration)
        guard let name else { return ops.first }
        return ops.first { $0.schema.operation == name }
    }
}
