import Dispatch

/// Runs numbered work items on a fixed number of threads and returns their results in item
/// order, so the output never depends on how many threads ran them: each item's result
/// depends only on the item (and the worker state, which must not carry values from one
/// item to the next).
///
/// Each thread builds one worker state with `makeWorker` (e.g. its MPFR scratch numbers)
/// and reuses it for every item it takes. Threads take the next unclaimed item, so uneven
/// items balance themselves. One thread (or one item) runs inline on the caller's thread.
///
/// ```swift
/// let squares = WorkQueue.map(count: 4, jobs: 2, makeWorker: { () }) { _, i in i * i }
/// // [0, 1, 4, 9]
/// let cubes = WorkQueue.map(count: 3, jobs: 8) { i in i * i * i }
/// // [0, 1, 8]
/// ```
public enum WorkQueue {
    /// `body(worker, i)` for every `i` in `0..<count` on at most `jobs` threads, in item order.
    /// `progress(done)` is called after each item with the number of items finished so far,
    /// never concurrently.
    public static func map<Worker, Result: Sendable>(
        count: Int, jobs: Int, makeWorker: @Sendable () -> Worker, progress: (@Sendable (Int) -> Void)? = nil,
        _ body: @Sendable (Worker, Int) -> Result
    ) -> [Result] {
        guard count > 0 else { return [] }
        let threads = max(1, min(jobs, count))
        if threads == 1 {
            let worker = makeWorker()
            return (0..<count).map { i in
                let result = body(worker, i)
                progress?(i + 1)
                return result
            }
        }
        let board = Board<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let worker = makeWorker()
            while let i = board.take() { board.store(body(worker, i), at: i, then: progress) }
        }
        return board.results.compactMap { $0 }
    }

    /// `body(i)` for every `i` in `0..<count` on at most `jobs` threads, in item order.
    public static func map<Result: Sendable>(count: Int, jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
                                             _ body: @Sendable (Int) -> Result) -> [Result] {
        map(count: count, jobs: jobs, makeWorker: {}, progress: progress) { _, i in body(i) }
    }

    /// The shared queue of item numbers and the result slots.
    private final class Board<Result>: @unchecked Sendable {
        private let lock = DispatchSemaphore(value: 1)
        private var next = 0, done = 0
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

        /// Store item `i`'s result, then report how many items are done, under the lock (so
        /// progress reports are never concurrent).
        func store(_ r: Result, at i: Int, then progress: ((Int) -> Void)?) {
            lock.wait()
            defer { lock.signal() }
            results[i] = r
            done += 1
            progress?(done)
        }
    }
}

extension WorkQueue {
    /// `first()` and `second()` at the same time on two threads (inline when one core is
    /// online), for two independent pieces of work such as quantizing A and B.
    ///
    /// ```swift
    /// let (a, b) = WorkQueue.pair({ 6 * 7 }, { "b" })   // (42, "b")
    /// ```
    public static func pair<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = map(count: 2, jobs: processorCount > 1 ? 2 : 1) { i in
            i == 0 ? PairResult<A, B>.a(first()) : PairResult<A, B>.b(second())
        }
        guard case .a(let a) = results[0], case .b(let b) = results[1] else { return (first(), second()) }
        return (a, b)
    }
}

/// One of the two results of `WorkQueue.pair`.
private enum PairResult<A: Sendable, B: Sendable>: Sendable {
    case a(A)
    case b(B)
}
