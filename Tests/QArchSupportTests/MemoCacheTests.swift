import Foundation
import QArchSupport
import Testing

/// The memo cache: one value per key, whichever thread asked first.
@Suite struct MemoCacheTests {
    @Test func computesOncePerKey() {
        let cache = MemoCache<String, Int>()
        var computed = 0
        #expect(cache.value(for: "a") { computed += 1; return 1 } == 1)
        #expect(cache.value(for: "a") { computed += 1; return 2 } == 1)
        #expect(cache.value(for: "b") { computed += 1; return 3 } == 3)
        #expect(computed == 2)
        #expect(cache.count == 2)
    }

    /// Many threads asking for a few keys at once all get the key's value, and each key is
    /// stored once.
    @Test func concurrentCallersAgree() {
        let cache = MemoCache<Int, Int>()
        let out = WorkQueue.map(count: 400, jobs: 8) { i in cache.value(for: i % 5) { (i % 5) * 100 } }
        #expect(out == (0..<400).map { ($0 % 5) * 100 })
        #expect(cache.count == 5)
    }
}
