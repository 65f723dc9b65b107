/// Scaling of energy and area from the node and voltage a number was measured at to a
/// design's node and voltage (CostModel/README.md, "Technology scaling").
///
/// Default rule: dynamic energy ∝ C·V² with C ∝ feature size, so
/// `E(node, V) = E₀ · (node/node₀)^energyExponent · (V/V₀)²`, and area ∝ feature size²,
/// `A(node) = A₀ · (node/node₀)^areaExponent`, with `energyExponent = 1`, `areaExponent = 2`.
/// Both exponents are overridable. A number measured at the design's own node and voltage
/// is returned unchanged (the factors are exactly 1 and are not applied).
///
/// ```swift
/// let s = TechnologyScaling()
/// s.energy(1.0, from: .horowitz45, to: Node(nm: 22.5, voltage: 0.9))   // 0.5
/// s.area(100, fromNm: 45, toNm: 22.5)                                  // 25
/// ```
public struct TechnologyScaling: Sendable, Equatable {
    /// Exponent of the feature-size ratio for dynamic energy (C ∝ feature size → 1).
    public var energyExponent: Double
    /// Exponent of the feature-size ratio for area (feature size squared → 2).
    public var areaExponent: Double

    /// Where the default rule comes from.
    public static let source = "cost-references.md §5 (no authoritative table offline); assumption: dynamic energy ∝ C·V² "
        + "with C ∝ feature size (exponent 1) and area ∝ feature size² (exponent 2), both overridable"

    public init(energyExponent: Double = 1, areaExponent: Double = 2) {
        self.energyExponent = energyExponent
        self.areaExponent = areaExponent
    }

    /// Energy measured at `from`, at `to`.
    public func energy(_ pj: Double, from: ProcessPoint, to: ProcessPoint) -> Double {
        if from == to { return pj }
        guard from.nodeNm > 0, from.voltageV > 0 else { return pj }
        let c = from.nodeNm == to.nodeNm ? 1 : Self.pow(to.nodeNm / from.nodeNm, energyExponent)
        let v = to.voltageV / from.voltageV
        return pj * c * v * v
    }

    /// Area measured at `fromNm`, at `toNm`.
    public func area(_ um2: Double, fromNm: Double, toNm: Double) -> Double {
        if fromNm == toNm || fromNm <= 0 { return um2 }
        return um2 * Self.pow(toNm / fromNm, areaExponent)
    }

    static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 1 { return x }
        if y == 2 { return x * x }
        return x > 0 ? (log2Double(x) * y).exp2 : 0
    }
}
