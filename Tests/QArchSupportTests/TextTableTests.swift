import QArchSupport
import Testing

/// One table, two renderings: aligned plain text for the terminal, Markdown for reports.
@Suite struct TextTableTests {
    @Test func plainTextAlignsColumns() {
        var t = TextTable(["code", "value", "name"], rightAligned: [true, true, false])
        t.append(["0x4", "2.0", "a"])
        t.append(["0x10", "-12.5", "longer"])
        #expect(t.render() == """
            code  value  name
            ----  -----  ------
             0x4    2.0  a
            0x10  -12.5  longer
            """)
    }

    @Test func plainTextPadsLeftAlignedColumnsButNotTheLast() {
        var t = TextTable(["a", "b"])
        t.append(["long cell", "x"])
        #expect(t.render() == "a          b\n---------  -\nlong cell  x")
    }

    @Test func markdownAlignsAndEscapes() {
        var t = TextTable(["design", "TOPS/W"], rightAligned: [false, true])
        t.append(["a|b", "1\n2"])
        #expect(t.renderMarkdown() == "| design | TOPS/W |\n|---|---:|\n| a\\|b | 1 2 |\n")
    }

    @Test func markdownCellsStayOnOneLine() {
        var t = TextTable(["x", "y"])
        t.append(["crlf\r\nend", "a||b\n"])
        #expect(t.renderMarkdown() == "| x | y |\n|---|---|\n| crlf end | a\\|\\|b  |\n")
    }
}
