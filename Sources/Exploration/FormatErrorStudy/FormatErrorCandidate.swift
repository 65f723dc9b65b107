import ArithmeticUnits
import DesignModel
import Foundation
import NumberFormats
import TensorEngine
import Workloads

/// One number format in the format-error study: a label and the design whose bit-exact
/// unit computes the GEMMs and whose cost model prices them.
///
/// ```swift
/// let all = try FormatErrorCandidate.standard(designsDirectory: URL(fileURLWithPath: "Designs"))
/// all.map(\.label)        // ["FP16", "HiF8", "HiF8 (FP32 out)", "NVFP4", "MXFP4", "INT4-g128", "BitMoD W4", "BitMoD W3"]
/// all[4].bitsPerWeight    // 4.25 (E2M1 + an E8M0 scale per 32)
/// ```
public struct FormatErrorCandidate: Sendable {
    public let label: String
    public let design: Design

    public init(label: String, design: Design) {
        self.label = label
        self.design = design
    }

    /// The study's formats and their design files, in decreasing bits per weight: the FP16
    /// anchor, HiF8, NVFP4, MXFP4, INT4 with group 128 (dequantized to FP16), BitMoD W4 and W3.
    public static let standardFiles: [(label: String, file: String)] = [
        ("FP16", "fp16-systolic.json"),
        ("HiF8", "hif8-mac.json"),
        ("NVFP4", "nvfp4-dot.json"),
        ("MXFP4", "mxfp4-dot.json"),
        ("INT4-g128", "w4a16-dequant-fp16.json"),
        ("BitMoD W4", "bitmod-w4.json"),
        ("BitMoD W3", "bitmod-w3.json"),
    ]

    /// The label of the HiF8 variant with FP32 outputs (`withFP32Output`).
    public static let hif8FP32OutputLabel = "HiF8 (FP32 out)"

    /// The standard candidates, read from `designsDirectory` (the repository's `Designs/`),
    /// with the HiF8 design's FP32-output variant right after it, so the report can separate
    /// HiF8 operand rounding from the design's HiF8 re-encoding of the outputs.
    public static func standard(designsDirectory: URL) throws(FormatErrorStudyError) -> [FormatErrorCandidate] {
        var out: [FormatErrorCandidate] = []
        for (label, file) in standardFiles {
            let candidate = FormatErrorCandidate(label: label, design: try load(designsDirectory.appendingPathComponent(file)))
            out.append(candidate)
            if label == "HiF8", let variant = candidate.withFP32Output(label: hif8FP32OutputLabel) { out.append(variant) }
        }
        return out
    }

    /// The same design with FP32 outputs instead of its output format (named
    /// `<design>-fp32-out`); nil when the unit's outputs are not the design's choice
    /// (`OutputFormatChoosing`) or already are FP32.
    ///
    /// ```swift
    /// hif8.withFP32Output(label: "HiF8 (FP32 out)")?.design.name   // "hif8-mac-fp32-out"
    /// ```
    public func withFP32Output(label: String) -> FormatErrorCandidate? {
        guard var unit = design.unit.configuration as? any OutputFormatChoosing, unit.outputFormat != .fp32 else { return nil }
        unit.outputFormat = .fp32
        var d = design
        d.unit.configuration = unit
        d.name += "-fp32-out"
        return FormatErrorCandidate(label: label, design: d)
    }

    /// Read and decode one design file.
    public static func load(_ url: URL) throws(FormatErrorStudyError) -> Design {
        let data: Data
        do { data = try InputFile.read(url.path) } catch { throw .designFile(path: url.path, message: "expected a readable design file, found \(error.found)") }
        do { return try Design.decode(data) } catch {
            throw .designFile(path: url.path, message: error.issues.first?.description ?? "invalid design")
        }
    }

    /// Weight storage per element, element and scale/zero-point metadata included
    /// (`UnitKind.operandWidths`): FP16 16, HiF8 8, NVFP4 4.5, MXFP4 4.25,
    /// INT4-g128 4 + (16 + 4)/128, BitMoD 4 + 8/128 or 3 + 8/128.
    public var bitsPerWeight: Double { design.unit.operandWidths.b.bitsPerElement }

    /// Activation storage per element, as `bitsPerWeight`.
    public var bitsPerActivation: Double { design.unit.operandWidths.a.bitsPerElement }

    /// Short names of the activation, weight and output formats the unit uses.
    ///
    /// ```swift
    /// candidate.formats   // (activations: "fp16", weights: "bitmod-fp4 g128", output: "fp32")
    /// ```
    public var formats: (activations: String, weights: String, output: String) {
        let names = design.unit.formatNames
        return (names.activations, names.weights, design.makeUnit().outputFormat.name)
    }
}
