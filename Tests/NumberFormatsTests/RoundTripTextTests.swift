import Testing
@testable import NumberFormats

@Suite struct RoundTripTextTests {
    @Test func specialsAndRoundTrip() {
        #expect(RoundTripText.format(.nan) == "nan")
        #expect(RoundTripText.format(.infinity) == "inf")
        #expect(RoundTripText.format(-.infinity) == "-inf")
        #expect(RoundTripText.format(-0.0) == "-0.0")
        #expect(RoundTripText.format(6) == "6.0")
        var rng = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let x = Double(bitPattern: rng.next())
            guard x.isFinite else { continue }
            #expect(Double(RoundTripText.format(x))?.bitPattern == x.bitPattern)
        }
    }
}
