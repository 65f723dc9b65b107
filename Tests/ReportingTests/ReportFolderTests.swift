import Foundation
import Testing
import Workloads
@testable import Reporting

/// `ReportFolder`: names from specs become one path component; paths are compared canonically.
@Suite struct ReportFolderTests {
    @Test("spec names become one safe path component", arguments: [
        ("default", "default"), ("../../escaped", "escaped"), ("a/b", "a-b"), ("..", "sweep"), ("", "sweep"),
        ("/", "sweep"), ("my space v2", "my-space-v2"), (".hidden", "hidden"), ("x\u{0}y\n", "x-y"), ("é", "sweep"),
    ])
    func component(name: String, expected: String) {
        #expect(ReportFolder.component(name) == expected)
        #expect(ReportFolder.isComponent(ReportFolder.component(name)))
    }

    @Test func longNamesAreCut() {
        #expect(ReportFolder.component(String(repeating: "a", count: 300)).count == 100)
    }

    @Test func canonicalPathsAndContainment() throws {
        let tmp = ReportFolder.canonical(FileManager.default.temporaryDirectory.path)
        #expect(ReportFolder.canonical(tmp + "/../" + URL(fileURLWithPath: tmp).lastPathComponent + "/new/x") == tmp + "/new/x")
        #expect(ReportFolder.contains(tmp, tmp + "/a"))
        #expect(!ReportFolder.contains(tmp, tmp))
        #expect(!ReportFolder.contains(tmp + "/a", tmp + "/ab"))
        #expect(ReportFolder.contains("/", "/x"))
    }

    @Test func theRootFolderIsRefused() {
        #expect(throws: OutputProblem(path: "/", reason: "expected a report folder, found the root folder")) {
            try ReportFolder.check("/", inputs: [])
        }
        #expect(throws: OutputProblem.self) { try ReportFolder.check("/tmp/..", inputs: []) }
    }

    @Test func manifestListsFilesSortedWithSizes() {
        let text = ReportFolder.manifest([("b.csv", "12"), ("a.md", "")], kind: "sweep")
        #expect(text.hasSuffix("\n"))
        #expect(text.contains("{\"name\": \"a.md\", \"bytes\": 0},\n    {\"name\": \"b.csv\", \"bytes\": 2}"))
    }
}
