import Foundation
import QArchSupport
import Testing

/// The work queue: results in item order whatever the thread count, one worker state per
/// thread, progress once per item, and tiles that cover an output exactly once.
@Suite struct WorkQueueTests {
    /// A counter shared by worker threads.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int] = []
        func add(_ v: Int) { lock.withLock { values.append(v) } }
        var all: [Int] { lock.withLock { values } }
    }

    /// Item `i`'s result, the longer to compute the smaller `i`.
    static func unevenWork(_ i: Int) -> (item: Int, value: UInt64) {
        var x = UInt64(i)
        for _ in 0..<((50 - i) * 2_000) { x = x &* 6364136223846793005 &+ 1442695040888963407 }
        return (i, x)
    }

    /// Uneven items (later ones finish first on several threads) still come back in order.
    @Test("results in item order", arguments: [1, 2, 3, 8, 100])
    func resultsInItemOrder(jobs: Int) {
        let out = WorkQueue.map(count: 50, jobs: jobs) { Self.unevenWork($0) }
        #expect(out.map(\.item) == Array(0..<50))
        #expect(out.map(\.value) == (0..<50).map { Self.unevenWork($0).value })
    }

    @Test("one worker state per thread", arguments: [1, 2, 4])
    func oneWorkerPerThread(jobs: Int) {
        let made = Counter()
        let out = WorkQueue.map(count: 40, jobs: jobs, makeWorker: { made.add(1); return 10 }) { worker, i in worker + i }
        #expect(out == Array(10..<50))
        #expect(made.all.count == jobs)
    }

    @Test("progress counts each item once, in order", arguments: [1, 3])
    func progressCountsEachItem(jobs: Int) {
        let reports = Counter()
        let out = WorkQueue.map(count: 25, jobs: jobs, progress: { done in reports.add(done) }) { i in i * i }
        #expect(out == (0..<25).map { $0 * $0 })
        #expect(reports.all == Array(1...25))
    }

    @Test func noItemsNoWorkNoProgress() {
        let reports = Counter()
        let out = WorkQueue.map(count: 0, jobs: 4, makeWorker: { reports.add(-1) }, progress: { reports.add($0) }) { _, i in i }
        #expect(out.isEmpty)
        #expect(reports.all.isEmpty)
    }

    /// Every element of the output is written by exactly one tile, for tall, wide and
    /// one-row outputs and any thread count.
    @Test("tiles cover the output once", arguments: [(1, 40_000, 3), (40_000, 1, 2), (300, 200, 5), (129, 257, 1), (7, 9, 4)])
    func tilesCoverTheOutputOnce(rows: Int, cols: Int, jobs: Int) {
        var hits = [UInt8](repeating: 0, count: rows * cols)
        hits.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            WorkQueue.forEachTile(rows: rows, cols: cols, minimumWork: 64, jobs: jobs) { rs, cs in
                for r in rs { for c in cs { base[r * cols + c] &+= 1 } }
            }
        }
        #expect(hits.allSatisfy { $0 == 1 })
    }

    @Test func smallOutputsRunAsOneTile() {
        var calls: [(Range<Int>, Range<Int>)] = []
        WorkQueue.forEachTile(rows: 10, cols: 10, minimumWork: 101, jobs: 4) { calls.append(($0, $1)) }
        #expect(calls.count == 1)
        #expect(calls.first?.0 == 0..<10 && calls.first?.1 == 0..<10)
        WorkQueue.forEachTile(rows: 0, cols: 10) { _, _ in Issue.record("no tile for an empty output") }
    }
}
