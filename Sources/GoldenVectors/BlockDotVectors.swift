import DesignModel

/// `block-dot`: `block` (`BlockDotOperation`), and for E2M1 elements (MXFP4, NVFP4) the
/// element multiplier's `product` (`ElementProductOperation`).
public enum BlockDotVectors: UnitVectors {
    public static let kinds: [any UnitKind.Type] = [BlockDotKind.self]

    public static func operations(of configuration: any UnitKind) -> [any VectorOperation] {
        guard let k = configuration as? BlockDotKind else { return [] }
        let block = BlockDotOperation(format: k.format)
        return k.format.element == .e2m1 ? [block, ElementProductOperation()] : [block]
    }
}
