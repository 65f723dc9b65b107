import Foundation
import Workloads

/// A sentence file: UTF-8 text, one sentence per line (`\n` or `\r\n`; a final newline ends
/// the last line, it does not start an empty one). An empty file, invalid UTF-8 or a NUL
/// byte is a one-line `WorkloadError`.
///
/// ```swift
/// try SentenceFile.read("Data/sentences.txt").count   // 256
/// ```
public enum SentenceFile {
    public static func read(_ path: String) throws(WorkloadError) -> [String] {
        let data: Data
        do { data = try InputFile.read(path) } catch { throw .io(path: path, message: "expected a sentence file, found \(error.found)") }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(WorkloadError) -> [String] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(path: path, field: "bytes", message: "expected UTF-8 text, found invalid UTF-8")
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            throw .invalid(path: path, field: "byte \(text.utf8.distance(from: text.utf8.startIndex, to: nul))", message: "expected text, found a NUL byte")
        }
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line[...]))
        }
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { throw .invalid(path: path, field: "lines", message: "expected at least one sentence, found an empty file") }
        return lines
    }
}
