/// The finite values of a format in increasing order, each with one code, for the
/// midpoint-threshold rounding of BitMoD and RaZeR (NumberFormats/README.md, "BitMoD datatypes"): a value maps to
/// the listed value `v_i` with `mid_{i−1} < x ≤ mid_i`, so an exact midpoint goes to the
/// lower (more negative) neighbour.
struct MidpointTable: Sendable {
    let values: [Double]
    let codes: [UInt32]

    /// The distinct finite values of `format` (+0 preferred over −0).
    init(_ format: ElementFormat) {
        var pairs: [(Double, UInt32)] = []
        for code in format.allCodes {
            let v = format.decode(code)
            guard v.isFinite, !pairs.contains(where: { $0.0 == v }) else { continue }
            pairs.append((v + 0.0, code))
        }
        // Prefer the +0 code: a −0 code decodes equal to +0 and must not be listed first.
        if let zero = pairs.firstIndex(where: { $0.0 == 0 }) {
            pairs[zero].1 = format.zeroCode(negative: false)
        }
        pairs.sort { $0.0 < $1.0 }
        values = pairs.map(\.0)
        codes = pairs.map(\.1)
    }

    /// The index of the listed value `x` maps to: the smallest `i` with `x ≤ (v_i + v_{i+1})/2`.
    func index(of x: ExactQuotient) -> Int {
        var lo = 0, hi = values.count - 1
        while lo < hi {
            let m = (lo + hi) / 2
            if x.compare((values[m] + values[m + 1]) * 0.5) <= 0 { hi = m } else { lo = m + 1 }
        }
        return lo
    }

    /// The code `x` maps to.
    func code(of x: ExactQuotient) -> UInt32 { codes[index(of: x)] }
}
