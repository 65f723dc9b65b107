import Foundation

/// Writes one output file so that a reader never sees a partial one: the bytes go to a
/// hidden temporary file in the same folder, which is then renamed over the target.
///
/// The target must be a regular file or not exist yet: a directory, a device (`/dev/null`)
/// or a pipe is refused, so a rename can never replace one. A symbolic link is written
/// through (its target is replaced). Failures name the path and the system's reason.
///
/// ```swift
/// try OutputFile.write(Data("a,b\n".utf8), to: "out/results.csv")
/// try OutputFile.write(Data(), to: "/tmp")   // OutputProblem: "/tmp: expected a file to write, found a directory"
/// ```
public enum OutputFile {
    /// Write `data` to `path` atomically. The parent folder must exist.
    public static func write(_ data: Data, to path: String) throws(OutputProblem) {
        func problem(_ reason: String) -> OutputProblem { OutputProblem(path: path, reason: reason) }
        guard !path.isEmpty else { throw problem("expected a file path, found an empty path") }
        var target = path
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw problem("expected a file to write, found a directory")
            case S_IFCHR: throw problem("expected a regular file to write, found a character device")
            case S_IFBLK: throw problem("expected a regular file to write, found a block device")
            case S_IFIFO: throw problem("expected a regular file to write, found a pipe")
            default: throw problem("expected a regular file to write, found another kind of file")
            }
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            }
        } else if errno == ELOOP {
            throw problem("expected a file to write, found a symbolic link loop (too many levels of symbolic links)")
        }
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        var temporary = "", fd: Int32 = -1
        repeat {
            temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).qarch-tmp-\(UInt64.random(in: 0...UInt64.max))").path
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        } while fd < 0 && errno == EEXIST
        guard fd >= 0 else {
            let code = errno
            throw problem(code == ENOENT ? "cannot write: no folder \(folder)" : "cannot write in \(folder) (\(SystemError.text(code)))")
        }
        var failure: Int32? = writeAll(fd, data)
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, target) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw problem("cannot write (\(SystemError.text(failure)))")
        }
    }

    /// Write every byte of `data` to `fd`, retrying on interrupts; the errno of a failure.
    public static func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32? in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, base + offset, raw.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                return n < 0 ? errno : EIO
            }
            return nil
        }
    }
}

/// `write(2)`, named apart from `OutputFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
