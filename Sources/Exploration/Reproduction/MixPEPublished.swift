/// The MixPE artifact's published results (`results/mixpe_res.csv`, Exploration/README.md, "MixPE reproduction"),
/// normalized to the FP16 design of the same model, and the GEMMs of its benchmarks.
///
/// ```swift
/// MixPEPublished.time["OPT-6.7B"]?[0]          // 0.10 (MixPE-W4A8)
/// MixPEPublished.energy["OPT-6.7B"]?[5].core   // 0.42 (FP16)
/// ```
public enum MixPEPublished {
    /// The design columns of the published tables, in order.
    public static let designs = ["MixPE-W4A8", "ANT", "BitFusion", "INT8", "MixPE-W4A16", "FP16"]
    /// The benchmark models, in table order.
    public static let models = ["ViT-B", "ViT-H", "OPT-6.7B", "LLaMA-2-13B"]

    /// One layer's GEMMs (N_out, K) per model (Exploration/README.md, "MixPE reproduction"; `bitfusion/src/benchmarks/*.py`), with
    /// Q, K and V fused; each runs at M = 64 (one token per sample × batch 64).
    public static let gemms: [String: [(n: Int, k: Int)]] = [
        "ViT-B": [(2304, 768), (768, 768), (3072, 768), (768, 3072)],
        "ViT-H": [(3840, 1280), (1280, 1280), (5120, 1280), (1280, 5120)],
        "OPT-6.7B": [(12288, 4096), (4096, 4096), (16384, 4096), (4096, 16384)],
        "LLaMA-2-13B": [(15360, 5120), (5120, 5120), (20480, 5120), (5120, 20480)],
    ]

    /// Execution time / FP16 per model, columns as `designs`.
    public static let time: [String: [Double]] = [
        "ViT-B": [0.15, 0.61, 0.70, 0.82, 0.53, 1.00],
        "ViT-H": [0.12, 0.47, 0.67, 0.82, 0.32, 1.00],
        "OPT-6.7B": [0.10, 0.40, 0.68, 0.86, 0.19, 1.00],
        "LLaMA-2-13B": [0.10, 0.40, 0.68, 0.86, 0.19, 1.00],
    ]
    /// The "Geomean" row of the time table (an arithmetic mean in the artifact's code).
    public static let timeMean: [Double] = [0.12, 0.47, 0.68, 0.84, 0.31, 1.00]

    /// One energy cell: Static / DRAM / Buffer / Core, each a fraction of the model's FP16 total.
    public struct EnergySplit: Sendable, Equatable {
        public var staticPart, dram, buffer, core: Double
        public var total: Double { staticPart + dram + buffer + core }
    }

    static func e(_ s: Double, _ d: Double, _ b: Double, _ c: Double) -> EnergySplit {
        EnergySplit(staticPart: s, dram: d, buffer: b, core: c)
    }

    /// Energy breakdown per model, columns as `designs` (the misaligned "Geomean" block is not used).
    public static let energy: [String: [EnergySplit]] = [
        "ViT-B": [e(0.04, 0.02, 0.09, 0.11), e(0.15, 0.03, 0.10, 0.11), e(0.17, 0.04, 0.12, 0.15),
                  e(0.20, 0.05, 0.12, 0.14), e(0.13, 0.05, 0.17, 0.18), e(0.24, 0.07, 0.23, 0.46)],
        "ViT-H": [e(0.03, 0.01, 0.06, 0.08), e(0.11, 0.03, 0.08, 0.08), e(0.15, 0.03, 0.11, 0.14),
                  e(0.19, 0.07, 0.11, 0.13), e(0.07, 0.03, 0.12, 0.10), e(0.23, 0.12, 0.23, 0.43)],
        "OPT-6.7B": [e(0.02, 0.01, 0.05, 0.06), e(0.09, 0.03, 0.07, 0.06), e(0.15, 0.03, 0.11, 0.14),
                     e(0.19, 0.05, 0.11, 0.14), e(0.04, 0.02, 0.10, 0.06), e(0.22, 0.13, 0.23, 0.42)],
        "LLaMA-2-13B": [e(0.02, 0.01, 0.05, 0.06), e(0.09, 0.03, 0.07, 0.06), e(0.15, 0.03, 0.11, 0.14),
                        e(0.19, 0.06, 0.12, 0.14), e(0.04, 0.02, 0.10, 0.06), e(0.22, 0.13, 0.23, 0.42)],
    ]
}
