import ExactJSON
import Foundation
import Testing

/// The shared reader's rules: a key repeated in one object is refused at its JSON path
/// (it used to replace the first silently), a found value is named once, and names must
/// be printable.
@Suite struct JSONReaderRuleTests {
    static func issue(_ text: String) -> DesignIssue? {
        if case .failure(let issue) = JSONNode.parse(Data(text.utf8)) { return issue }
        return nil
    }

    @Test("a repeated key is refused at its path", arguments: [
        (#"{"a": 1, "a": 2}"#, "a", 9),
        (#"{"a": {"b": [0, {"c": 1, "d": 2, "c": 3}]}}"#, "a.b[1].c", 33),
        (#"[{"x": 1}, {"y": 1, "y": 1}]"#, "[1].y", 20),
        (#"{"k.1": 1, "k.1": 1}"#, #"["k.1"]"#, 11),
    ])
    func repeatedKey(text: String, path: String, character: Int) throws {
        let issue = try #require(Self.issue(text))
        #expect(issue.description == "\(path): expected each key once in an object, found this key again at character \(character)")
    }

    /// The same key in different objects, and keys that differ, are fine.
    @Test func sameKeyInSiblingObjectsIsAccepted() throws {
        let node = try JSONNode.parse(Data(#"[{"a": 1}, {"a": 2}, {"a": {"a": 3}}, {"ab": 1, "a": 2, "b": 3}]"#.utf8)).get()
        #expect(node.value(at: try JSONPath(parsing: "[2].a.a")) == .number(3))
    }

    @Test func foundValuesAreNamedOnce() {
        #expect(JSONNode.null.typedSummary == "null")
        #expect(JSONNode.array([.number(1)]).typedSummary == "an array")
        #expect(JSONNode.object([:]).typedSummary == "an object")
        #expect(JSONNode.number(5).typedSummary == "a number 5")
        #expect(JSONNode.bool(false).typedSummary == "a boolean false")
        #expect(JSONNode.string("ws").typedSummary == "a string 'ws'")
        var r = FieldReader()
        let obj: [String: JSONNode] = ["rows": .null, "cols": .array([.number(1)]), "name": .object([:])]
        _ = r.integer(obj, "rows", at: .root, in: 1...8)
        _ = r.integer(obj, "cols", at: .root, in: 1...8)
        _ = r.string(obj, "name", at: .root)
        #expect(r.issues.map(\.description) == ["rows: expected an integer 1…8, found null",
                                                "cols: expected an integer 1…8, found an array",
                                                "name: expected a string, found an object"])
    }

    /// An integer bound of Int.max (2^63 − 1 as a Double rounds to 2^63) cannot trap.
    @Test func integerAtTwoToTheSixtyThreeIsRefused() {
        var r = FieldReader()
        #expect(r.integer(.number(0x1p63), at: .root, in: 0...Int.max) == nil)
        #expect(r.integer(.number(0x1p62), at: .root, in: 0...Int.max) == 1 << 62)
    }

    @Test("unprintable characters", arguments: [
        ("a\nb", "U+000A", 2), ("\u{0}", "U+0000", 1), ("tab\there", "U+0009", 4), ("x\u{7F}", "U+007F", 2),
        ("bidi\u{202E}", "U+202E", 5), ("line\u{2028}", "U+2028", 5), ("c1\u{85}", "U+0085", 3),
    ])
    func unprintable(name: String, code: String, position: Int) {
        #expect(FieldReader.firstUnprintable(in: name)! == (code, position))
    }

    @Test func printableNamesPass() {
        for name in ["mixpe-w4a8", "µ-PE 28 nm", "名前", "a b", "emoji 🧮", "'quoted'"] {
            #expect(FieldReader.firstUnprintable(in: name) == nil, "\(name)")
        }
    }
}
