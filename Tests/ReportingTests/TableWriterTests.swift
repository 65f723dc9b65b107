import Testing
@testable import Reporting

@Suite struct TableWriterTests {
    @Test func csvQuotesOnlyWhenNeeded() {
        var t = CSVTable(["a", "b", "c"])
        t.append(["plain", "x, y", "say \"hi\"\nbye"])
        #expect(t.render() == "a,b,c\nplain,\"x, y\",\"say \"\"hi\"\"\nbye\"\n")
    }

    @Test func markdownAlignsAndEscapes() {
        var t = MarkdownTable(["design", "TOPS/W"], rightAligned: [false, true])
        t.append(["a|b", "1\n2"])
        #expect(t.render() == "| design | TOPS/W |\n|---|---:|\n| a\\|b | 1 2 |\n")
    }
}
