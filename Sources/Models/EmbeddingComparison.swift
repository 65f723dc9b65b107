/// How close a design's sentence embeddings are to the reference ones: per sentence the
/// cosine similarity, and the Spearman rank correlation of all pairwise cosine similarities
/// (i < j) of the two sets, with tied values given their average rank.
///
/// ```swift
/// let c = EmbeddingComparison(embeddings: design, reference: reference)
/// c.meanCosine; c.minCosine; c.spearman
/// ```
public struct EmbeddingComparison: Sendable, Equatable {
    public var cosines: [Double]
    public var meanCosine: Double
    public var minCosine: Double
    /// NaN with fewer than three sentences (under two pairs).
    public var spearman: Double

    public init(embeddings: [[Double]], reference: [[Double]]) {
        cosines = zip(embeddings, reference).map { Self.cosine($0, $1) }
        meanCosine = cosines.isEmpty ? .nan : cosines.reduce(0, +) / Double(cosines.count)
        minCosine = cosines.min() ?? .nan
        spearman = Self.spearman(Self.pairwiseCosines(embeddings), Self.pairwiseCosines(reference))
    }

    /// a·b / (|a|·|b|); 0 for a zero vector.
    ///
    /// ```swift
    /// EmbeddingComparison.cosine([1, 0], [1, 1])   // 0.7071…
    /// ```
    public static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for (x, y) in zip(a, b) { dot += x * y; na += x * x; nb += y * y }
        let d = (na * nb).squareRoot()
        return d > 0 ? dot / d : 0
    }

    /// The cosine of every pair i < j, row-major.
    public static func pairwiseCosines(_ e: [[Double]]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(e.count * max(e.count - 1, 0) / 2)
        for i in 0..<e.count { for j in (i + 1)..<max(e.count, i + 1) { out.append(cosine(e[i], e[j])) } }
        return out
    }

    /// Ranks 1…n, ties sharing their average rank.
    ///
    /// ```swift
    /// EmbeddingComparison.ranks([3, 1, 3])   // [2.5, 1, 2.5]
    /// ```
    public static func ranks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { v[$0] < v[$1] || (v[$0] == v[$1] && $0 < $1) }
        var r = [Double](repeating: 0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for t in i...j { r[order[t]] = average }
            i = j + 1
        }
        return r
    }

    /// Spearman's ρ: the Pearson correlation of the tie-averaged ranks (NaN under two values
    /// or when either side is constant).
    public static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count, a.count >= 2 else { return .nan }
        let ra = ranks(a), rb = ranks(b)
        let n = Double(a.count)
        let ma = ra.reduce(0, +) / n, mb = rb.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(ra, rb) { sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb) }
        let d = (saa * sbb).squareRoot()
        return d > 0 ? sab / d : .nan
    }
}
