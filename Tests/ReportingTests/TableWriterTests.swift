import Testing
@testable import Reporting

@Suite struct TableWriterTests {
    @Test func csvQuotesOnlyWhenNeeded() {
        var t = CSVTable(["a", "b", "c"])
        t.append(["plain", "x, y", "say \"hi\"\nbye"])
        #expect(t.render() == "a,b,c\nplain,\"x, y\",\"say \"\"hi\"\"\nbye\"\n")
    }
}
