import Testing
@testable import Exploration

/// The ratio and gap rules of the seed reproduction, with hand-computed values.
@Suite struct ReproductionRowTests {
    @Test func ratioIsOursOverPublished() throws {
        let r = ReproductionRow(labels: ["OPT-6.7B", "INT8"], published: 0.86, ours: 0.875)
        // 0.875 / 0.86 = 1.017441…
        #expect(abs(try #require(r.ratio) - 1.0174418604651163) < 1e-12)
        #expect(!r.needsExplanation)
        #expect(r.isExplained)
    }

    @Test func gapOverTwentyPercentNeedsAnExplanation() {
        // 0.22 / 0.10 = 2.2: a gap of 120 %.
        var r = ReproductionRow(labels: ["OPT-6.7B", "MixPE-W4A8"], published: 0.10, ours: 0.22)
        #expect(r.needsExplanation)
        #expect(!r.isExplained)
        r.explanation = "   "
        #expect(!r.isExplained, "blank text is no explanation")
        r.explanation = "fusion factor 2"
        #expect(r.isExplained)
    }

    @Test func thresholdIsStrict() {
        // ratio 1.25 (0.25 over) and 0.75 (0.25 under) need one; 1.125 and 0.875 do not.
        #expect(ReproductionRow(labels: [], published: 0.8, ours: 1.0).needsExplanation)
        #expect(ReproductionRow(labels: [], published: 4, ours: 3).needsExplanation)
        #expect(!ReproductionRow(labels: [], published: 8, ours: 9).needsExplanation)
        #expect(!ReproductionRow(labels: [], published: 8, ours: 7).needsExplanation)
    }

    @Test func unpublishedAndDegenerateCells() {
        let unpublished = ReproductionRow(labels: [], published: nil, ours: 3)
        #expect(unpublished.ratio == nil && !unpublished.needsExplanation)
        let zero = ReproductionRow(labels: [], published: 0, ours: 3)
        #expect(zero.ratio == nil && zero.needsExplanation, "a published 0 cannot be compared: it must be explained")
        let nan = ReproductionRow(labels: [], published: 1, ours: .nan)
        #expect(nan.ratio == nil && nan.needsExplanation)
    }

    @Test func sectionListsOnlyUnexplainedGaps() {
        let s = ReproductionSection(title: "t", intro: "", labelColumns: ["x"], valueName: "v", csvName: "t.csv", rows: [
            ReproductionRow(labels: ["a"], published: 1, ours: 1.1),
            ReproductionRow(labels: ["b"], published: 1, ours: 2, explanation: "named difference"),
            ReproductionRow(labels: ["c"], published: 1, ours: 2),
        ])
        #expect(s.unexplainedRows.map(\.labels) == [["c"]])
    }
}
