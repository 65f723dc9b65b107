extension WorkQueue {
    /// The online processor count (at least 1): the threads `forEachTile` uses by default.
    public static let processorCount = max(1, ProcessInfoLite.activeProcessorCount)

    /// Splits an M×N output into tiles and computes them on all cores (`jobs` threads).
    ///
    /// Each output element is computed by exactly one tile, independently of the others, so the
    /// result is bit-identical whatever the thread count. Small problems run inline. `body`
    /// must write only the elements of the tile it is given.
    ///
    /// ```swift
    /// WorkQueue.forEachTile(rows: 1024, cols: 1024) { rows, cols in /* fill C[rows, cols] */ }
    /// ```
    public static func forEachTile(rows: Int, cols: Int, minimumWork: Int = 1 << 14, jobs: Int = processorCount,
                                   _ body: (Range<Int>, Range<Int>) -> Void) {
        guard rows > 0, cols > 0 else { return }
        let workers = max(1, jobs)
        let tiles = workers * 4
        if workers == 1 || rows * cols < minimumWork {
            body(0..<rows, 0..<cols)
            return
        }
        // Split along the longer dimension so decode (M = 1) parallelizes over columns.
        let splitRows = rows >= cols
        let extent = splitRows ? rows : cols
        let count = min(tiles, extent)
        withoutActuallyEscaping(body) { work in
            // Tiles write disjoint parts of the output, so sharing the closure is race-free.
            let shared = UncheckedSendable(work)
            _ = map(count: count, jobs: workers) { t in
                let lo = extent * t / count, hi = extent * (t + 1) / count
                if splitRows { shared.value(lo..<hi, 0..<cols) } else { shared.value(0..<rows, lo..<hi) }
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
