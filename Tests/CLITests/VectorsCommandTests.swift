import Foundation
import Testing

/// `qarch vectors`: every design's unit gets vectors, the files agree with each other, the
/// same seed gives the same bytes, and an --out folder that is not a qarch folder is refused.
@Suite struct VectorsCommandTests {
    static let designs: [String] = {
        let dir = QArchProcess.packageRoot.appendingPathComponent("Designs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }.sorted().map { dir.appendingPathComponent($0).path }
    }()

    @Test func everyDesignWritesConsistentFiles() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Self.designs.count >= 15)
        for (i, design) in Self.designs.enumerated() {
            let out = dir.appendingPathComponent("v\(i)").path
            let r = try QArchProcess.run(["vectors", "--design", design, "--count", "20", "--seed", "4", "--edge", "--out", out])
            #expect(r.exitCode == 0 && r.stderr.isEmpty, "\(design): \(r.stderr)")
            let fields = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/fields.json"))) as? [String: Any])
            let count = try #require(fields["vectors"] as? Int)
            #expect(count > 20 && r.stdout.hasPrefix("wrote \(count) vectors of "))
            let lines = try String(contentsOfFile: out + "/vectors.jsonl", encoding: .utf8).split(separator: "\n")
            #expect(lines.count == count)
            let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: [String: String]])
            for group in ["in", "out"] {
                for field in try #require(fields[group] as? [[String: Any]]) {
                    let name = try #require(field["name"] as? String), bits = try #require(field["bits"] as? Int)
                    let hex = try String(contentsOfFile: out + "/\(name).hex", encoding: .utf8).split(separator: "\n")
                    #expect(hex.count == count && hex.allSatisfy { $0.count == (bits + 3) / 4 }, "\(design) \(name).hex")
                    #expect(first[group]?[name] == "0x" + hex[0], "\(design) \(name): the JSON line and the hex file agree")
                }
            }
        }
    }

    @Test func sameSeedSameBytes() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = QArchProcess.packageRoot.appendingPathComponent("Designs/lut-tc-w2a16.json").path
        var texts: [String] = []
        for (name, seed) in [("a", "9"), ("b", "9"), ("c", "10")] {
            let out = dir.appendingPathComponent(name).path
            let r = try QArchProcess.run(["vectors", "--design", design, "--count", "300", "--seed", seed, "--out", out])
            #expect(r.exitCode == 0, "\(r.stderr)")
            texts.append(try String(contentsOfFile: out + "/vectors.jsonl", encoding: .utf8))
        }
        #expect(texts[0] == texts[1] && texts[0] != texts[2])
        // Writing again into a previous vectors folder replaces it.
        let again = try QArchProcess.run(["vectors", "--design", design, "--count", "5", "--out", dir.appendingPathComponent("a").path])
        #expect(again.exitCode == 0)
    }

    @Test func refusesAForeignFolderAndAnUnknownOperation() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("keep".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let design = QArchProcess.packageRoot.appendingPathComponent("Designs/mixpe-w4a8.json").path
        let r = try QArchProcess.run(["vectors", "--design", design, "--out", dir.path])
        #expect(r.exitCode == 1 && r.stderrLines.count == 1)
        #expect(r.stderr.contains("expected an empty folder or a previous qarch report") && r.stderr.contains("notes.txt"))
        #expect(try String(contentsOf: dir.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
        let op = try QArchProcess.run(["vectors", "--design", design, "--op", "nosuch", "--out", dir.appendingPathComponent("x").path])
        #expect(op.exitCode == 1 && op.stderr == "qarch: error: --op: expected an operation of mixpe: step, epilogue, found 'nosuch'\n")
    }
}
