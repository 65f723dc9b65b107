import DesignModel
import ExactJSON
import Foundation
import Workloads

extension SweepSpec {
    /// The keys a sweep spec may have.
    static let keys = ["$schema", "schema_version", "name", "description", "designs", "axes", "workloads", "sampling",
                       "constraints", "objectives", "error"]

    /// Read and check the sweep spec at `path`. Base design files are resolved against the
    /// spec's folder. Every problem is collected (unknown keys, empty or unknown axes, axis
    /// values a design rejects, unknown workloads, constraints or objectives on unknown
    /// metrics, …), each with its JSON path.
    ///
    /// The format (`Designs/spaces/default.json` is a full example):
    /// ```json
    /// {"schema_version": 1, "name": "demo",
    ///  "designs": [{"file": "../mixpe-w4a8.json", "axes": {"unit.group_size": [64, 128]}},
    ///              {"file": "../int8-systolic.json"}],
    ///  "axes": {"array.rows": [16, 32], "array.cols": [16, 32]},
    ///  "workloads": ["llama-2-7b:decode:1:layer"],
    ///  "sampling": {"kind": "grid"},
    ///  "constraints": [{"metric": "area_mm2", "max": 20}],
    ///  "objectives": [{"metric": "energy_pj", "goal": "min"}, {"metric": "latency_s", "goal": "min"}],
    ///  "error": {"m": 8, "k": 512, "n": 32, "seed": 1, "data": "synthetic"}}
    /// ```
    ///
    /// `"error"` measures a GEMM tile (`"metric": "tile"`, the default) or, with
    /// `"metric": "model"`, also the whole all-MiniLM-L6-v2 encoder on the sentences of
    /// `sentence_file` (resolved like design files; `sentences`: the first N; `attention`:
    /// `fp32` or `unit`), so `cosine_mean`, `cosine_min` and `spearman` can be constraints and
    /// objectives (`ModelQuality`; without objectives the defaults then maximize `spearman`).
    public static func load(path: String) throws(SweepSpecErrors) -> SweepSpec {
        func fail(_ message: String) -> SweepSpecErrors {
            SweepSpecErrors(issues: [.init(file: path, path: .root, message: message)])
        }
        let data: Data
        do { data = try InputFile.readJSON(path) } catch { throw fail("expected a readable sweep spec file, found \(error.found)") }
        return try decode(data, file: path) { name in
            let resolved = designPath(name, spec: path)
            return (resolved, Result { () throws(InputFileProblem) in try InputFile.readJSON(resolved) })
        }
    }

    /// The path of the base design file `name` of the spec at `spec`: `name` itself when
    /// absolute, otherwise resolved against the spec's folder, made absolute with the working
    /// directory first (so `../` may climb above a relative spec path: `URL`'s resolution
    /// dropped the working directory there, turning `Tests/F/G/small.json` with
    /// `../../../Designs/x.json` into `/Designs/x.json`).
    ///
    /// ```swift
    /// SweepSpec.designPath("../int8-systolic.json", spec: "Designs/spaces/default.json")   // "<cwd>/Designs/int8-systolic.json"
    /// ```
    public static func designPath(_ name: String, spec: String) -> String {
        if name.hasPrefix("/") { return lexicallyNormalized(name) }
        let specPath = spec.hasPrefix("/") ? spec : FileManager.default.currentDirectoryPath + "/" + spec
        let folder = specPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return lexicallyNormalized(folder + "/" + name)
    }

    /// An absolute `path` with `.`, `..` and repeated `/` resolved by its text, as
    /// `URL.standardized` resolves an absolute path (`..` above the root stays at the root).
    ///
    /// ```swift
    /// SweepSpec.lexicallyNormalized("/w/Tests/F/../../Designs//x.json")   // "/w/Designs/x.json"
    /// ```
    static func lexicallyNormalized(_ path: String) -> String {
        var parts: [Substring] = []
        for c in path.split(separator: "/") where c != "." {
            if c == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(c) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Decode spec bytes; `readDesign` maps a design file name to its resolved path and its
    /// bytes, or what was found instead of a readable file (`InputFile`). A `memo` shared by
    /// many decodes remembers each design file's checks (`DesignCheckMemo`); the result is the
    /// same with or without it.
    public static func decode(_ data: Data, file: String, memo: DesignCheckMemo? = nil,
                              readDesign: (String) -> (path: String, data: Result<Data, InputFileProblem>)) throws(SweepSpecErrors) -> SweepSpec {
        let memo = memo ?? DesignCheckMemo(capacity: 1)
        var issues: [SweepSpecErrors.Issue] = []
        func add(_ list: [DesignIssue], in f: String = file) { issues += list.map { .init(file: f, path: $0.path, message: $0.message) } }
        let root: JSONNode
        switch JSONNode.parse(data) {
        case .failure(let issue): throw SweepSpecErrors(issues: [.init(file: file, path: issue.path, message: issue.message)])
        case .success(let node): root = node
        }
        var r = FieldReader()
        let top = r.object(root, at: .root, keys: keys, what: "a sweep spec object")
        if top != nil, let v = r.member(top, "schema_version", at: .root, expected: "1"), v != .number(1) {
            r.fail(JSONPath.root.key("schema_version"), "expected 1, found \(v.summary)")
        }
        let name = r.string(top, "name", at: .root, printable: true) ?? ""
        let description = r.string(top, "description", at: .root, optional: true, allowEmpty: true) ?? ""
        var fingerprint = FNV1a()
        fingerprint.add(data)

        // Axes common to every design.
        let common = Self.axes(r.member(top, "axes", at: .root, expected: "an object of axes", optional: true),
                               at: JSONPath.root.key("axes"), reader: &r)

        // Base designs.
        var designs: [BaseDesign] = []
        // An axis problem is reported once, naming every design it applies to.
        var axisProblems: [(path: JSONPath, message: String, designs: [String])] = []
        let designsPath = JSONPath.root.key("designs")
        if let list = r.array(top, "designs", at: .root) {
            if list.isEmpty { r.fail(designsPath, "expected at least one base design, found an empty array") }
            for (i, item) in list.enumerated() {
                let p = designsPath.index(i)
                let obj = r.object(item, at: p, keys: ["file", "axes"], what: "an object {file, axes}")
                guard let f = r.string(obj, "file", at: p) else { continue }
                let own = Self.axes(r.member(obj, "axes", at: p, expected: "an object of axes", optional: true),
                                    at: p.key("axes"), reader: &r)
                for a in own where common.contains(where: { $0.path == a.path }) {
                    r.fail(p.key("axes").key(a.path), "expected an axis not already in the common axes, found '\(a.path)' in both")
                }
                let (resolved, read) = readDesign(f)
                let bytes: Data
                switch read {
                case .success(let data): bytes = data
                case .failure(let problem):
                    r.fail(p.key("file"), "expected a readable design file, found \(problem.found) at \(resolved)")
                    continue
                }
                fingerprint.add(Data(f.utf8))
                fingerprint.add(bytes)
                let tree: JSONNode
                let design: Design
                switch memo.design(bytes, compute: { Self.decodeDesign(bytes) }) {
                case .success(let decoded): (tree, design) = decoded
                case .failure(.issues(let list)): add(list, in: resolved); continue
                case .failure(.other(let message)): r.fail(p.key("file"), "expected a valid design, found \(message)"); continue
                }
                let axes = (common + own).sorted { $0.path < $1.path }
                // Every value of every axis must give a valid design on its own.
                for axis in axes {
                    let isOwn = own.contains { $0.path == axis.path }
                    let axisPath = isOwn ? p.key("axes").key(axis.path) : JSONPath.root.key("axes").key(axis.path)
                    if let problem = Self.firstRejection(of: axis, in: tree, bytes: bytes, memo: memo) {
                        let at = problem.index.map { axisPath.index($0) } ?? axisPath
                        if let k = axisProblems.firstIndex(where: { $0.path == at && $0.message == problem.message }) {
                            axisProblems[k].designs.append(f)
                        } else {
                            axisProblems.append((at, problem.message, [f]))
                        }
                    }
                }
                designs.append(BaseDesign(file: f, tree: tree, design: design, axes: axes))
            }
        }
        for problem in axisProblems {
            r.fail(problem.path, "\(problem.message) (design\(problem.designs.count == 1 ? "" : "s") \(problem.designs.joined(separator: ", ")))")
        }

        // Workloads.
        var workloads: [Workload] = []
        let wPath = JSONPath.root.key("workloads")
        if let list = r.array(top, "workloads", at: .root) {
            if list.isEmpty { r.fail(wPath, "expected at least one workload, found an empty array") }
            for (i, item) in list.enumerated() {
                guard let s = r.string(item, at: wPath.index(i)) else { continue }
                if let fromModel = Workload.parseModelFile(s, resolvePath: { designPath($0, spec: file) }) {
                    do {
                        workloads.append(try fromModel.get().validated(as: "workload '\(s)'"))
                    } catch {
                        r.fail(wPath.index(i), error.description)
                    }
                    continue
                }
                switch Workload.parseBuiltIn(s) {
                case .success(let w):
                    do {
                        workloads.append(try w.validated(as: "workload '\(s)'"))
                    } catch {
                        r.fail(wPath.index(i), error.description)
                    }
                case .failure(let problem):
                    r.fail(wPath.index(i), "expected a built-in workload, found '\(s)': \(problem)")
                }
            }
        }

        // Sampling.
        var sampling = Sampling.grid
        let sPath = JSONPath.root.key("sampling")
        if let node = r.member(top, "sampling", at: .root, expected: "an object", optional: true),
           let s = r.object(node, at: sPath, keys: ["kind", "points", "seed"]) {
            let kind = r.choice(s, "kind", at: sPath, what: "sampling kind", [("grid", 0), ("random", 1)])
            if kind == 1 {
                let points = r.integer(s, "points", at: sPath, in: 1...maxGridPoints)
                let seed = r.integer(s, "seed", at: sPath, in: 0...Int(Int32.max), optional: true) ?? 1
                if let points { sampling = .random(points: points, seed: UInt64(seed)) }
            } else if kind == 0 {
                for k in ["points", "seed"] where s[k] != nil {
                    r.fail(sPath.key(k), "expected no \(k) with grid sampling, found \(s[k]!.summary)")
                }
            }
        }

        // Constraints and objectives.
        let metricNames = SweepMetric.allCases.map { ($0.rawValue, $0) }
        var constraints: [SweepConstraint] = []
        let cPath = JSONPath.root.key("constraints")
        for (i, item) in (r.array(top, "constraints", at: .root, optional: true) ?? []).enumerated() {
            let p = cPath.index(i)
            let obj = r.object(item, at: p, keys: ["metric", "min", "max"], what: "an object {metric, min, max}")
            let metric = r.choice(obj, "metric", at: p, what: "metric", metricNames)
            let lo = r.number(obj, "min", at: p, in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, optional: true)
            let hi = r.number(obj, "max", at: p, in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, optional: true)
            if obj != nil, obj?["min"] == nil, obj?["max"] == nil { r.fail(p, "expected a min or a max bound, found neither") }
            if let lo, let hi, lo > hi { r.fail(p.key("min"), "expected min ≤ max, found \(lo) > \(hi)") }
            if let metric { constraints.append(SweepConstraint(metric: metric, min: lo, max: hi)) }
        }
        var objectives: [SweepObjective] = []
        let oPath = JSONPath.root.key("objectives")
        if let list = r.array(top, "objectives", at: .root, optional: true) {
            if list.isEmpty { r.fail(oPath, "expected at least one objective, found an empty array") }
            for (i, item) in list.enumerated() {
                let p = oPath.index(i)
                let obj = r.object(item, at: p, keys: ["metric", "goal"], what: "an object {metric, goal}")
                let metric = r.choice(obj, "metric", at: p, what: "metric", metricNames)
                let goal = r.choice(obj, "goal", at: p, what: "goal", [("min", SweepObjective.Goal.min), ("max", .max)])
                if let metric, let goal {
                    if objectives.contains(where: { $0.metric == metric }) {
                        r.fail(p.key("metric"), "expected each metric once, found '\(metric.rawValue)' again")
                    }
                    objectives.append(SweepObjective(metric: metric, goal: goal))
                }
            }
        } else {
            objectives = SweepObjective.defaults
        }

        // Error tile, and model quality.
        var tile = ErrorTile()
        var model: ModelQuality?
        let ePath = JSONPath.root.key("error")
        if let node = r.member(top, "error", at: .root, expected: "an object", optional: true),
           let e = r.object(node, at: ePath, keys: ["metric", "m", "k", "n", "seed", "data", "sentence_file", "sentences", "attention"]) {
            tile.m = r.integer(e, "m", at: ePath, in: 1...256, optional: true) ?? tile.m
            tile.k = r.integer(e, "k", at: ePath, in: 1...8192, optional: true) ?? tile.k
            tile.n = r.integer(e, "n", at: ePath, in: 1...1024, optional: true) ?? tile.n
            tile.seed = UInt64(r.integer(e, "seed", at: ePath, in: 0...Int(Int32.max), optional: true) ?? 1)
            tile.source = r.choice(e, "data", at: ePath, what: "error data",
                                   ErrorTile.Source.allCases.map { ($0.rawValue, $0) }, optional: true) ?? .synthetic
            let metric = r.choice(e, "metric", at: ePath, what: "error metric", [("tile", false), ("model", true)], optional: true) ?? false
            if metric {
                let file = r.string(e, "sentence_file", at: ePath)
                let count = r.integer(e, "sentences", at: ePath, in: 2...1_000_000, optional: true)
                let unit = r.choice(e, "attention", at: ePath, what: "attention", [("fp32", false), ("unit", true)], optional: true) ?? false
                if let file {
                    let (resolved, read) = readDesign(file)
                    switch read {
                    case .success(let bytes):
                        fingerprint.add(Data(file.utf8))
                        fingerprint.add(bytes)
                        model = ModelQuality(sentenceFile: file, sentencePath: resolved, sentences: count, attentionThroughUnit: unit)
                    case .failure(let problem):
                        r.fail(ePath.key("sentence_file"), "expected a readable sentence file, found \(problem.found) at \(resolved)")
                    }
                }
            } else {
                for key in ["sentence_file", "sentences", "attention"] where e[key] != nil {
                    r.fail(ePath.key(key), "expected \(key) only with \"metric\": \"model\", found it with the tile metric")
                }
            }
        }
        if model == nil {
            let uses = constraints.enumerated().map { (JSONPath.root.key("constraints").index($0.offset), $0.element.metric) }
                + (top?["objectives"] == nil ? [] : objectives.enumerated().map { (JSONPath.root.key("objectives").index($0.offset), $0.element.metric) })
            for (p, m) in uses where SweepMetric.modelMetrics.contains(m) {
                r.fail(p.key("metric"), "expected a metric this sweep measures, found '\(m.rawValue)', which needs \"error\": {\"metric\": \"model\", \"sentence_file\": …}")
            }
        } else if top?["objectives"] == nil {
            objectives = SweepObjective.modelDefaults
        }

        var spec = SweepSpec(name: name, description: description, designs: designs, workloads: workloads, sampling: sampling,
                             constraints: constraints, objectives: objectives, errorTile: tile, modelQuality: model,
                             fingerprint: fingerprint.hex)
        if r.issues.isEmpty {
            let size = spec.exactGridSize
            if case .grid = sampling, size.map({ $0 > maxGridPoints }) ?? true {
                r.fail(JSONPath.root.key("sampling"),
                       "expected a grid of at most \(maxGridPoints) points, found \(size.map(String.init) ?? "2^63 or more"); use {\"kind\": \"random\", \"points\": N}")
            } else if size == nil {
                r.fail(JSONPath.root.key("designs"), "expected a space of at most 2^63−1 points to sample from, found 2^63 or more")
            }
        }
        add(r.issues)
        if !issues.isEmpty { throw SweepSpecErrors(issues: issues) }
        spec.designs = designs
        return spec
    }

    /// Parse an `axes` object: each key a design path, each value a non-empty array of
    /// distinct values. Sorted by path.
    static func axes(_ node: JSONNode?, at path: JSONPath, reader r: inout FieldReader) -> [SweepAxis] {
        guard let node else { return [] }
        guard let obj = r.object(node, at: path, keys: [], freeForm: true, what: "an object of axes {path: [values]}") else { return [] }
        var out: [SweepAxis] = []
        for key in obj.keys.sorted() {
            let p = path.key(key)
            do {
                let parsed = try JSONPath(parsing: key)
                if parsed.components.isEmpty { r.fail(p, "expected a design path such as array.rows, found '\(key)'"); continue }
            } catch {
                r.fail(p, error.message); continue
            }
            guard case .array(let values) = obj[key]! else {
                r.fail(p, "expected an array of values, found \(obj[key]!.summary)"); continue
            }
            if values.isEmpty { r.fail(p, "expected at least one value, found an empty axis"); continue }
            if let dup = values.indices.first(where: { i in values[..<i].contains(values[i]) }) {
                r.fail(p.index(dup), "expected distinct values, found \(values[dup].summary) twice"); continue
            }
            out.append(SweepAxis(path: key, values: values))
        }
        return out
    }

    /// Parse and decode a base design file's bytes.
    static func decodeDesign(_ bytes: Data) -> DesignCheckMemo.Decoded {
        do {
            let tree = try JSONNode.parse(bytes).get()
            return .success((tree, try Design.decode(tree)))
        } catch let e as DesignIssue {
            return .failure(.issues([e]))
        } catch let e as DesignErrors {
            return .failure(.issues(e.issues))
        } catch {
            return .failure(.other("\(error)"))
        }
    }

    /// The first issue `tree` gives with `value` at `path`, or nil when it accepts it.
    static func overrideIssue(_ value: JSONNode, at path: JSONPath, in tree: JSONNode) -> DesignIssue? {
        do {
            _ = try Design.decode(DesignOverride.apply([DesignOverride(path: path, value: value)], to: tree))
            return nil
        } catch let e as DesignErrors {
            return e.issues.first
        } catch let e as DesignIssue {
            return e
        } catch {
            return DesignIssue(path: path, message: "\(error)")
        }
    }

    /// The first value of `axis` that `tree` (the design file `bytes`) rejects: its index
    /// (nil when the path itself is unknown for every value) and the design's own message.
    static func firstRejection(of axis: SweepAxis, in tree: JSONNode, bytes: Data, memo: DesignCheckMemo) -> (index: Int?, message: String)? {
        guard let path = try? JSONPath(parsing: axis.path) else { return (nil, "a malformed path") }
        var failures: [(Int, DesignIssue)] = []
        for (i, v) in axis.values.enumerated() {
            let key = DesignCheckMemo.OverrideKey(bytes: bytes, path: axis.path, value: v)
            if let issue = memo.override(key, compute: { overrideIssue(v, at: path, in: tree) }) {
                failures.append((i, issue))
            }
        }
        guard let first = failures.first else { return nil }
        let text = "\(first.1.path): \(first.1.message)"
        guard failures.count == axis.values.count else {
            return (first.0, "expected a value the design accepts at \(axis.path), found: \(text)")
        }
        // Every value fails: usually the path itself is wrong. Lead with the did-you-mean.
        if first.1.message.contains("found unknown key"), case .key(let key)? = path.components.last {
            let hint = first.1.message.range(of: "(did you mean '").map { r -> String in
                let word = first.1.message[r.upperBound...].prefix { $0 != "'" }
                return " (did you mean '\(axis.path.dropLast(key.count))\(word)'?)"
            } ?? ""
            let expected = first.1.message.components(separatedBy: ", found unknown key").first ?? first.1.message
            let keys = expected.replacingOccurrences(of: "expected one of the keys ", with: "")
            let parent = axis.path.dropLast(key.count + 1)
            return (nil, "expected a design path\(hint), found unknown key '\(key)'; \(parent.isEmpty ? "a design" : "'\(parent)'") has the keys \(keys)")
        }
        return (nil, "expected an axis some value of which the design accepts, found every value refused: \(text)")
    }
}
