import Foundation
import Testing
@testable import Workloads
import NumberFormats

@Suite struct ModelShapeTests {
    /// LLaMA-2-7B, one layer, M = 1: Q, K, V, O are 4096×4096 (4·16,777,216 = 67,108,864 MACs),
    /// gate and up 4096×11008 (2·45,088,768), down 11008×4096 (45,088,768): 202,375,168.
    @Test func llama2LayerMACs() throws {
        let w = try #require(Workload.builtIn("llama-2-7b:decode:1:layer"))
        #expect(w.gemms.count == 7)
        #expect(w.macs == 202_375_168)
        #expect(w.gemms.first { $0.name == "down_proj" } == GEMMShape(name: "down_proj", m: 1, k: 11008, n: 4096))
    }

    /// LLaMA-3-8B uses grouped-query attention: K and V project to 1024.
    @Test func gqaWidths() throws {
        let w = try #require(Workload.builtIn("llama-3-8b:prefill:2048:layer"))
        #expect(w.gemms.first { $0.name == "k_proj" }?.n == 1024)
        #expect(w.gemms.allSatisfy { $0.m == 2048 })
    }

    @Test func wholeModelAndDefaults() throws {
        let w = try #require(Workload.builtIn("opt-6.7b:prefill"))
        #expect(w.gemms.count == 6 && w.gemms.allSatisfy { $0.m == 256 && $0.count == 32 })
        #expect(Workload.builtIn("vit-base")?.gemms.first?.m == 1)
    }

    @Test("bad workload names", arguments: ["gpt-5", "llama-2-7b:train", "llama-2-7b:decode:0", "llama-2-7b:decode:x",
                                            "llama-2-7b:decode:1:2"])
    func badNames(name: String) { #expect(Workload.builtIn(name) == nil) }
}

@Suite struct SyntheticDataTests {
    @Test func deterministicAndSeeded() {
        #expect(SyntheticData.weights(k: 64, n: 8, seed: 3) == SyntheticData.weights(k: 64, n: 8, seed: 3))
        #expect(SyntheticData.weights(k: 64, n: 8, seed: 3) != SyntheticData.weights(k: 64, n: 8, seed: 4))
    }

    @Test func weightStatistics() {
        let w = SyntheticData.weights(k: 512, n: 256, seed: 11).storage
        let mean = w.reduce(0, +) / Double(w.count)
        let std = (w.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(w.count)).squareRoot()
        #expect(abs(mean) < 0.001 && abs(std - 0.02) < 0.0005)
    }

    /// K/256 outlier channels whose RMS is 20–100× that of the other channels.
    @Test func outlierChannels() {
        let (m, k) = (64, 1024)
        let a = SyntheticData.activations(m: m, k: k, seed: 5)
        let rms = (0..<k).map { c in ((0..<m).reduce(0) { $0 + a[$1, c] * a[$1, c] } / Double(m)).squareRoot() }
        let sorted = rms.sorted()
        let median = sorted[k / 2]
        let outliers = rms.filter { $0 > 10 * median }
        #expect(outliers.count == k / 256)
        #expect(outliers.allSatisfy { $0 > 12 * median && $0 < 150 * median })
    }

    @Test func deterministicLogMatchesLibm() {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<10_000 {
            let x = rng.nextUnit() * 1e3 + 1e-300
            #expect(abs(DeterministicMath.log(x) - Foundation.log(x)) <= 4 * abs(Foundation.log(x)).ulp + 1e-300)
        }
    }
}

@Suite struct SafetensorsTests {
    static func file(_ header: String, _ payload: [UInt8]) -> Data {
        var d = Data()
        let h = Array(header.utf8)
        for i in 0..<8 { d.append(UInt8((UInt64(h.count) >> UInt64(8 * i)) & 0xFF)) }
        d.append(contentsOf: h)
        d.append(contentsOf: payload)
        return d
    }

    static func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    @Test func readsEveryDtype() throws {
        // a: F32 [2, 2] = [1, -2.5, 0.1f, 3e38]; b: F16 [2] = [1.5, -0.0]; c: BF16 [1] = [2.0]; d: F64 [1] = [0.1]
        let f32: [Float] = [1, -2.5, 0.1, 3e38]
        var payload = f32.flatMap { Self.le($0.bitPattern) }
        payload += Self.le(UInt16(0x3E00)) + Self.le(UInt16(0x8000))
        payload += Self.le(UInt16(0x4000))
        payload += Self.le((0.1 as Double).bitPattern)
        let header = #"{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"b":{"dtype":"F16","shape":[2],"data_offsets":[16,20]},"c":{"dtype":"BF16","shape":[1],"data_offsets":[20,22]},"d":{"dtype":"F64","shape":[1],"data_offsets":[22,30]}}"#
        let s = try SafetensorsFile(data: Self.file(header, payload), path: "t.safetensors")
        let a = try s.matrix("a")
        #expect(a.rows == 2 && a.cols == 2 && a.storage == f32.map(Double.init))
        #expect(try s.values("b") == [1.5, -0.0] && (try s.values("b"))[1].sign == .minus)
        #expect(try s.values("c") == [2.0])
        #expect(try s.values("d") == [0.1])
    }

    @Test("bad files name the field", arguments: [
        (#"{"a":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}}"#, 1, "a.dtype"),
        (#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, 4, "a.data_offsets"),
        (#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,400]}}"#, 4, "a.data_offsets"),
        (#"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, 4, "a.shape"),
        (#"{"a":{"shape":[1],"data_offsets":[0,4]}}"#, 4, "a.dtype"),
        (#"[1, 2]"#, 0, "header"),
    ])
    func badFiles(header: String, payloadBytes: Int, field: String) {
        do {
            _ = try SafetensorsFile(data: Self.file(header, [UInt8](repeating: 0, count: payloadBytes)), path: "bad.safetensors")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("bad.safetensors: \(field):"), "\(error)")
        }
    }

    @Test func integerTensorsOpenButAreNotRead() throws {
        // BERT checkpoints hold `embeddings.position_ids` as I64: the file opens, its floats read.
        let header = #"{"ids":{"dtype":"I64","shape":[2],"data_offsets":[0,16]},"w":{"dtype":"F32","shape":[1],"data_offsets":[16,20]}}"#
        let payload = Self.le(Int64(0)) + Self.le(Int64(1)) + Self.le(Float(0.5).bitPattern)
        let s = try SafetensorsFile(data: Self.file(header, payload), path: "ids.safetensors")
        #expect(try s.values("w") == [0.5])
        do {
            _ = try s.values("ids")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "ids.safetensors: ids.dtype: expected F64, F32, F16 or BF16, found I64")
        }
    }

    @Test func truncatedFiles() {
        #expect(throws: WorkloadError.self) { _ = try SafetensorsFile(data: Data([1, 2, 3]), path: "x") }
        #expect(throws: WorkloadError.self) { _ = try SafetensorsFile(data: Self.file("{}", []).prefix(9), path: "x") }
    }
}
