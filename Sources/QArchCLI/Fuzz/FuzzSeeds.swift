import Foundation

/// Seed files of the repository, read relative to the working directory (`qarch fuzz --root`).
///
/// ```swift
/// FuzzSeeds.files(in: "Designs", where: { $0.hasSuffix(".json") })   // the shipped designs
/// ```
enum FuzzSeeds {
    /// The `.json` files of `folder` whose names pass `keep`, sorted by name.
    static func files(in folder: String, where keep: (String) -> Bool = { _ in true }) -> [Data] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") && keep($0) }.sorted()
        return names.compactMap { FileManager.default.contents(atPath: folder + "/" + $0) }
    }
}
