import ExactJSON
import Testing

/// `FieldReader`'s accessors: what each accepts, and the one issue it records otherwise.
@Suite struct FieldReaderTests {
    @Test func realAcceptsNumbersAndTheNonFiniteStrings() {
        var r = FieldReader()
        #expect(r.real(.number(0.1), at: .root) == 0.1)
        #expect(r.real(.string("inf"), at: .root) == .infinity)
        #expect(r.real(.string("-inf"), at: .root) == -.infinity)
        #expect(r.real(.string("nan"), at: .root)?.isNaN == true)
        #expect(r.issues.isEmpty)
        let obj: [String: JSONNode] = ["x": .string("Infinity"), "y": .bool(true)]
        #expect(r.real(obj, "x", at: .root) == nil)
        #expect(r.real(obj, "y", at: .root) == nil)
        #expect(r.real(obj, "z", at: .root) == nil)
        #expect(r.real(obj, "w", at: .root, optional: true) == nil)
        #expect(r.issues.map(\.description) == [#"x: expected a number or "nan"/"inf"/"-inf", found 'Infinity'"#,
                                                #"y: expected a number or "nan"/"inf"/"-inf", found true"#,
                                                #"z: expected a number or "nan"/"inf"/"-inf", found nothing (missing)"#])
    }

    @Test func arrayAtANodeOrAKey() {
        var r = FieldReader()
        #expect(r.array(.array([.null]), at: .root) == [.null])
        #expect(r.array(["a": .array([])], "a", at: .root) == [])
        #expect(r.array(.object([:]), at: JSONPath.root.index(2)) == nil)
        #expect(r.array(["a": .number(1)], "a", at: .root) == nil)
        #expect(r.issues.map(\.description) == ["[2]: expected an array, found an object", "a: expected an array, found 1"])
    }

    @Test func choiceNamesTheChoicesAndSuggestsOne() {
        var r = FieldReader()
        let goals = [("min", 0), ("max", 1)]
        #expect(r.choice(["goal": .string("max")], "goal", at: .root, what: "goal", goals) == 1)
        #expect(r.choice(["goal": .string("mim")], "goal", at: .root, what: "goal", goals) == nil)
        #expect(r.issues.map(\.description) == ["goal: expected goal: one of min, max, found unknown goal 'mim' (did you mean 'min'?)"])
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "rowz", in: ["rows", "cols"]) == "rows")
        #expect(Suggestion.closest(to: "xyz", in: ["rows", "cols"]) == nil)
        #expect(Suggestion.closest(to: "mixp", in: ["mixpe", "bitmod"]) == "mixpe")
        #expect(Suggestion.hint(for: "rowz", in: ["rows"]) == " (did you mean 'rows'?)")
        #expect(Suggestion.hint(for: "ab", in: ["abc"]) == "")
    }
}
