import ExactJSON
import Foundation
import Testing

/// The exact reader: strict RFC 8259, and every number reads back bit for bit.
@Suite struct ExactJSONReaderTests {
    @Test func exactReaderHandlesTheGrammar() throws {
        let text = #"{"a": [1, -0.0, 2.5e-3, 1E+2, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {}}"#
        let v = try ExactJSONReader.parse(Data(text.utf8))
        #expect(v == .object(["a": .array([.number(1), .number(-0.0), .number(0.0025), .number(100), .bool(true), .bool(false), .null,
                                           .string("x\"\\/\u{8}\u{c}\n\r\té😀")]), "b": .object([:])]))
        for bad in ["", "[1,]", "[1e400]", "{\"a\" 1}", "01", "1.", "[1] 2", "\"\\ud800\"", "\"\u{1}\"", String(repeating: "[", count: 300)] {
            #expect(throws: ExactJSONReader.SyntaxError.self, "\(bad)") { try ExactJSONReader.parse(Data(bad.utf8)) }
        }
        // Every bit pattern written with `description` reads back exactly.
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let x = Double(bitPattern: state)
            guard x.isFinite else { continue }
            #expect(try ExactJSONReader.parse(Data(x.description.utf8)) == .number(x))
        }
    }

    /// What `JSONValue` writes, the reader reads back: numbers exactly, non-finite values
    /// through `FieldReader.real`, strings with every escape.
    @Test func writerAndReaderRoundTrip() throws {
        let values: [Double] = [0.1, -0.0, 5e-324, .greatestFiniteMagnitude, .nan, .infinity, -.infinity, 6]
        let names = ["plain", "quote \" and \\", "line\nbreak\ttab", "\u{1}control", "µ-PE 名前 🧮"]
        let doc = JSONValue.object([("values", .array(values.map(JSONValue.number))),
                                    ("names", .array(names.map(JSONValue.string))), ("count", .int(-3))])
        let node = try JSONNode.parse(Data(doc.render().utf8)).get()
        var r = FieldReader()
        let obj = r.object(node, at: .root, keys: ["values", "names", "count"])
        let items = r.array(obj, "values", at: .root) ?? []
        let back = items.enumerated().map { i, item in r.real(item, at: JSONPath.root.key("values").index(i)) }
        #expect(r.issues.isEmpty)
        #expect(back.map { $0?.bitPattern } == values.map(\.bitPattern))
        #expect(node.member("names") == .array(names.map(JSONNode.string)))
        #expect(node.member("count") == .number(-3))
    }
}
