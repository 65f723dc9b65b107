/// The class of a code point, as reported by `qarch formats table`.
///
/// ```swift
/// ElementFormat.e2m1.classify(0x1)   // .subnormal
/// ```
public enum ValueClass: String, Sendable, Codable, CaseIterable {
    case zero, subnormal, normal
    case infinity = "inf"
    case nan
}
