/// SRAM energy and area against capacity, access width, banks and node, fitted to the
/// CACTI 7 points (`CACTIPoints`).
///
/// The fit (documented; reproduces every CACTI point exactly, tolerance 1e-9 relative):
/// 1. **Capacity** (one bank of c kB, 64-bit bus, at a CACTI node): piecewise power law
///    through the four capacities, i.e. linear in log c / log y between neighbours and
///    extrapolated along the end segments (below 1 kB, above 512 kB). Applies to read
///    energy, write energy, area and leakage separately.
/// 2. **Node**: between 22, 28 and 45 nm, piecewise power law in the node through the
///    per-node values of step 1 (the points are measured, so no scaling rule inside
///    [22, 45]). Outside, `TechnologyScaling` from the nearest CACTI node (energy ∝ node·V²
///    at 0.9 V reference, area ∝ node², leakage ∝ node, an assumption).
/// 3. **Width**: energy per access ∝ width/64 (bitline/sense-amp energy grows with the bits
///    read; CACTI's 64-bit bus is the reference). Area is taken as width independent at
///    fixed capacity (the cell array dominates).
/// 4. **Banks**: a memory of S kB in B banks is B banks of S/B kB; one access touches one
///    bank (energy of an S/B kB bank), area and leakage are B × those of one bank.
///
/// ```swift
/// let m = SRAMModel()
/// m.bank(kb: 64, nodeNm: 28).readPJ                        // 11.6 (CACTI point)
/// m.memory(kb: 512, banks: 8, widthBits: 128, process: .paper28).readPJ   // 64 kB bank, ×2 width = 23.2
/// ```
public struct SRAMModel: Sendable {
    /// Per-access energies, area and leakage of one memory (or one bank).
    public struct Cost: Sendable, Equatable {
        public var readPJ: Double
        public var writePJ: Double
        public var areaUm2: Double
        public var leakageMW: Double
    }

    public var scaling: TechnologyScaling
    public init(scaling: TechnologyScaling = TechnologyScaling()) { self.scaling = scaling }

    /// Where the model's numbers and rules come from.
    public static let source = CACTIPoints.source + "; fit: piecewise power law in capacity and node through the points; "
        + "assumption: energy per access ∝ width/64 (bitline and sense-amp energy grows with the bits read), area "
        + "independent of width (the cell array dominates), a memory of B banks = B banks of size/B with one bank per "
        + "access, energy ∝ V² off CACTI's 0.9 V, and beyond 22–45 nm TechnologyScaling with leakage ∝ node"

    /// One bank of `kb` kB with a 64-bit bus at `nodeNm` (0.9 V).
    public func bank(kb: Double, nodeNm: Double) -> Cost {
        let nodes = CACTIPoints.nodes
        func atNode(_ n: Double) -> Cost {
            let pts = CACTIPoints.all.filter { $0.nodeNm == n }
            func fit(_ sel: (CACTIPoints.Point) -> Double) -> Double { powerLawInterpolate(kb, pts.map { ($0.kb, sel($0)) }) }
            return Cost(readPJ: fit(\.readPJ), writePJ: fit(\.writePJ), areaUm2: fit(\.areaMM2) * 1e6, leakageMW: fit(\.leakageMW))
        }
        let lo = nodes.first ?? 22, hi = nodes.last ?? 45
        if nodeNm < lo || nodeNm > hi {
            let from = nodeNm < lo ? lo : hi
            let c = atNode(from)
            let p0 = ProcessPoint(nodeNm: from, voltageV: 0.9), p1 = ProcessPoint(nodeNm: nodeNm, voltageV: 0.9)
            return Cost(readPJ: scaling.energy(c.readPJ, from: p0, to: p1), writePJ: scaling.energy(c.writePJ, from: p0, to: p1),
                        areaUm2: scaling.area(c.areaUm2, fromNm: from, toNm: nodeNm), leakageMW: c.leakageMW * nodeNm / from)
        }
        let per = nodes.map { ($0, atNode($0)) }
        if let exact = per.first(where: { $0.0 == nodeNm }) { return exact.1 }
        func fit(_ sel: (Cost) -> Double) -> Double { powerLawInterpolate(nodeNm, per.map { ($0.0, sel($0.1)) }) }
        return Cost(readPJ: fit(\.readPJ), writePJ: fit(\.writePJ), areaUm2: fit(\.areaUm2), leakageMW: fit(\.leakageMW))
    }

    /// A memory of `kb` kB total in `banks` banks, each access `widthBits` wide, at `process`
    /// (energies scaled by (V/0.9)² when the voltage differs from CACTI's 0.9 V).
    public func memory(kb: Double, banks: Int, widthBits: Int, process: ProcessPoint) -> Cost {
        let b = Double(max(banks, 1))
        let one = bank(kb: kb / b, nodeNm: process.nodeNm)
        let w = Double(max(widthBits, 1)) / Double(CACTIPoints.busBits)
        let v = process.voltageV > 0 ? (process.voltageV / 0.9) * (process.voltageV / 0.9) : 1
        return Cost(readPJ: one.readPJ * w * v, writePJ: one.writePJ * w * v, areaUm2: one.areaUm2 * b,
                    leakageMW: one.leakageMW * b)
    }
}
