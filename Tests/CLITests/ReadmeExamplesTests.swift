import Foundation
import Testing

/// Issue 16, "the README's tour re-run": every `$ qarch …` example in README.md whose output
/// the README shows is run from the package root, and its output (stdout, then stderr) must
/// equal the README's lines. In the README a line `…` stands for any number of lines and a
/// `…` inside a line for any text, so an example may shorten long output but never differ
/// from it. Examples that write files, time themselves or run a whole sweep (`explore`,
/// `report merge`, `bench`, `characterize`; `vectors` and `cosim`, whose README tour `CosimReadmeExampleTests`
/// runs in a scratch folder) are listed in `skipped`, as are the shell commands between
/// them (`ls`, `cat`, …).
@Suite struct ReadmeExamplesTests {
    static let root = QArchProcess.packageRoot
    static let skipped = ["qarch explore", "qarch report", "qarch bench", "qarch vectors", "qarch cosim", "qarch characterize"]

    /// One README example: the command line and the lines shown after it.
    struct Example: CustomStringConvertible {
        var command: String
        var shown: [String]
        var description: String { command }
    }

    /// The examples of `text`: in each fenced block, a `$ ` line and the lines up to the
    /// next `$ ` line or the fence, without the blank lines that separate examples.
    static func examples(_ text: String) -> [Example] {
        var result: [Example] = []
        var inBlock = false, current: Example?
        func finish() {
            guard var c = current else { return }
            while c.shown.last?.isEmpty == true { c.shown.removeLast() }
            result.append(c)
            current = nil
        }
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                finish()
                inBlock.toggle()
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("$ ") {
                finish()
                current = Example(command: String(line.dropFirst(2)), shown: [])
            } else {
                current?.shown.append(line)
            }
        }
        return result.filter { e in e.command.hasPrefix("qarch ") && !skipped.contains { e.command.hasPrefix($0) } }
    }

    static var readmeExamples: [Example] {
        let text = (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        return examples(text)
    }

    /// Whether `actual` is what `shown` shows (`…` lines and `…` inside lines as wildcards).
    static func matches(_ shown: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = shown.first else { return actual.isEmpty }
        if first.trimmingCharacters(in: .whitespaces) == "…" {
            let rest = shown.dropFirst()
            return (actual.startIndex...actual.endIndex).contains { matches(rest, actual[$0...]) }
        }
        guard let line = actual.first, lineMatches(first, line) else { return false }
        return matches(shown.dropFirst(), actual.dropFirst())
    }

    static func lineMatches(_ shown: String, _ actual: String) -> Bool {
        let parts = shown.components(separatedBy: "…")
        guard parts.count > 1 else { return shown == actual }
        guard actual.hasPrefix(parts[0]), actual.hasSuffix(parts[parts.count - 1]),
              actual.count >= parts[0].count + parts[parts.count - 1].count else { return false }
        var rest = actual.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count)
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let r = rest.range(of: middle) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }

    @Test func theReadmeHasExamples() {
        #expect(Self.readmeExamples.count >= 12)
        #expect(Self.matches(["a", "…", "d"], ["a", "b", "c", "d"]) && !Self.matches(["a", "…", "d"], ["a", "b"]))
        #expect(Self.lineMatches("{\"x\": 1, …, \"z\": 3}", "{\"x\": 1, \"y\": 2, \"z\": 3}"))
        #expect(!Self.lineMatches("{\"x\": 1, …, \"z\": 3}", "{\"x\": 2, \"y\": 2, \"z\": 3}"))
    }

    @Test("README example", arguments: readmeExamples)
    func example(_ e: Example) throws {
        var words = e.command.split(separator: " ").map(String.init)
        #expect(words.first == "qarch")
        words.removeFirst()
        // `$(ls Designs/*.json | grep -v schema.json)`: the design files, as the shell lists them.
        if let i = words.firstIndex(of: "$(ls") {
            let designs = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Designs").path)
                .filter { $0.hasSuffix(".json") && !$0.contains("schema.json") }.sorted().map { "Designs/\($0)" }
            words.replaceSubrange(i..., with: designs)
        }
        let r = try QArchProcess.launch(QArchProcess.executable, words, in: Self.root)
        var actual = r.stdout.components(separatedBy: "\n")
        if actual.last == "" { actual.removeLast() }
        actual += r.stderrLines
        #expect(Self.matches(e.shown[...], actual[...]),
                "\(e.command): README shows\n\(e.shown.joined(separator: "\n"))\nthe tool prints\n\(actual.joined(separator: "\n"))")
    }
}
