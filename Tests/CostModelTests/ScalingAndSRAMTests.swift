import Testing
@testable import CostModel

/// Technology scaling identities and the CACTI SRAM fit.
@Suite struct ScalingAndSRAMTests {
    func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    @Test func sameNodeIsUnchanged() {
        let s = TechnologyScaling()
        #expect(s.energy(3.7, from: .horowitz45, to: .horowitz45) == 3.7)
        #expect(s.area(7700, fromNm: 45, toNm: 45) == 7700)
        let c = HorowitzTable.fpMul(bits: 32)
        #expect(c.scaled(to: .horowitz45) == c)
    }

    @Test func halfTheNodeHalvesEnergyAndQuartersArea() {
        let s = TechnologyScaling()
        let half = ProcessPoint(nodeNm: 22.5, voltageV: 0.9)
        #expect(close(s.energy(3.7, from: .horowitz45, to: half), 1.85))
        #expect(close(s.area(7700, fromNm: 45, toNm: 22.5), 1925))
        // V² at equal node.
        #expect(close(s.energy(1, from: .horowitz45, to: ProcessPoint(nodeNm: 45, voltageV: 0.45)), 0.25))
        // Overridable exponents.
        #expect(close(TechnologyScaling(energyExponent: 2, areaExponent: 1).energy(1, from: .horowitz45, to: half), 0.25))
    }

    @Test func sramFitReproducesEveryCACTIPoint() {
        // Stated tolerance: 1e-9 relative (the fit interpolates through the points).
        let m = SRAMModel()
        for p in CACTIPoints.all {
            let c = m.bank(kb: p.kb, nodeNm: p.nodeNm)
            #expect(close(c.readPJ, p.readPJ), "\(p.nodeNm) nm \(p.kb) kB read")
            #expect(close(c.writePJ, p.writePJ))
            #expect(close(c.areaUm2, p.areaMM2 * 1e6))
            #expect(close(c.leakageMW, p.leakageMW))
        }
    }

    @Test func sramWidthBanksAndMonotonicity() {
        let m = SRAMModel()
        // 512 kB in 8 banks of 64 kB, 128-bit access at 28 nm: 2 × 11.6 pJ; area 8 × 0.2 mm².
        let c = m.memory(kb: 512, banks: 8, widthBits: 128, process: .paper28)
        #expect(close(c.readPJ, 23.2))
        #expect(close(c.areaUm2, 1.6e6))
        // Between points: monotone in capacity and node.
        let e16 = m.bank(kb: 16, nodeNm: 28).readPJ
        #expect(e16 > 3.32 && e16 < 11.6)
        let e32nm = m.bank(kb: 64, nodeNm: 32).readPJ
        #expect(e32nm > 11.6 && e32nm < 27.8)
        // Outside [22, 45]: the scaling rule from the nearest node (16 nm = 22 · 16/22).
        #expect(close(m.bank(kb: 64, nodeNm: 16).readPJ, 7.38 * 16 / 22))
    }
}
