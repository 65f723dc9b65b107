import Dispatch

/// Values computed once per key and shared by every later caller, from any thread.
///
/// For values that depend only on their key (e.g. a unit configuration's action counts or
/// numeric error), so which thread computed one never shows. The compute runs outside the
/// lock: two threads asking for a new key at once may both compute it, and the first stored
/// value is kept (the same value, as it depends only on the key). Keys are kept in a short
/// list searched with `==`: a sweep has a few dozen distinct keys at most.
///
/// ```swift
/// let squares = MemoCache<Int, Int>()
/// squares.value(for: 12) { 12 * 12 }   // 144, computed
/// squares.value(for: 12) { 0 }         // 144, remembered
/// ```
public final class MemoCache<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var entries: [(key: Key, value: Value)] = []
    private let lock = DispatchSemaphore(value: 1)

    public init() {}

    /// The value remembered for `key`, or `compute()` remembered as it.
    public func value(for key: Key, compute: () -> Value) -> Value {
        if let hit = locked({ entries.first { $0.key == key }?.value }) { return hit }
        let value = compute()
        return locked {
            if let first = entries.first(where: { $0.key == key }) { return first.value }
            entries.append((key, value))
            return value
        }
    }

    /// How many keys have a value.
    public var count: Int { locked { entries.count } }

    private func locked<T>(_ body: () -> T) -> T {
        lock.wait()
        defer { lock.signal() }
        return body()
    }
}
