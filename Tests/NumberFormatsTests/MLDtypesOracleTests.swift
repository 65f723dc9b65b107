import Foundation
import Testing
import NumberFormats

/// Every code of every format ml_dtypes also defines decodes to ml_dtypes' value, and
/// nearest-even encoding of every midpoint (and the doubles beside it) gives ml_dtypes' code.
/// The oracle file `Tests/ml_dtypes/codes.json` is written by `Tests/ml_dtypes/oracle.py`
/// (ml_dtypes 0.7.0): e2m1, e2m3, e3m2, e4m3, e5m2, e3m4 (float8_e3m4), ue5m3 (float8_e5m3fnu),
/// e8m0 and the sub-byte integers.
@Suite struct MLDtypesOracleTests {
    struct Entry: Decodable {
        let name: String
        let ml_dtypes: String
        let values: [String]
        let encode_inputs: [String]?
        let encode_codes: [UInt32]?
    }
    struct Oracle: Decodable {
        let ml_dtypes_version: String
        let formats: [Entry]
    }

    static let oracle: Oracle? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ml_dtypes/codes.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Oracle.self, from: data)
    }()

    /// "0x1.8p+3", "nan", "inf", "-inf" as a Double.
    static func value(_ text: String) -> Double? { text == "nan" ? .nan : Double(text) }

    static func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern }

    @Test func coversTheNewFormats() throws {
        let oracle = try #require(Self.oracle)
        #expect(oracle.formats.map(\.name) == ["e2m1", "e2m3", "e3m2", "e4m3", "e5m2", "e3m4", "ue5m3", "e8m0",
                                               "int2", "int4", "uint1", "uint2", "uint4"])
    }

    @Test(arguments: ["e2m1", "e2m3", "e3m2", "e4m3", "e5m2", "e3m4", "ue5m3", "e8m0", "int2", "int4", "uint1", "uint2", "uint4"])
    func everyCodeDecodesToMLDtypesValue(name: String) throws {
        let entry = try #require(Self.oracle?.formats.first { $0.name == name })
        let f = try #require(ElementFormat.named(name))
        #expect(entry.values.count == f.codeCount)
        var mismatches: [String] = []
        for (code, text) in entry.values.enumerated() {
            let expected = try #require(Self.value(text))
            let ours = f.decode(UInt32(code))
            if !Self.same(ours, expected) { mismatches.append("0x\(String(code, radix: 16)): \(ours) ≠ \(text)") }
        }
        #expect(mismatches.isEmpty, "\(name) vs \(entry.ml_dtypes): \(mismatches.prefix(5))")
    }

    @Test(arguments: ["e2m1", "e2m3", "e3m2", "e4m3", "e5m2", "e3m4", "ue5m3", "e8m0"])
    func midpointsRoundAsMLDtypes(name: String) throws {
        let entry = try #require(Self.oracle?.formats.first { $0.name == name })
        let inputs = try #require(entry.encode_inputs), codes = try #require(entry.encode_codes)
        #expect(inputs.count == codes.count && inputs.count > 0)
        let f = try #require(ElementFormat.named(name))
        var mismatches: [String] = []
        for (text, code) in zip(inputs, codes) {
            let x = try #require(Self.value(text))
            let ours = f.encode(x, rule: .nearestEven, overflow: .saturate)
            if ours != code { mismatches.append("\(text) → 0x\(String(ours, radix: 16)) ≠ 0x\(String(code, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(name) vs \(entry.ml_dtypes): \(mismatches.count) of \(inputs.count): \(mismatches.prefix(5))")
    }
}
