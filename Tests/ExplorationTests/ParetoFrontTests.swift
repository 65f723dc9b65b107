import Testing
@testable import Exploration

/// The Pareto front against a brute-force O(n²) definition, plus hand cases.
@Suite struct ParetoFrontTests {
    @Test func handCases() {
        #expect(ParetoFront.indices([[1, 5], [2, 2], [3, 3], [5, 1]]) == [0, 1, 3])
        #expect(ParetoFront.indices([[1, 1], [1, 1], [2, 2]]) == [0, 1])   // equal points both kept
        #expect(ParetoFront.indices([[.nan, 0], [1, 1]]) == [1])
        #expect(ParetoFront.indices([]) == [])
    }

    @Test func matchesBruteForce() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 8)   // few distinct values: many ties
        }
        for _ in 0..<200 {
            let pts = (0..<30).map { _ in (0..<3).map { _ in next() } }
            let brute = pts.indices.filter { i in !pts.indices.contains { j in j != i && ParetoFront.dominates(pts[j], pts[i]) } }
            #expect(ParetoFront.indices(pts) == brute)
        }
    }
}
