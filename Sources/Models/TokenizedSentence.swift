/// One sentence as the encoder's input: token ids with `[CLS]` first and `[SEP]` last (the
/// attention mask is all ones: sentences are never padded, each runs at its own length),
/// and whether it was cut to the maximum length.
///
/// ```swift
/// let t = try tokenizer.encode("Hello world")
/// t.ids          // [101, 7592, 2088, 102]
/// t.truncated    // false
/// ```
public struct TokenizedSentence: Sendable, Equatable {
    public var ids: [Int]
    public var truncated: Bool

    public init(ids: [Int], truncated: Bool) {
        self.ids = ids
        self.truncated = truncated
    }
}
