import DesignModel
import Dispatch
import ExactJSON
import Foundation

/// What `SweepSpec.decode` learns about base design files, remembered across decodes of
/// many specs that name the same designs (the sweep-spec fuzzer decodes 10^6 of them).
///
/// Checking a spec decodes each base design once and once more per value of every axis on
/// it (`SweepSpec.firstRejection`), which is almost all of a decode's time. Both answers depend
/// only on the design file's bytes (and the axis path and value), so they are kept here by
/// those bytes: a spec decoded with a memo gives exactly what it gives without one, only
/// sooner. Thread-safe. Bounded: past `capacity` answers of a kind, that kind starts again
/// empty, so a long run cannot grow without end.
///
/// ```swift
/// let memo = DesignCheckMemo()
/// let spec = try SweepSpec.decode(data, file: "space.json", memo: memo) { name in … }
/// let again = try SweepSpec.decode(data, file: "space.json", memo: memo) { name in … }   // no design decoded
/// ```
public final class DesignCheckMemo: @unchecked Sendable {
    /// A design file parsed and decoded, or the issues it gave.
    typealias Decoded = Result<(tree: JSONNode, design: Design), DesignCheckFailure>

    /// One value of one axis on one design file.
    struct OverrideKey: Hashable {
        let bytes: Data
        let path: String
        let value: JSONNode
    }

    /// How many answers of each kind are kept at most.
    let capacity: Int
    // Guarded by `lock`.
    private var decoded: [Data: Decoded] = [:]
    private var overrides: [OverrideKey: DesignIssue?] = [:]
    private let lock = DispatchSemaphore(value: 1)

    public init(capacity: Int = 1 << 16) { self.capacity = max(1, capacity) }

    /// The design in `bytes`, decoded once.
    func design(_ bytes: Data, compute: () -> Decoded) -> Decoded { remembered(bytes, in: \.decoded, compute) }

    /// The first issue the design in `bytes` gives with `value` at `path` (nil: accepted).
    func override(_ key: OverrideKey, compute: () -> DesignIssue?) -> DesignIssue? { remembered(key, in: \.overrides, compute) }

    /// The answer `store` keeps for `key`, or `compute()` kept as it (the compute runs
    /// outside the lock; a full store starts again empty).
    private func remembered<Key: Hashable, Value>(_ key: Key, in store: ReferenceWritableKeyPath<DesignCheckMemo, [Key: Value]>,
                                                  _ compute: () -> Value) -> Value {
        if let hit = locked({ self[keyPath: store][key] }) { return hit }
        let value = compute()
        locked {
            if self[keyPath: store].count >= capacity { self[keyPath: store].removeAll() }
            self[keyPath: store][key] = value
        }
        return value
    }

    /// How many answers are kept now (decoded designs, override checks).
    public var counts: (designs: Int, overrides: Int) { locked { (decoded.count, overrides.count) } }

    private func locked<T>(_ body: () -> T) -> T {
        lock.wait()
        defer { lock.signal() }
        return body()
    }
}

/// Why a base design file did not decode: its issues, or a message for the spec's `file` field.
enum DesignCheckFailure: Error, Sendable {
    case issues([DesignIssue])
    case other(String)
}
