import Foundation

/// A 128-bit fingerprint of bytes (two FNV-1a 64 hashes with different offset bases): the
/// build cache key. Not a security hash.
///
/// ```swift
/// var f = Fingerprint(); f.add("abc"); f.hex   // 32 hex digits
/// ```
public struct Fingerprint: Sendable {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142

    public init() {}

    public mutating func add(_ data: Data) {
        for byte in data {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = b ^ (b >> 29)
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        a = (a ^ UInt64(data.count)) &* 0x0000_0100_0000_01b3
        b = (b ^ UInt64(data.count) ^ 0xff) &* 0x0000_0100_0000_01b3
    }

    public mutating func add(_ text: String) { add(Data(text.utf8)) }

    public var hex: String { [a, b].map { String(format: "%016llx", $0) }.joined() }
}
