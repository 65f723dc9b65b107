import Foundation
import NumberFormats

/// A BERT encoder with the sentence-transformers head of all-MiniLM-L6-v2: embeddings
/// (word + position + token type 0) and LayerNorm, `layers` × (multi-head self-attention,
/// residual, LayerNorm, GELU-erf FFN, residual, LayerNorm), mean pooling over the tokens,
/// L2 normalization.
///
/// The dense layers (Q, K, V, attention output, FFN up and down) run through `gemm`; the
/// attention products Q·Kᵀ and P·V run in float64 unless `attentionThroughGEMM`, when they
/// run through `gemm` too (per sentence and head). Softmax, LayerNorm, GELU, the bias adds
/// and pooling are float64. Sentences are stacked for the dense layers and never padded, so
/// every sentence attends exactly over its own tokens (its attention mask).
///
/// ```swift
/// let enc = BertEncoder(config: config, weights: weights)
/// let e = try enc.embed([[101, 7592, 102]], gemm: ExactGEMM())   // one unit-length 384-vector
/// ```
public struct BertEncoder: Sendable {
    public let config: BertConfig
    public let weights: BertWeights

    public init(config: BertConfig, weights: BertWeights) {
        self.config = config
        self.weights = weights
    }

    /// One L2-normalized embedding per sentence (token ids including `[CLS]`/`[SEP]`).
    public func embed(_ sentences: [[Int]], gemm: any DenseGEMM, attentionThroughGEMM: Bool = false) throws -> [[Double]] {
        let h = config.hidden
        var segments: [Range<Int>] = []
        var total = 0
        for s in sentences {
            segments.append(total..<(total + s.count))
            total += s.count
        }
        var x = Matrix(rows: total, cols: h)
        for (s, ids) in sentences.enumerated() {
            for (p, id) in ids.enumerated() {
                let r = segments[s].lowerBound + p
                let wid = min(max(id, 0), weights.words.rows - 1), pos = min(p, weights.positions.rows - 1)
                for c in 0..<h {
                    x.storage[r * h + c] = weights.words.storage[wid * h + c] + weights.positions.storage[pos * h + c]
                        + weights.tokenTypes.storage[c]
                }
            }
        }
        layerNorm(&x, weights.embeddingNorm)
        for layer in weights.layers {
            func dense(_ input: Matrix, _ i: Int) throws -> Matrix {
                let lin = layer.dense[i]
                var out = try gemm.multiply(input, lin.weights, segments: segments, operation: .dense(layer: lin.layer, role: lin.role))
                for r in 0..<out.rows { for c in 0..<out.cols { out.storage[r * out.cols + c] += lin.bias[c] } }
                return out
            }
            let q = try dense(x, 0), k = try dense(x, 1), v = try dense(x, 2)
            let context = try attention(q, k, v, segments: segments, gemm: attentionThroughGEMM ? gemm : nil)
            var attended = try dense(context, 3)
            for i in 0..<attended.storage.count { attended.storage[i] += x.storage[i] }
            layerNorm(&attended, layer.attentionNorm)
            var inner = try dense(attended, 4)
            for i in 0..<inner.storage.count { inner.storage[i] = Self.gelu(inner.storage[i]) }
            var out = try dense(inner, 5)
            for i in 0..<out.storage.count { out.storage[i] += attended.storage[i] }
            layerNorm(&out, layer.outputNorm)
            x = out
        }
        return segments.map { seg in
            var mean = [Double](repeating: 0, count: h)
            for r in seg { for c in 0..<h { mean[c] += x.storage[r * h + c] } }
            let count = Double(max(seg.count, 1))
            for c in 0..<h { mean[c] /= count }
            let norm = max(mean.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
            return mean.map { $0 / norm }
        }
    }

    /// Per sentence and head: softmax(Q·Kᵀ/√d)·V.
    func attention(_ q: Matrix, _ k: Matrix, _ v: Matrix, segments: [Range<Int>], gemm: (any DenseGEMM)?) throws -> Matrix {
        let h = config.hidden, d = config.headWidth
        let scale = 1 / Double(d).squareRoot()
        var out = Matrix(rows: q.rows, cols: h)
        let exact = ExactGEMM()
        for seg in segments {
            let n = seg.count
            for head in 0..<config.heads {
                var qh = Matrix(rows: n, cols: d), kt = Matrix(rows: d, cols: n), vh = Matrix(rows: n, cols: d)
                for (i, r) in seg.enumerated() {
                    for j in 0..<d {
                        qh.storage[i * d + j] = q.storage[r * h + head * d + j]
                        kt.storage[j * n + i] = k.storage[r * h + head * d + j]
                        vh.storage[i * d + j] = v.storage[r * h + head * d + j]
                    }
                }
                let one = [0..<n]
                var s = try gemm.map { try $0.multiply(qh, kt, segments: one, operation: .attentionScores) } ?? exact.product(qh, kt)
                for i in 0..<n {
                    var mx = -Double.infinity
                    for j in 0..<n { s.storage[i * n + j] *= scale; mx = max(mx, s.storage[i * n + j]) }
                    var sum = 0.0
                    for j in 0..<n { let e = exp(s.storage[i * n + j] - mx); s.storage[i * n + j] = e; sum += e }
                    for j in 0..<n { s.storage[i * n + j] /= sum }
                }
                let ctx = try gemm.map { try $0.multiply(s, vh, segments: one, operation: .attentionValues) } ?? exact.product(s, vh)
                for (i, r) in seg.enumerated() { for j in 0..<d { out.storage[r * h + head * d + j] = ctx.storage[i * d + j] } }
            }
        }
        return out
    }

    func layerNorm(_ x: inout Matrix, _ p: BertWeights.LayerNorm) {
        let w = x.cols
        for r in 0..<x.rows {
            var mean = 0.0
            for c in 0..<w { mean += x.storage[r * w + c] }
            mean /= Double(w)
            var variance = 0.0
            for c in 0..<w { let t = x.storage[r * w + c] - mean; variance += t * t }
            variance /= Double(w)
            let inv = 1 / (variance + config.layerNormEps).squareRoot()
            for c in 0..<w { x.storage[r * w + c] = (x.storage[r * w + c] - mean) * inv * p.gamma[c] + p.beta[c] }
        }
    }

    /// BERT's GELU, 0.5·x·(1 + erf(x/√2)).
    public static func gelu(_ x: Double) -> Double { 0.5 * x * (1 + erf(x * 0.5.squareRoot())) }
}
