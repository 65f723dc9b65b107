import TensorEngine

/// `array.tile`: `{m, n, k}`, each an integer 1…65536.
///
/// ```swift
/// TileShape(m: 2, n: 64, k: 4)   // the LUT Tensor Core's elongated tile
/// ```
public struct TileShape: Sendable, Equatable {
    public var m: Int
    public var n: Int
    public var k: Int

    public init(m: Int, n: Int, k: Int) {
        self.m = m
        self.n = n
        self.k = k
    }
}
