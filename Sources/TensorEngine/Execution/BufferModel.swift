import ArithmeticUnits
import NumberFormats

/// The on-chip buffers of a GEMM run and the dequantization scheme of its unit (as the
/// unit describes it, e.g. DesignModel's `UnitKind.dequantTraffic`).
///
/// ```swift
/// BufferModel(buffers: (a: act, b: wbuf, c: obuf), dequant: design.unit.dequantTraffic)
/// ```
public struct BufferModel: Sendable {
    public var buffers: (a: SRAMBuffer, b: SRAMBuffer, c: SRAMBuffer)
    public var dequant: DequantTraffic.Scheme?
    public init(buffers: (a: SRAMBuffer, b: SRAMBuffer, c: SRAMBuffer), dequant: DequantTraffic.Scheme? = nil) {
        self.buffers = buffers
        self.dequant = dequant
    }
}
