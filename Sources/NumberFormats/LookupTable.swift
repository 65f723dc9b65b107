/// A sorted table of the finite values of a lookup format, with the code of each.
struct LookupTable: Sendable, Hashable {
    /// Value per code; `nil` where a code is unused.
    let valueByCode: [Double]
    /// Distinct finite values in increasing order, and a code for each.
    let sortedValues: [Double]
    let sortedCodes: [UInt32]

    init(valueByCode: [Double]) {
        self.valueByCode = valueByCode
        var pairs: [(Double, UInt32)] = []
        for (code, v) in valueByCode.enumerated() where !pairs.contains(where: { $0.0 == v }) {
            // The first code wins for a repeated value (so +0 beats a −0 alias).
            pairs.append((v, UInt32(code)))
        }
        pairs.sort { $0.0 < $1.0 }
        sortedValues = pairs.map(\.0)
        sortedCodes = pairs.map(\.1)
    }
}
