import DesignModel
import ExactJSON
import Foundation
import Testing

/// Every field of every design replaced by values of every JSON type: decoding never
/// traps, and a wrong type at a number or boolean is reported at exactly that path.
@Suite struct MutationTests {
    static let replacements: [JSONNode] = [
        .null, .bool(true), .number(-1), .number(0), .number(0.5), .number(1e300), .number(-1e300),
        .string(""), .string("x"), .array([]), .array([.number(1)]), .object([:]), .object(["kind": .string("x")]),
    ]

    static func allPaths(_ node: JSONNode, at path: JSONPath) -> [JSONPath] {
        switch node {
        case .array(let items):
            return [path] + items.enumerated().flatMap { allPaths($0.element, at: path.index($0.offset)) }
        case .object(let members):
            return [path] + members.keys.sorted().flatMap { allPaths(members[$0] ?? .null, at: path.key($0)) }
        default:
            return [path]
        }
    }

    @Test("every field mutated", arguments: TestFiles.designs.map(\.lastPathComponent))
    func mutateEveryField(file: String) throws {
        let url = TestFiles.root.appendingPathComponent("Designs").appendingPathComponent(file)
        let tree = try JSONNode.parse(try TestFiles.data(url)).get()
        for path in Self.allPaths(tree, at: .root) where !path.components.isEmpty {
            let original = tree.value(at: path)
            for replacement in Self.replacements {
                let mutated = try tree.setting(replacement, at: path)
                let issues: [DesignIssue]
                do { _ = try Design.decode(mutated); issues = [] } catch { issues = error.issues }
                // A number or boolean field given a string, array or object must be reported there.
                switch (original, replacement) {
                case (.number?, .string), (.number?, .array), (.number?, .object), (.bool?, .number), (.bool?, .string):
                    if path.components.first != .key("sources") {
                        #expect(issues.contains { $0.path == path }, "\(file): \(path) = \(replacement.summary) gave \(issues)")
                    }
                default:
                    break
                }
            }
        }
    }
}
