import Dispatch

/// Runs numbered work items on a fixed number of threads and returns their results in item
/// order, so the output never depends on how many threads ran them.
///
/// Each thread builds one worker state with `makeWorker` (e.g. its MPFR scratch numbers)
/// and reuses it for every item it takes.
///
/// ```swift
/// let squares = ParallelChunks.map(count: 4, jobs: 2, makeWorker: { () }) { _, i in i * i }
/// // [0, 1, 4, 9]
/// ```
public enum ParallelChunks {
    public static func map<Worker, Result: Sendable>(
        count: Int, jobs: Int, makeWorker: @Sendable () -> Worker, _ body: @Sendable (Worker, Int) -> Result
    ) -> [Result] {
        let threads = max(1, min(jobs, count))
        if threads == 1 {
            let worker = makeWorker()
            return (0..<count).map { body(worker, $0) }
        }
        let board = Board<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let worker = makeWorker()
            while let i = board.take() { board.store(body(worker, i), at: i) }
        }
        return board.results.compactMap { $0 }
    }

    /// The shared queue of item numbers and the result slots.
    private final class Board<Result>: @unchecked Sendable {
        private let lock = DispatchSemaphore(value: 1)
        private var next = 0
        private let count: Int
        private(set) var results: [Result?]

        init(count: Int) {
            self.count = count
            results = Array(repeating: nil, count: count)
        }

        func take() -> Int? {
            lock.wait()
            defer { lock.signal() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ r: Result, at i: Int) {
            lock.wait()
            results[i] = r
            lock.signal()
        }
    }
}
