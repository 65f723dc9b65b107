import NumberFormats

/// A contiguous range of one check's units, with its own seed.
struct Chunk: Sendable {
    let check: Int
    let start: Int
    let count: Int
    let seed: UInt64
}
