import Foundation

/// Reads an input file (a design, a sweep spec, a workload, a `.npy` array, a checkpoint,
/// a shard's `results.json`) with a plain statement of what was found when it cannot be
/// read: no such file, a directory, a symbolic link loop, a device, an empty file.
///
/// Regular files and pipes (`<(…)` in a shell) are read; directories, devices and sockets
/// are refused before any byte is read, so `/dev/zero` cannot fill the memory.
///
/// ```swift
/// do {
///     let data = try InputFile.read("Designs/mixpe-w4a8.json")
/// } catch {
///     error.found                                   // "a directory"
///     error.describe(expected: "a design file")     // "x: expected a design file, found a directory"
/// }
/// ```
public enum InputFile {
    /// The default size limit of a JSON input (designs, sweep specs, workloads, tokenizer
    /// and config files): 256 MiB; `QARCH_MAX_INPUT_MIB` sets another.
    public static let defaultJSONLimitMiB = 256

    /// The size limit of JSON inputs in bytes: `QARCH_MAX_INPUT_MIB` MiB when that is a
    /// positive integer, else `defaultJSONLimitMiB`.
    public static var jsonLimit: Int {
        let mib = ProcessInfo.processInfo.environment["QARCH_MAX_INPUT_MIB"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        return (mib ?? defaultJSONLimitMiB).multipliedReportingOverflow(by: 1 << 20).partialValue
    }

    /// The bytes of the JSON input at `path`, refused before it is read when it is larger
    /// than `jsonLimit`:
    ///
    /// ```swift
    /// try InputFile.readJSON("huge.json")
    /// // found "a file of 1073741824 bytes; the limit is 268435456 bytes (256 MiB; QARCH_MAX_INPUT_MIB raises it)"
    /// ```
    public static func readJSON(_ path: String) throws(InputFileProblem) -> Data {
        try read(path, limit: jsonLimit)
    }

    /// The bytes of the file at `path`, or what was found there instead.
    public static func read(_ path: String) throws(InputFileProblem) -> Data { try read(path, limit: nil) }

    /// The first `prefix` bytes of the file at `path` (all of a shorter file), e.g. a
    /// safetensors header without its data, or what was found there instead.
    public static func read(_ path: String, upTo prefix: Int) throws(InputFileProblem) -> Data {
        try read(path, limit: nil, prefix: prefix)
    }

    /// The bytes of the file at `path`, or what was found there instead; with a `limit`, a
    /// file of more bytes (by its size, or by what a pipe delivers) is refused; with a
    /// `prefix`, reading stops after that many bytes.
    public static func read(_ path: String, limit: Int?, prefix: Int = .max) throws(InputFileProblem) -> Data {
        func problem(_ found: String) -> InputFileProblem { InputFileProblem(path: path, found: found) }
        guard !path.isEmpty else { throw problem("an empty path") }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw problem(openFailure(path, errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw problem(SystemError.text(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO: break
        case S_IFDIR: throw problem("a directory")
        case S_IFCHR: throw problem("a character device, not a regular file")
        case S_IFBLK: throw problem("a block device, not a regular file")
        case S_IFSOCK: throw problem("a socket, not a regular file")
        default: throw problem("not a regular file")
        }
        // O_NONBLOCK only kept `open` from waiting on a FIFO without a writer; read blocking.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var data = Data()
        func tooLarge(_ size: Int) -> InputFileProblem {
            let mib = (limit ?? 0) >> 20
            return problem("a file of \(size) bytes; the limit is \(limit ?? 0) bytes (\(mib) MiB; QARCH_MAX_INPUT_MIB raises it)")
        }
        if let limit, info.st_mode & S_IFMT == S_IFREG, Int(clamping: info.st_size) > limit { throw tooLarge(Int(clamping: info.st_size)) }
        if info.st_mode & S_IFMT == S_IFREG { data.reserveCapacity(min(Int(clamping: info.st_size), prefix)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count < prefix {
            let want = min(buffer.count, prefix - data.count)
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, want) }
            if n > 0 {
                data.append(contentsOf: buffer[0..<n])
                if let limit, data.count > limit { throw tooLarge(data.count) }
                continue
            }
            if n == 0 { break }
            if errno == EINTR { continue }
            if errno == EISDIR { throw problem("a directory") }
            throw problem("a file that cannot be read (\(SystemError.text(errno)))")
        }
        guard !data.isEmpty else { throw problem("an empty file") }
        return data
    }

    /// What `open(path)` failing with `code` means for the reader.
    static func openFailure(_ path: String, _ code: Int32) -> String {
        switch code {
        case ENOENT:
            var info = stat()
            return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link to a missing file" : "no such file"
        case ENOTDIR: return "no such file (a component of the path is not a folder)"
        case ELOOP: return "a symbolic link loop (too many levels of symbolic links)"
        case EACCES: return "a file without read permission"
        case ENAMETOOLONG: return "a path that is too long"
        default: return "a file that cannot be opened (\(SystemError.text(code)))"
        }
    }
}

/// `read(2)`, named apart from `InputFile.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
