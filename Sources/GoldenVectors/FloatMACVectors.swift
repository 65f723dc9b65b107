import ArithmeticUnits
import DesignModel

/// `fp16-mac`, `hif8-mac` (`ElementMACKind`s): `mac` (`FloatMACStepOperation`);
/// `dequant-fp16`: `dequant` (`DequantOperation`), then its FP16 `mac`.
public enum FloatMACVectors: UnitVectors {
    public static let kinds: [any UnitKind.Type] = [FP16MACKind.self, HiF8MACKind.self, DequantFP16Kind.self]

    public static func operations(of configuration: any UnitKind) -> [any VectorOperation] {
        guard kinds.contains(where: { $0 == type(of: configuration) }), let mac = configuration.makeUnit() as? FloatMAC else { return [] }
        return mac.kind == .dequantFP16 ? [DequantOperation(), FloatMACStepOperation(mac: mac)] : [FloatMACStepOperation(mac: mac)]
    }
}
