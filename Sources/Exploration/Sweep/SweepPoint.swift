import DesignModel
import ExactJSON
import NumberFormats

/// One point of a sweep: a base design and one value index per axis of that design.
///
/// Points are numbered across the whole grid: design 0's combinations first, each in
/// mixed radix with the last (alphabetically greatest) axis varying fastest.
///
/// ```swift
/// // designs: A with axes rows [16, 32] × cols [8, 16]; B with no axes
/// spec.point(at: 3)   // design 0, choices [1, 1] (rows 32, cols 16)
/// spec.point(at: 4)   // design 1, choices []
/// ```
public struct SweepPoint: Sendable, Equatable {
    public var index: Int
    public var design: Int
    public var choices: [Int]
}

extension SweepSpec {
    /// The point with grid number `index` (0 ≤ index < gridSize).
    public func point(at index: Int) -> SweepPoint {
        var rest = index
        for (d, base) in designs.enumerated() {
            let size = base.gridSize
            if rest < size {
                var choices = Array(repeating: 0, count: base.axes.count)
                for a in base.axes.indices.reversed() {
                    let n = base.axes[a].values.count
                    choices[a] = rest % n
                    rest /= n
                }
                return SweepPoint(index: index, design: d, choices: choices)
            }
            rest -= size
        }
        return SweepPoint(index: index, design: max(0, designs.count - 1), choices: [])
    }

    /// The grid numbers of the points to evaluate, ascending: the whole grid, or a seeded
    /// uniform sample without replacement (Floyd's algorithm over SplitMix64).
    public func selectedPoints() -> [Int] {
        let size = gridSize
        switch sampling {
        case .grid:
            return Array(0..<size)
        case .random(let points, let seed):
            if points >= size { return Array(0..<size) }
            var rng = SplitMix64(seed: seed)
            var chosen = Set<Int>()
            for j in (size - points)..<size {
                let t = Int(rng.next().multipliedFullWidth(by: UInt64(j + 1)).high)
                if chosen.contains(t) { chosen.insert(j) } else { chosen.insert(t) }
            }
            return chosen.sorted()
        }
    }

    /// The points shard `shard` of `count` evaluates: every `count`-th selected point,
    /// starting at position `shard`. The shards partition the selection.
    public func selectedPoints(shard: Int, of count: Int) -> [Int] {
        let all = selectedPoints()
        return stride(from: shard, to: all.count, by: max(1, count)).map { all[$0] }
    }

    /// The axis overrides that make point `p`'s design from its base design.
    public func overrides(for p: SweepPoint) -> [DesignOverride] {
        let base = designs[p.design]
        return zip(base.axes, p.choices).compactMap { axis, c in
            axis.jsonPath.map { DesignOverride(path: $0, value: axis.values[c]) }
        }
    }

    /// The value of each axis at point `p`, as report text (`32`, `ws`), keyed by axis path.
    public func parameters(for p: SweepPoint) -> [String: String] {
        let base = designs[p.design]
        var out: [String: String] = [:]
        for (axis, c) in zip(base.axes, p.choices) { out[axis.path] = SweepAxis.text(axis.values[c]) }
        return out
    }
}

extension SweepAxis {
    /// A value as report text: integral numbers without a fraction, strings bare, other
    /// JSON compactly.
    ///
    /// ```swift
    /// SweepAxis.text(.number(32))   // "32"
    /// SweepAxis.text(.string("ws")) // "ws"
    /// ```
    public static func text(_ v: JSONNode) -> String {
        switch v {
        case .number(let x): return JSONNode.format(x)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(text).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.keys.sorted().map { "\($0):\(text(members[$0]!))" }.joined(separator: ",") + "}"
        }
    }
}
