import Foundation

/// Paths of the repository's design files and of the bad-design corpus.
enum TestFiles {
    /// The repository root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Designs/*.json` without `schema.json`, sorted.
    static var designs: [URL] {
        let dir = root.appendingPathComponent("Designs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// `Tests/DesignModelTests/BadDesigns`.
    static let badDesigns = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadDesigns")

    static func data(_ url: URL) throws -> Data { try Data(contentsOf: url) }
}
