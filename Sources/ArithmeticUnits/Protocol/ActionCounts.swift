/// How many times a unit performed each `Action`.
///
/// Units count in local integers inside their hot loops and record the totals here once
/// per call, so counting costs nothing per MAC.
///
/// ```swift
/// var counts = ActionCounts()
/// counts.record(Action(.intAdd, bits: 32), 128)
/// counts[Action(.intAdd, bits: 32)]   // 128
/// ```
public struct ActionCounts: Sendable, Equatable, CustomStringConvertible {
    public private(set) var storage: [Action: UInt64] = [:]

    public init() {}

    /// The count of `action` (0 if never recorded).
    public subscript(action: Action) -> UInt64 { storage[action] ?? 0 }

    /// Add `count` occurrences of `action` (wrapping: counts never trap).
    public mutating func record(_ action: Action, _ count: UInt64) {
        guard count > 0 else { return }
        storage[action, default: 0] &+= count
    }

    /// Add `count` occurrences of `action`; negative counts are ignored.
    public mutating func record(_ action: Action, _ count: Int) {
        if count > 0 { record(action, UInt64(count)) }
    }

    /// Add every count of `other`.
    public mutating func merge(_ other: ActionCounts) {
        for (a, c) in other.storage { record(a, c) }
    }

    /// The actions in a stable order, with their counts.
    public var sorted: [(action: Action, count: UInt64)] {
        storage.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public var description: String { sorted.map { "\($0.action)=\($0.count)" }.joined(separator: " ") }
}
