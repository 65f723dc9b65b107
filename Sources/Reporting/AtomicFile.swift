import Foundation

/// Writes report files so a reader never sees a partial one: the bytes go to a temporary
/// file in the same folder, which is then renamed over the target.
///
/// ```swift
/// try AtomicFile.write("a,b\n1,2\n", to: URL(fileURLWithPath: "Reports/x/results.csv"))
/// ```
public enum AtomicFile {
    /// Write `text` (UTF-8) to `url`, creating the parent folder if needed.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Write `data` to `url`, creating the parent folder if needed.
    public static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
