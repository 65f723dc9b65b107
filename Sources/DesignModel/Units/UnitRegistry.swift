/// Every unit kind a design file can name, in the order the schema and messages list them.
/// The decoder, `Designs/schema.json` (`DesignSchema`), the bench and the tests walk this
/// list; adding a kind means adding its file under `UnitKinds/` and one line here
/// (`CONTRIBUTING.md`).
///
/// ```swift
/// UnitRegistry.kinds.map { $0.name }  // ["mixpe", "lut-tc", "bitmod", …]
/// UnitRegistry.kind(named: "int8-mac")  // Int8MACKind.self
/// ```
public enum UnitRegistry {
    public static let kinds: [any UnitKind.Type] = [
        MixPEKind.self,
        LUTTensorCoreKind.self,
        BitMoDKind.self,
        Int8MACKind.self,
        FP16MACKind.self,
        DequantFP16Kind.self,
        HiF8MACKind.self,
        BlockDotKind.self,
        Int4MACKind.self,
    ]

    /// The kind whose `unit.kind` is `name`, if any.
    public static func kind(named name: String) -> (any UnitKind.Type)? { kinds.first { $0.name == name } }
}
