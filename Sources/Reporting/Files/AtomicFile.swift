import Foundation
import Workloads

/// Writes report files so a reader never sees a partial one (`OutputFile`: the bytes go to
/// a temporary file in the same folder, which is then renamed over the target), creating
/// the parent folders first.
///
/// ```swift
/// try AtomicFile.write("a,b\n1,2\n", to: URL(fileURLWithPath: "Reports/x/results.csv"))
/// ```
public enum AtomicFile {
    /// Write `text` (UTF-8) to `url`, creating the parent folder if needed.
    public static func write(_ text: String, to url: URL) throws(OutputProblem) {
        try write(Data(text.utf8), to: url)
    }

    /// Write `data` to `url`, creating the parent folder if needed.
    public static func write(_ data: Data, to url: URL) throws(OutputProblem) {
        try createFolder(url.deletingLastPathComponent().path)
        try OutputFile.write(data, to: url.path)
    }

    /// Create the folder `path` and its missing parents; a file in the way is refused.
    ///
    /// ```swift
    /// try AtomicFile.createFolder("Reports/x/charts")
    /// ```
    public static func createFolder(_ path: String) throws(OutputProblem) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw OutputProblem(path: path, reason: "expected a folder, found a file")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try createFolder(parent) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw OutputProblem(path: path, reason: "cannot create the folder (\(SystemError.text(errno)))")
        }
    }
}
