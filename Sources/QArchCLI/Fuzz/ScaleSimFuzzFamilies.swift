import Foundation
import TensorEngine

/// SCALE-Sim configs (`qarch scalesim --config`, issue 14): the committed example config
/// and small variants mutated line by line (`ScaleSimTextMutator`), decoded by
/// `ScaleSimConfig.parse` as the command calls it. Non-UTF-8 bytes are refused as the command
/// refuses them. An accepted config must describe an array the engine runs (positive sizes)
/// and parse to the same config again.
struct ScaleSimConfigFuzzFamily: FuzzFamily {
    let name = "scalesim-config"
    static let file = "fuzz.cfg"

    func seeds() -> [Data] {
        [FileManager.default.contents(atPath: "Tests/scalesim/inputs/scale.cfg"),
         Data("[general]\nrun_name = tiny\n[architecture_presets]\nArrayHeight: 4\nArrayWidth: 8\nDataflow: is\nBandwidth: 10,20,30\n".utf8),
         Data("[architecture_presets]\nArrayHeight = 16\nArrayWidth = 16\nDataflow = ws\n[run_presets]\nInterfaceBandwidth: CALC\n".utf8)]
            .compactMap { $0 }
    }

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { ScaleSimTextMutator.mutate(input, &rng) }

    func check(_ input: Data) -> FuzzVerdict {
        guard let text = String(data: input, encoding: .utf8) else { return .rejected("\(Self.file): expected UTF-8 text") }
        let config: ScaleSimConfig
        do {
            config = try ScaleSimConfig.parse(text, file: Self.file)
        } catch {
            return .judge(errorLines: [error.description], file: Self.file)
        }
        guard config.arrayRows > 0, config.arrayCols > 0, config.memoryBanks > 0 else {
            return .finding("accepted an array the engine cannot run: \(config.arrayRows)×\(config.arrayCols), \(config.memoryBanks) banks")
        }
        guard (try? ScaleSimConfig.parse(text, file: Self.file)) == config else { return .finding("parsing twice gave two configs") }
        return .accepted
    }
}

/// SCALE-Sim topologies (`qarch scalesim --topology`): the committed GEMM and convolution
/// CSVs mutated line by line, decoded by `ScaleSimTopology.parse`. An accepted layer must
/// be a GEMM with positive M, K and N whose operand element counts are positive, and the
/// file must parse to the same layers again.
struct ScaleSimTopologyFuzzFamily: FuzzFamily {
    let name = "scalesim-topology"
    static let file = "fuzz.csv"

    func seeds() -> [Data] {
        ["Tests/scalesim/inputs/gemm.csv", "Tests/scalesim/inputs/conv.csv"].compactMap { FileManager.default.contents(atPath: $0) }
    }

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { ScaleSimTextMutator.mutate(input, &rng) }

    func check(_ input: Data) -> FuzzVerdict {
        guard let text = String(data: input, encoding: .utf8) else { return .rejected("\(Self.file): expected UTF-8 text") }
        let layers: [ScaleSimLayer]
        do {
            layers = try ScaleSimTopology.parse(text, file: Self.file)
        } catch {
            return .judge(errorLines: [error.description], file: Self.file)
        }
        for l in layers {
            guard l.gemm.m > 0, l.gemm.k > 0, l.gemm.n > 0, l.ifmapElements > 0, l.filterElements > 0, l.ofmapElements > 0 else {
                return .finding("accepted layer '\(l.name)' with a non-positive size: \(l)")
            }
        }
        guard (try? ScaleSimTopology.parse(text, file: Self.file)) == layers else { return .finding("parsing twice gave two topologies") }
        return .accepted
    }
}
