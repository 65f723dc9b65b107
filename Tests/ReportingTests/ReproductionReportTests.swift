import Exploration
import Foundation
import Testing
@testable import Reporting

@Suite struct ReproductionReportTests {
    static let section = ReproductionSection(
        title: "T", intro: "intro", labelColumns: ["model", "design"], valueName: "time / FP16", csvName: "t.csv",
        rows: [ReproductionRow(labels: ["OPT", "INT8"], published: 0.86, ours: 0.875, explanation: "not shown: gap 1.7 %"),
               ReproductionRow(labels: ["OPT", "W4A8"], published: 0.1, ours: 0.22, explanation: "fusion, x2"),
               ReproductionRow(labels: ["OPT", "new"], published: nil, ours: 2),
               ReproductionRow(labels: ["OPT", "bad"], published: 1, ours: 3)])

    @Test func csvHasRatioGapAndExplanation() {
        // 0.875/0.86 = 1.01744 (%.6g); 0.22/0.1 = 2.2.
        #expect(ReproductionReport.csv(Self.section) == """
            model,design,published,ours,ratio,gap_over_20pct,explanation
            OPT,INT8,0.86,0.875,1.01744,no,
            OPT,W4A8,0.1,0.22,2.2,yes,"fusion, x2"
            OPT,new,,2,,no,
            OPT,bad,1,3,3,yes,UNEXPLAINED

            """)
    }

    @Test func markdownShowsDashesForUnpublishedCells() {
        let md = ReproductionReport.markdown(Self.section)
        #expect(md.contains("| OPT | W4A8 | 0.1 | 0.22 | 2.20 | fusion, x2 |"))
        #expect(md.contains("| OPT | new | — | 2 | — |  |"))
    }

    @Test func rowsWithTheWrongNumberOfLabelsAreFittedNotTrapped() {
        let s = ReproductionSection(title: "T", intro: "", labelColumns: ["a", "b"], valueName: "v", csvName: "t.csv",
                                    rows: [ReproductionRow(labels: ["x"], published: nil, ours: 1),
                                           ReproductionRow(labels: ["x", "y", "z"], published: nil, ours: 2)])
        #expect(ReproductionReport.csv(s) == "a,b,published,ours,ratio,gap_over_20pct,explanation\nx,,,1,,no,\nx,y,,2,,no,\n")
    }

    @Test func tallyCountsPublishedCellsAndGaps() {
        // 3 published cells: INT8 within 20 %, W4A8 (explained) and bad (unexplained) over.
        #expect(ReproductionReport.tally(Self.section) == "Published cells: 3; within 20 %: 1; gaps over 20 %: 2 (1 explained).")
    }

    @Test func writesReadmeAndOneCSVPerSection() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-repro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = ReproductionReport(reproduction: SeedReproduction(sections: [Self.section]), command: "qarch reproduce")
        try report.write(to: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [".qarch-report.json", "README.md", "t.csv"])
        let readme = try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("qarch reproduce") && readme.contains("## T"))
    }
}
