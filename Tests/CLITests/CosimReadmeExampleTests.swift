import Foundation
import Testing

/// The README's vectors and cosim example prints what the tool prints: each command of the
/// example runs from a folder that looks like the repository root, and its output must be in
/// the README verbatim.
@Suite struct CosimReadmeExampleTests {
    @Test func readmeExampleOutputIsTheToolsOutput() throws {
        let root = QArchProcess.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["Designs", "Tests"] {
            try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent(name), withDestinationURL: root.appendingPathComponent(name))
        }
        let cache = ["--cache", FileManager.default.temporaryDirectory.appendingPathComponent("qarch-cosim-test-cache").path]
        let commands = readme.split(separator: "\n").filter { $0.hasPrefix("$ qarch vectors ") || $0.hasPrefix("$ qarch cosim ") }.map { $0.dropFirst(8).split(separator: " ").map(String.init) }
        #expect(commands.count == 3)
        for (i, arguments) in commands.enumerated() {
            let r = try QArchProcess.run(arguments + (arguments[0] == "cosim" ? cache : []), in: dir)
            #expect(r.exitCode == (i == 2 ? 1 : 0), "\(arguments): \(r.stderr)")
            #expect(readme.contains("$ qarch \(arguments.joined(separator: " "))\n" + r.stdout), "README output of qarch \(arguments[0]) #\(i)")
        }
        let line52 = try String(contentsOf: dir.appendingPathComponent("vec/vectors.jsonl"), encoding: .utf8).split(separator: "\n")[51]
        #expect(readme.contains("$ sed -n 52p vec/vectors.jsonl\n\(line52)\n"))
        let ports = try String(contentsOf: root.appendingPathComponent("Tests/CosimTests/rtl/e2m1_mul.ports.json"), encoding: .utf8)
        #expect(readme.contains("$ cat Tests/CosimTests/rtl/e2m1_mul.ports.json\n" + ports))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("vec").path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(readme.contains("$ ls vec\n" + files.joined(separator: "  ") + "\n"))
    }
}
