import DesignModel
import Foundation
import TensorEngine
import Testing

/// `unit.weight_storage_bits` sets the weight operand's storage width exactly, and only that.
@Suite struct WeightStorageTests {
    static func design(_ file: String) throws -> Design {
        try Design.decode(TestFiles.data(TestFiles.root.appendingPathComponent("Designs").appendingPathComponent(file)))
    }

    @Test func sixteenthsAreExact() {
        #expect(WeightStorage(bits: 5.5)?.sixteenths == 88)
        #expect(WeightStorage(bits: 4.0625)?.sixteenths == 65)
        #expect(WeightStorage(bits: 16)?.sixteenths == 256)
        #expect(WeightStorage(bits: 0.0625)?.sixteenths == 1)
        #expect(WeightStorage(bits: 4.3) == nil)        // 68.8 sixteenths
        #expect(WeightStorage(bits: 0) == nil)
        #expect(WeightStorage(bits: 16.0625) == nil)
        #expect(WeightStorage(bits: .nan) == nil)
        #expect(WeightStorage(bits: 4.5)?.operandWidth == OperandWidth(bits: 72, per: 16))
    }

    /// ANT 5.5 bits: 4096 weights are 4096·5.5/8 = 2816 bytes; OliVe 4.5 bits: 2304 bytes.
    /// Without the field a dequant-fp16 unit stores 4 + 20/128 bits (532 per 128 weights).
    @Test func widthsOfTheBaselines() throws {
        let ant = try Self.design("ant-like.json"), olive = try Self.design("olive-like.json")
        #expect(ant.operandWidths.b == OperandWidth(bits: 88, per: 16))
        #expect(try ant.dramConfig().b.byteCount(elements: 4096) == 2816)
        #expect(try olive.dramConfig().b.byteCount(elements: 4096) == 2304)
        // A and C are untouched: FP16 activations, FP32 outputs.
        #expect(ant.operandWidths.a == OperandWidth(bits: 16) && ant.operandWidths.c == OperandWidth(bits: 32))
        let plain = try Self.design("w4a16-dequant-fp16.json")
        #expect(plain.operandWidths.b == OperandWidth(bits: 532, per: 128))
        // The numerics do not change: the same unit as the plain dequant-FP16 design.
        #expect(ant.makeUnit().name == plain.makeUnit().name)
    }

    /// The field decodes from JSON and is rejected with its path when it is not a multiple of 1/16.
    @Test func decodesAndRejects() throws {
        func doc(_ value: String, kind: String = "dequant-fp16") -> Data {
            Data("""
            {"schema_version": 1, "name": "x", "technology": {"node_nm": 28, "voltage_v": 0.9, "frequency_mhz": 1000},
             "unit": {"kind": "\(kind)", "weight_storage_bits": \(value)},
             "array": {"kind": "systolic", "rows": 4, "cols": 4, "dataflow": "os"}, "memories": [],
             "dram": {"bytes_per_cycle": 32, "read_pj_per_bit": 1, "write_pj_per_bit": 1}}
            """.utf8)
        }
        let d = try Design.decode(doc("6.25"))
        #expect(d.operandWidths.b == OperandWidth(bits: 100, per: 16))
        for bad in ["6.2", "0", "-1", "16.5", "\"5\"", "null"] {
            let issues = Design.issues(in: doc(bad))
            #expect(issues.map(\.path.description) == ["unit.weight_storage_bits"], "\(bad): \(issues)")
        }
        #expect(Design.issues(in: doc("5", kind: "fp16-mac")).map(\.path.description) == ["unit.weight_storage_bits"])
    }
}
