import DesignModel

/// The vector operations of some unit kinds: which `UnitKind`s it covers and the
/// operations of a configured unit of one of them. One conforming type per kind (or
/// family of kinds), listed once in `VectorRegistry`.
///
/// ```swift
/// MixPEVectors.kinds                                          // [MixPEKind.self]
/// MixPEVectors.operations(of: MixPEKind(mode: .w4a8)).map(\.schema.operation)   // ["step", "epilogue"]
/// ```
public protocol UnitVectors: Sendable {
    /// The kinds this type describes.
    static var kinds: [any UnitKind.Type] { get }
    /// The operations of `configuration` (a value of one of `kinds`), the first the default
    /// of `qarch vectors`; empty for a configuration of another kind.
    static func operations(of configuration: any UnitKind) -> [any VectorOperation]
}
