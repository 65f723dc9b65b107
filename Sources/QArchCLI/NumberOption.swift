import ArgumentParser

/// Parsers for numeric options, used with `parsing: .unconditional` so that a negative
/// value (`--seed -1`) is read as a value and refused with its range, not taken for a
/// missing value. ArgumentParser reports a refusal as
/// `The value '-1' is invalid for '--seed <seed>': expected an integer 0…18446744073709551615`
/// (a bad value, exit 1).
///
/// ```swift
/// @Option(parsing: .unconditional, transform: NumberOption.seed) var seed: UInt64 = 1
/// try NumberOption.integer("7", in: 1...1024)   // 7
/// ```
enum NumberOption {
    /// `text` as an integer in `range`.
    @Sendable static func integer(_ text: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw ValidationError("expected an integer \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// `text` as a random seed, an integer 0…2^64 − 1.
    @Sendable static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else { throw ValidationError("expected an integer 0…\(UInt64.max)") }
        return value
    }
}
