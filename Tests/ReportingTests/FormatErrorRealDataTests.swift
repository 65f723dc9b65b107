import Exploration
import Foundation
import Testing
import Workloads
@testable import Reporting

/// The format-error study end to end on the real MiniLM weights (or the synthetic fallback),
/// writing the report files. Slow (minutes), so it runs only when `QARCH_FORMAT_ERROR_OUT`
/// names an output directory; `QARCH_FORMAT_ERROR_LAYERS` (e.g. `0,5`) limits the layers.
@Suite struct FormatErrorRealDataTests {
    static let out = ProcessInfo.processInfo.environment["QARCH_FORMAT_ERROR_OUT"]

    @Test(.enabled(if: out != nil)) func studyOnMiniLM() throws {
        let env = ProcessInfo.processInfo.environment
        let layers = env["QARCH_FORMAT_ERROR_LAYERS"].map { $0.split(separator: ",").compactMap { Int($0) } }
        let designs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Designs")
        let load = try MiniLMLoad.load(layers: layers, tokens: 64, seed: 1)
        let dataset = FormatErrorDataset.miniLMOrSynthetic(load, layers: layers, tokens: 64, seed: 1)
        let result = try FormatErrorStudy(candidates: try FormatErrorCandidate.standard(designsDirectory: designs)).run(on: dataset)

        let dir = URL(fileURLWithPath: try #require(Self.out))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(FormatErrorReport.markdown(result).utf8).write(to: dir.appendingPathComponent("fp4-hif8.md"))
        try Data(FormatErrorReport.csv(result).utf8).write(to: dir.appendingPathComponent("fp4-hif8.csv"))
        try Data(FormatErrorReport.perGEMMCSV(result).utf8).write(to: dir.appendingPathComponent("fp4-hif8-per-gemm.csv"))

        // Sanity that holds for any LLM-like data: FP16 is the most accurate, every quantized
        // format has a finite non-zero error, and 3-bit BitMoD is worse than 4-bit BitMoD.
        let m = Dictionary(uniqueKeysWithValues: result.measurements.map { ($0.label, $0) })
        let fp16 = try #require(m["FP16"]).overall.relativeFrobenius
        for x in result.measurements where x.label != "FP16" {
            #expect(x.overall.relativeFrobenius > fp16 && x.overall.relativeFrobenius.isFinite, "\(x.label)")
        }
        #expect(try #require(m["BitMoD W3"]).overall.relativeFrobenius > (try #require(m["BitMoD W4"])).overall.relativeFrobenius)
        if env["QARCH_FORMAT_ERROR_REQUIRE_REAL"] != nil { #expect(result.source.isReal) }
    }
}
