import Foundation
import Testing
@testable import Exploration

/// `SweepSpec.designPath`: a design path relative to a relative spec path may climb above
/// it (old main: `explore Tests/ExplorationTests/Fixtures/small.json` looked for
/// `/Designs/int8-systolic.json`).
@Suite struct DesignPathTests {
    static let cwd = FileManager.default.currentDirectoryPath

    @Test func relativeSpecsKeepTheWorkingDirectory() {
        #expect(SweepSpec.designPath("../../../Designs/int8-systolic.json", spec: "Tests/ExplorationTests/Fixtures/small.json")
                == SweepSpec.lexicallyNormalized(Self.cwd + "/Designs/int8-systolic.json"))
        #expect(SweepSpec.designPath("../int8-systolic.json", spec: "spaces/default.json")
                == SweepSpec.lexicallyNormalized(Self.cwd + "/int8-systolic.json"))
        #expect(SweepSpec.designPath("x.json", spec: "s.json") == SweepSpec.lexicallyNormalized(Self.cwd + "/x.json"))
    }

    @Test func absolutePaths() {
        #expect(SweepSpec.designPath("../d.json", spec: "/w/Designs/spaces/s.json") == "/w/Designs/d.json")
        #expect(SweepSpec.designPath("/abs/./d.json", spec: "/w/s.json") == "/abs/d.json")
        #expect(SweepSpec.lexicallyNormalized("/w/Tests/F/../../Designs//x.json") == "/w/Designs/x.json")
        #expect(SweepSpec.lexicallyNormalized("/../x") == "/x")
    }
}
