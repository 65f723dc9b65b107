import Foundation
import Models
import Workloads

/// Model configs (`config.json` of a checkpoint, issue 11): all-MiniLM-L6-v2's config and
/// variants mutated as JSON, decoded by `BertConfig(json:path:)` as the model loader calls it.
/// An accepted config must describe an encoder the code can run: every size positive, the
/// heads dividing the width, a finite positive LayerNorm epsilon.
struct ModelConfigFuzzFamily: FuzzFamily {
    let name = "model-config"
    static let file = "fuzz-config.json"

    func seeds() -> [Data] {
        [#"{"_name_or_path": "nreimers/MiniLM-L6-H384-uncased", "architectures": ["BertModel"], "attention_probs_dropout_prob": 0.1, "gradient_checkpointing": false, "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "hidden_size": 384, "initializer_range": 0.02, "intermediate_size": 1536, "layer_norm_eps": 1e-12, "max_position_embeddings": 512, "model_type": "bert", "num_attention_heads": 12, "num_hidden_layers": 6, "pad_token_id": 0, "position_embedding_type": "absolute", "transformers_version": "4.8.2", "type_vocab_size": 2, "use_cache": true, "vocab_size": 30522}"#,
         #"{"hidden_size": 8, "num_attention_heads": 2, "num_hidden_layers": 1, "intermediate_size": 16, "max_position_embeddings": 4, "layer_norm_eps": 0.5}"#]
            .map { Data($0.utf8) }
    }

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { JSONMutator.mutate(input, &rng) }

    func check(_ input: Data) -> FuzzVerdict {
        let config: BertConfig
        do {
            config = try BertConfig(json: input, path: Self.file)
        } catch {
            return .judge(errorLines: [error.description], file: Self.file)
        }
        guard JSONMutator.isStrictJSON(input) else { return .finding("accepted a config that is not strict JSON") }
        let sizes = [config.hidden, config.heads, config.layers, config.intermediate, config.maxPositions]
        guard sizes.allSatisfy({ $0 > 0 }), config.hidden % config.heads == 0, config.headWidth > 0,
              config.layerNormEps.isFinite, config.layerNormEps > 0 else {
            return .finding("accepted a config no encoder runs: \(config)")
        }
        return .accepted
    }
}
