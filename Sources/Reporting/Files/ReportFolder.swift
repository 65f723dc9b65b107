import ExactJSON
import Foundation
import Workloads

/// A folder that holds one qarch report, written and replaced as a whole.
///
/// Every report folder gets a manifest, `.qarch-report.json`, listing its files. A report
/// is written only into a folder that does not exist, is empty, or holds a previous qarch
/// report (its manifest present and nothing in it but the files the manifest lists). The
/// new report is written into a hidden sibling folder first and then swapped in with two
/// renames, so no file of the older report is left behind and an interrupted run leaves
/// the older report whole. A folder that is, holds or lies inside one of the command's
/// inputs is refused.
///
/// ```swift
/// try ReportFolder.write([("summary.md", "# x\n")], kind: "sweep", to: "Reports/x", inputs: ["specs/x.json"])
/// // Reports/x/summary.md and Reports/x/.qarch-report.json
/// try ReportFolder.write([("a.csv", "")], kind: "sweep", to: "/", inputs: [])
/// // OutputProblem: "/: expected an empty folder or a previous qarch report (with .qarch-report.json), found other files: bin, boot, …"
/// ```
public enum ReportFolder {
    /// The manifest's file name.
    public static let manifestName = ".qarch-report.json"

    /// Refuse `path` unless a report may be written there (see the type's rules), before
    /// the work that makes the report starts.
    public static func check(_ path: String, inputs: [String]) throws(OutputProblem) {
        _ = try target(path, inputs: inputs)
    }

    /// Write `files` (name → contents, each name a single path component) and the manifest
    /// as the whole content of the folder `path`. `kind` names the report in the manifest.
    public static func write(_ files: [(name: String, text: String)], kind: String, to path: String,
                             inputs: [String]) throws(OutputProblem) {
        func problem(_ reason: String) -> OutputProblem { OutputProblem(path: path, reason: reason) }
        for f in files where !isComponent(f.name) || f.name == manifestName {
            throw problem("cannot write a report file named '\(f.name)'")
        }
        let (folder, exists) = try target(path, inputs: inputs)
        let url = URL(fileURLWithPath: folder)
        let parent = url.deletingLastPathComponent().path
        try AtomicFile.createFolder(parent)
        let fresh = try temporaryFolder(beside: url, purpose: "new")
        InterruptCleanup.track(fresh)
        defer { InterruptCleanup.untrack(fresh) }
        do {
            for f in files { try OutputFile.write(Data(f.text.utf8), to: fresh + "/" + f.name) }
            try OutputFile.write(Data(manifest(files, kind: kind).utf8), to: fresh + "/" + manifestName)
        } catch {
            try? FileManager.default.removeItem(atPath: fresh)
            throw problem(error.reason)
        }
        try InterruptCleanup.swapping { () throws(OutputProblem) in try swap(fresh, into: folder, exists: exists, url: url, problem: problem) }
    }

    /// Rename the written folder `fresh` to `folder`, moving a previous report aside first and
    /// removing it after; on failure the previous report is put back.
    static func swap(_ fresh: String, into folder: String, exists: Bool, url: URL,
                     problem: (String) -> OutputProblem) throws(OutputProblem) {
        guard exists else {
            guard rename(fresh, folder) == 0 else {
                let code = errno
                try? FileManager.default.removeItem(atPath: fresh)
                throw problem("cannot create the report folder (\(SystemError.text(code)))")
            }
            return
        }
        let old = try temporaryFolder(beside: url, purpose: "old", create: false)
        guard rename(folder, old) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: fresh)
            throw problem("cannot replace the previous report (\(SystemError.text(code)))")
        }
        guard rename(fresh, folder) == 0 else {
            let code = errno
            _ = rename(old, folder)
            try? FileManager.default.removeItem(atPath: fresh)
            throw problem("cannot replace the previous report (\(SystemError.text(code)))")
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    /// The manifest's text: who wrote the folder, the kind of report and each file with its
    /// size in bytes, sorted by name.
    public static func manifest(_ files: [(name: String, text: String)], kind: String) -> String {
        JSONValue.object([
            ("written_by", .string("qarch")),
            ("report", .string(kind)),
            ("note", .string("qarch replaces this folder as a whole when it writes a report here again; "
                + "it refuses to if the folder holds files not listed below.")),
            ("files", .array(files.sorted { $0.name < $1.name }.map {
                .object([("name", .string($0.name)), ("bytes", .int($0.text.utf8.count))])
            })),
        ]).render() + "\n"
    }

    /// `name` as a single path component for a default report folder: characters other than
    /// ASCII letters, digits, `-`, `_` and `.` become `-`, leading and trailing `.` and `-`
    /// are dropped, at most 100 characters are kept, and an empty result is `sweep`.
    ///
    /// ```swift
    /// ReportFolder.component("../../escaped")   // "escaped"
    /// ReportFolder.component("my space/v2")     // "my-space-v2"
    /// ```
    public static func component(_ name: String) -> String {
        let mapped = String(name.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".")
                ? Character(s) : "-"
        })
        let trimmed = mapped.drop { $0 == "." || $0 == "-" }.reversed().drop { $0 == "." || $0 == "-" }.reversed()
        let short = String(String(trimmed).prefix(100))
        return short.isEmpty ? "sweep" : short
    }

    /// Whether `name` is one path component (not empty, `.`, `..`, and without `/` or NUL).
    static func isComponent(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    /// The canonical folder path for `path` and whether it exists, or why no report may go there.
    static func target(_ path: String, inputs: [String]) throws(OutputProblem) -> (folder: String, exists: Bool) {
        func problem(_ reason: String) -> OutputProblem { OutputProblem(path: path, reason: reason) }
        guard !path.isEmpty else { throw problem("expected a report folder, found an empty path") }
        let folder = canonical(path)
        for input in inputs where !input.isEmpty {
            let i = canonical(input)
            if folder == i { throw problem("expected a report folder apart from the inputs, found the input \(input)") }
            if contains(i, folder) { throw problem("expected a report folder apart from the inputs, found a folder inside the input \(input)") }
            if contains(folder, i) { throw problem("expected a report folder apart from the inputs, found a folder holding the input \(input)") }
        }
        var info = stat()
        guard lstat(folder, &info) == 0 else {
            let code = errno
            if code == ENOENT { return (folder, false) }
            throw problem("cannot use this folder (\(SystemError.text(code)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw problem("expected a report folder, found a file") }
        if folder == "/" { throw problem("expected a report folder, found the root folder") }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder).sorted() else {
            throw problem("cannot list the folder (\(SystemError.text(access(folder, R_OK | X_OK) != 0 ? errno : EIO)))")
        }
        if entries.isEmpty { return (folder, true) }
        let expected = "expected an empty folder or a previous qarch report (with \(manifestName))"
        guard entries.contains(manifestName) else {
            throw problem("\(expected), found other files: \(listing(entries))")
        }
        guard let listed = listedFiles(folder + "/" + manifestName) else {
            throw problem("\(expected), found a \(manifestName) that qarch did not write")
        }
        let others = entries.filter { $0 != manifestName && !listed.contains($0) }
        guard others.isEmpty else {
            throw problem("\(expected), found files the report does not list: \(listing(others))")
        }
        return (folder, true)
    }

    /// The file names a manifest lists, or nil when it is not one qarch wrote.
    static func listedFiles(_ manifestPath: String) -> Set<String>? {
        guard let data = try? InputFile.read(manifestPath), case .success(let node) = JSONNode.parse(data),
              node.member("written_by") == .string("qarch"), case .array(let files)? = node.member("files") else { return nil }
        var names = Set<String>()
        for f in files {
            guard case .string(let name)? = f.member("name"), isComponent(name) else { return nil }
            names.insert(name)
        }
        return names
    }

    /// At most five names, then "…".
    static func listing(_ names: [String]) -> String {
        names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
    }

    /// Whether `inner` lies strictly inside the folder `outer` (both canonical).
    static func contains(_ outer: String, _ inner: String) -> Bool {
        inner != outer && inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }

    /// `path` made absolute, `.` and `..` removed, and the symbolic links of its longest
    /// existing prefix resolved, e.g. "/tmp/../tmp/x/new" → "/tmp/x/new".
    static func canonical(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let url = URL(fileURLWithPath: existing)
            guard existing != "/" else { return existing }
            rest.append(url.lastPathComponent)
            existing = url.deletingLastPathComponent().path
        }
    }

    /// A new hidden folder (or, with `create` false, a free name for one) beside `url`.
    static func temporaryFolder(beside url: URL, purpose: String, create: Bool = true) throws(OutputProblem) -> String {
        let parent = url.deletingLastPathComponent().path
        while true {
            let candidate = (parent == "/" ? "" : parent) + "/.\(url.lastPathComponent).qarch-\(purpose)-\(UInt64.random(in: 0...UInt64.max))"
            if !create {
                var info = stat()
                if lstat(candidate, &info) != 0 { return candidate }
                continue
            }
            if mkdir(candidate, 0o777) == 0 { return candidate }
            guard errno == EEXIST else {
                throw OutputProblem(path: url.path, reason: "cannot write in \(parent) (\(SystemError.text(errno)))")
            }
        }
    }
}
