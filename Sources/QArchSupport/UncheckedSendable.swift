import Glibc

/// A value shared across threads whose safety the caller guarantees (disjoint writes).
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
