/// The order in which a unit sums its products along K, as the array's dataflow dictates.
///
/// K is cut into chunks of `kChunk` consecutive indices (the rows of a weight- or
/// input-stationary fold). Each chunk's partial sum starts from zero and accumulates its
/// products in increasing k; chunk partials are then added to the running sum in chunk
/// order. Group boundaries (for per-group dequantization) cut chunks further. With
/// `kChunk == nil` the whole K is one chunk: plain sequential accumulation, which is what
/// an output-stationary PE does.
///
/// ```swift
/// AccumulationOrder.sequential            // OS
/// AccumulationOrder(kChunk: 32)           // WS/IS on a 32-row array
/// ```
public struct AccumulationOrder: Sendable, Equatable {
    public var kChunk: Int?

    public init(kChunk: Int?) { self.kChunk = kChunk.map { max($0, 1) } }

    public static let sequential = AccumulationOrder(kChunk: nil)

    /// The [start, end) ranges of the chunks covering `range`, cut at multiples of `kChunk`.
    public func chunks(of range: Range<Int>) -> [Range<Int>] {
        guard let size = kChunk else { return range.isEmpty ? [] : [range] }
        var result: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(((start / size) + 1) * size, range.upperBound)
            result.append(start..<end)
            start = end
        }
        return result
    }
}
