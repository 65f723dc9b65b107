import Foundation
import Workloads

/// The fields of a BERT `config.json` the encoder needs.
///
/// ```swift
/// let c = try BertConfig(json: data, path: "config.json")
/// (c.hidden, c.heads, c.layers, c.layerNormEps)   // (384, 12, 6, 1e-12) for all-MiniLM-L6-v2
/// ```
public struct BertConfig: Sendable, Equatable {
    public var hidden: Int
    public var heads: Int
    public var layers: Int
    public var intermediate: Int
    public var maxPositions: Int
    public var layerNormEps: Double

    public init(hidden: Int, heads: Int, layers: Int, intermediate: Int, maxPositions: Int, layerNormEps: Double) {
        self.hidden = hidden; self.heads = heads; self.layers = layers
        self.intermediate = intermediate; self.maxPositions = maxPositions; self.layerNormEps = layerNormEps
    }

    public init(json: Data, path: String) throws(WorkloadError) {
        guard let o = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            throw .invalid(path: path, field: "$", message: "expected a JSON object")
        }
        func int(_ key: String) throws(WorkloadError) -> Int {
            guard let v = o[key] as? Int, v > 0 else { throw .invalid(path: path, field: key, message: "expected a positive integer") }
            return v
        }
        if let act = o["hidden_act"] as? String, act != "gelu" {
            throw .invalid(path: path, field: "hidden_act", message: "expected \"gelu\" (erf), found \"\(act)\"")
        }
        if let p = o["position_embedding_type"] as? String, p != "absolute" {
            throw .invalid(path: path, field: "position_embedding_type", message: "expected \"absolute\", found \"\(p)\"")
        }
        hidden = try int("hidden_size")
        heads = try int("num_attention_heads")
        layers = try int("num_hidden_layers")
        intermediate = try int("intermediate_size")
        maxPositions = try int("max_position_embeddings")
        guard hidden % heads == 0 else {
            throw .invalid(path: path, field: "num_attention_heads", message: "expected a divisor of hidden_size \(hidden), found \(heads)")
        }
        guard let eps = o["layer_norm_eps"] as? Double, eps > 0 else {
            throw .invalid(path: path, field: "layer_norm_eps", message: "expected a positive number")
        }
        layerNormEps = eps
    }

    public var headWidth: Int { hidden / heads }
}
