import DesignModel
import ExactJSON
import Foundation
import Testing

/// The corpus in `BadDesigns/`: each file is paired in `expected.json` with the JSON
/// paths its errors must name; decoding never traps and reports every one of them.
@Suite struct BadDesignTests {
    static let expected: [String: [String]] = {
        let url = TestFiles.badDesigns.appendingPathComponent("expected.json")
        guard let data = try? Data(contentsOf: url),
              let map = try? JSONSerialization.jsonObject(with: data) as? [String: [String]] else { return [:] }
        return map
    }()

    static var corpus: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestFiles.badDesigns.path)) ?? []
        return names.filter { $0 != "expected.json" }.sorted()
    }

    @Test func corpusIsLargeAndPaired() {
        #expect(Self.corpus.count >= 40)
        #expect(Set(Self.corpus) == Set(Self.expected.keys), "every bad file needs an expected.json entry and vice versa")
    }

    @Test("bad design reports its paths", arguments: corpus)
    func reportsExpectedPaths(file: String) throws {
        let data = try TestFiles.data(TestFiles.badDesigns.appendingPathComponent(file))
        let issues = Design.issues(in: data)
        #expect(!issues.isEmpty, "\(file) was accepted")
        let reported = Set(issues.map(\.path.description))
        for path in Self.expected[file] ?? [] {
            #expect(reported.contains(path), "\(file): expected an error at \(path), got \(issues)")
        }
        for issue in issues {
            #expect(issue.message.hasPrefix("expected "), "\(file): \(issue)")
            #expect(issue.message.contains("found"), "\(file): \(issue)")
        }
    }

    /// Every message of the corpus names a found value once ("found null", not "found null null").
    @Test("no doubled words in a found value", arguments: corpus)
    func foundValuesAreNotDoubled(file: String) throws {
        let data = try TestFiles.data(TestFiles.badDesigns.appendingPathComponent(file))
        for issue in Design.issues(in: data) {
            for kind in ["null", "an array", "an object"] {
                #expect(!issue.message.contains("\(kind) \(kind)"), "\(file): \(issue)")
            }
        }
    }

    /// The sane ranges, repeated keys and unprintable names: the whole message of each.
    @Test("out-of-range, repeated and unprintable values are refused", arguments: [
        ("tiny-frequency.json", "technology.frequency_mhz: expected a number ≥ 1 and ≤ 100000, found 5e-324"),
        ("frequency-below-1mhz.json", "technology.frequency_mhz: expected a number ≥ 1 and ≤ 100000, found 0.5"),
        ("tiny-node.json", "technology.node_nm: expected a number ≥ 1 and ≤ 1000, found 5e-324"),
        ("tiny-voltage.json", "technology.voltage_v: expected a number ≥ 0.1 and ≤ 5, found 0.01"),
        ("tiny-read-pj.json", "memories[1].read_pj: expected a number of pJ ≥ 1e-06 and ≤ 1000000 or \"model\", found 5e-324"),
        ("zero-dram-energy.json", "dram.read_pj_per_bit: expected a number ≥ 1e-06 and ≤ 10000, found 0"),
        ("zero-pe-energy-override.json", "cost_overrides.pe.energy_pj: expected a number ≥ 1e-06 and ≤ 1000000000, found 0"),
        ("duplicate-key.json", "memories[1].size_kib: expected each key once in an object, found this key again at character 738"),
        ("duplicate-top-level-key.json", "name: expected each key once in an object, found this key again at character 49"),
        ("name-newline.json", "name: expected a name of printable characters, found the unprintable character U+000A at character 4"),
        ("name-nul.json", "name: expected a name of printable characters, found the unprintable character U+0000 at character 4"),
        ("memory-name-tab.json", "memories[1].name: expected a name of printable characters, found the unprintable character U+0009 at character 4"),
    ])
    func refusedWithMessage(file: String, message: String) throws {
        let data = try TestFiles.data(TestFiles.badDesigns.appendingPathComponent(file))
        #expect(Design.issues(in: data).map(\.description) == [message])
    }

    @Test func unknownNamesListValidOnesAndSuggest() throws {
        let data = try TestFiles.data(TestFiles.badDesigns.appendingPathComponent("unknown-unit-kind-typo.json"))
        let issue = try #require(Design.issues(in: data).first)
        #expect(issue.message.contains("did you mean 'mixpe'?"))
        for kind in ["mixpe", "lut-tc", "bitmod", "int8-mac", "fp16-mac", "dequant-fp16", "hif8-mac", "block-dot"] {
            #expect(issue.message.contains(kind))
        }
        let key = try TestFiles.data(TestFiles.badDesigns.appendingPathComponent("unknown-key-array.json"))
        #expect(Design.issues(in: key).contains { $0.message.contains("did you mean 'rows'?") })
        let format = try TestFiles.data(TestFiles.badDesigns.appendingPathComponent("unknown-block-format.json"))
        #expect(Design.issues(in: format).contains { $0.message.contains("mxfp4") && $0.message.contains("nvfp4") })
    }

    @Test func syntaxErrorsGiveAPosition() throws {
        let data = try TestFiles.data(TestFiles.badDesigns.appendingPathComponent("invalid-utf8.json"))
        let issues = Design.issues(in: data)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("offset") == true)
        let malformed = try TestFiles.data(TestFiles.badDesigns.appendingPathComponent("malformed-missing-colon.json"))
        #expect(Design.issues(in: malformed).first?.message.contains("character") == true)
    }

    /// The offset an "invalid byte" issue names, if the issue is one.
    static func invalidUTF8Offset(_ issues: [DesignIssue]) -> Int? {
        let prefix = "expected UTF-8 text, found an invalid byte at offset "
        guard issues.count == 1, issues[0].path == .root, issues[0].message.hasPrefix(prefix) else { return nil }
        return Int(issues[0].message.dropFirst(prefix.count))
    }

    /// Every prefix of a valid design is reported, not trapped on: the empty prefix as an
    /// empty file; every other prefix that stops before the closing brace as exactly one
    /// issue at `$`: a syntax error saying where the document stops (or naming the literal
    /// it cuts short), or, when it cuts a multi-byte character, the offset of that character.
    @Test func prefixesReportWhereTheDocumentStops() throws {
        let url = TestFiles.root.appendingPathComponent("Designs/mixpe-w4a8.json")
        let bytes = Array(try TestFiles.data(url))
        let closing = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
        #expect(Design.issues(in: Data()) == [DesignIssue(path: .root, message: "expected a JSON object, found an empty file")])
        for end in stride(from: 1, through: closing, by: 7) {
            let issues = Design.issues(in: Data(bytes[..<end]))
            let at = "prefix of \(end) bytes: \(issues)"
            if bytes[end] & 0xC0 == 0x80 {   // the cut falls inside a multi-byte character
                let offset = Self.invalidUTF8Offset(issues)
                #expect(offset.map { (end - 3)..<end ~= $0 } == true, "\(at)")
                continue
            }
            #expect(issues.count == 1 && issues.first?.path == .root, "\(at)")
            let message = issues.first?.message ?? ""
            #expect(message.hasPrefix("expected well-formed JSON, found a syntax error: "), "\(at)")
            let literalCut = ["'true'", "'false'", "'null'"].contains { message.contains("expected \($0) at character") }
            #expect(message.hasSuffix("(the document stops at byte \(end))") || literalCut, "\(at)")
        }
        #expect(Design.issues(in: Data(bytes[...closing])).isEmpty)
    }

    /// Single-byte corruptions of a valid design are reported, not trapped on: an invalid
    /// UTF-8 byte as one issue at `$` naming its offset, a NUL as one syntax error at `$`,
    /// and any other corruption either still decodes or reports issues that follow the
    /// message form and name a place in the corrupted document (the field itself, or the
    /// object a missing field belongs to).
    @Test func corruptionsReportTheirPlace() throws {
        let url = TestFiles.root.appendingPathComponent("Designs/mixpe-w4a8.json")
        let bytes = Array(try TestFiles.data(url))
        var reported = 0
        for i in stride(from: 0, to: bytes.count, by: 13) {
            for b: UInt8 in [0x00, 0x22, 0x2D, 0x39, 0x5B, 0x7D, 0xFF] where bytes[i] != b {
                var copy = bytes
                copy[i] = b
                let issues = Design.issues(in: Data(copy))
                let at = "byte \(i) → 0x\(String(b, radix: 16)): \(issues)"
                if bytes[i] >= 0x80 || b == 0xFF {
                    // A broken UTF-8 sequence: the offset of the invalid byte, within the character.
                    let offset = Self.invalidUTF8Offset(issues)
                    #expect(offset.map { bytes[i] < 0x80 ? $0 == i : abs($0 - i) <= 3 } == true, "\(at)")
                } else if b == 0x00 {
                    #expect(issues.count == 1 && issues.first?.path == .root, "\(at)")
                    #expect(issues.first?.message.hasPrefix("expected well-formed JSON, found a syntax error") == true, "\(at)")
                } else {
                    let tree = try? JSONNode.parse(Data(copy)).get()
                    for issue in issues {
                        #expect(issue.message.hasPrefix("expected ") && issue.message.contains("found"), "\(at)")
                        guard let tree, issue.path != .root else { continue }
                        let parent = JSONPath(Array(issue.path.components.dropLast()))
                        let names = tree.value(at: issue.path) != nil
                            || (issue.message.contains("found nothing (missing)") && tree.value(at: parent) != nil)
                        #expect(names, "\(at): \(issue.path) is not in the document")
                    }
                }
                reported += issues.isEmpty ? 0 : 1
            }
        }
        #expect(reported > 100)
    }
}
