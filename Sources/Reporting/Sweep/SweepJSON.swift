import ExactJSON
import Exploration
import Foundation

/// `results.json` of a sweep: everything the report is made from, so shards can be merged
/// (`read`; `JSONNode.parse` reads numbers exactly) without the spec. Finite numbers are JSON numbers with full round-trip
/// precision, non-finite ones the strings `nan`, `inf`, `-inf`; breakdowns are ordered
/// `[name, value]` pairs.
///
/// ```swift
/// let text = SweepJSON.render(result)
/// let back = try SweepJSON.read(Data(text.utf8), file: "results.json")   // == result
/// ```
public enum SweepJSON {
    /// The document: the sweep's fields indented, then `records` with one record per line.
    public static func render(_ r: SweepResult) -> String {
        guard case .object(var members) = document(r), case .array(let records)? = members.last?.1 else { return document(r).render() + "\n" }
        members.removeLast()
        var text = JSONValue.object(members).render()
        text.removeLast(2)   // "\n}"
        text += ",\n  \"records\": [\n"
        text += records.map { "    " + $0.renderCompact() }.joined(separator: ",\n")
        text += records.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return text
    }

    static func document(_ r: SweepResult) -> JSONValue {
        func pairs(_ list: [(key: String, value: Double)]) -> JSONValue {
            .array(list.map { .array([.string($0.key), .number($0.value)]) })
        }
        let fronts: [(String, JSONValue)] = r.workloads.enumerated().map { w, name in
            (name, .array(r.front(workload: w).map { .int($0.point) }))
        }
        return .object([
            ("name", .string(r.name)),
            ("description", .string(r.description)),
            ("fingerprint", .string(r.fingerprint)),
            ("selected_points", .int(r.selectedPoints)),
            ("grid_size", .int(r.gridSize)),
            ("sampling", .string(r.sampling)),
            ("axes", .array(r.axisPaths.map { .string($0) })),
            ("workloads", .array(r.workloads.map { .string($0) })),
            ("objectives", .array(r.objectives.map { .object([("metric", .string($0.metric.rawValue)), ("goal", .string($0.goal.rawValue))]) })),
            ("constraints", .array(r.constraints.map { c in
                .object([("metric", .string(c.metric.rawValue)), ("min", c.min.map(JSONValue.number) ?? .null),
                         ("max", c.max.map(JSONValue.number) ?? .null)])
            })),
            ("error_tile", .object([("m", .int(r.errorTile.m)), ("k", .int(r.errorTile.k)), ("n", .int(r.errorTile.n)),
                                    ("seed", .int(Int(r.errorTile.seed))), ("data", .string(r.errorTile.source.rawValue))])),
            ("error_source", .string(r.errorSource)),
            ("model_quality", r.modelSource.map(JSONValue.string) ?? .null),
            ("shard", r.shard.map { .object([("index", .int($0.index)), ("count", .int($0.count))]) } ?? .null),
            ("fronts", .object(fronts)),
            ("records", .array(r.records.map { rec in
                .object([
                    ("point", .int(rec.point)),
                    ("workload_index", .int(rec.workloadIndex)),
                    ("workload", .string(rec.workload)),
                    ("design", .string(rec.design)),
                    ("parameters", .object(rec.parameters.keys.sorted().map { ($0, .string(rec.parameters[$0]!)) })),
                    ("status", .string(rec.status.text)),
                    ("pareto", .bool(rec.pareto)),
                    ("metrics", .object(zip(SweepMetric.allCases, rec.metrics).map { ($0.rawValue, .number($1)) })),
                    ("energy_pj", pairs(rec.energyPJ)),
                    ("area_um2", pairs(rec.areaUm2)),
                ])
            })),
        ])
    }

    /// A problem reading a `results.json`: the JSON path and what was expected.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var path: String
        public var message: String
        public var description: String { "\(file): \(path): \(message)" }
    }

    /// Read a `results.json` written by `render` back into a result.
    public static func read(_ data: Data, file: String) throws(ReadError) -> SweepResult {
        let root: JSONNode
        switch JSONNode.parse(data) {
        case .failure(let issue): throw ReadError(file: file, path: "\(issue.path)", message: issue.message)
        case .success(let n): root = n
        }
        var reader = Reader(file: file)
        return try reader.result(root)
    }

    /// `FieldReader`'s typed access, stopping at the first problem with its path (a file
    /// `render` wrote has none, so the first one is what went wrong with it).
    struct Reader {
        let file: String
        var fields = FieldReader()

        /// The largest count or index: the integers a JSON number (a Double) holds exactly.
        static let maxCount = 1 << 53

        /// `value`, or the problem `fields` recorded when it gave nil. (Mutating, so that the
        /// `fields` call in its argument has run when it reads the issues.)
        mutating func need<T>(_ value: T?) throws(ReadError) -> T {
            if let issue = fields.issues.first { throw ReadError(file: file, path: "\(issue.path)", message: issue.message) }
            guard let value else { throw ReadError(file: file, path: "$", message: "expected a sweep result, found an invalid one") }
            return value
        }
        func fail(_ path: JSONPath, _ what: String, _ node: JSONNode?) -> ReadError {
            ReadError(file: file, path: "\(path)", message: "expected \(what), found \(node.map { $0.summary } ?? "nothing (missing)")")
        }
        mutating func object(_ n: JSONNode, _ p: JSONPath) throws(ReadError) -> [String: JSONNode] {
            try need(fields.object(n, at: p, keys: [], freeForm: true))
        }
        mutating func object(_ o: [String: JSONNode], _ key: String, _ p: JSONPath) throws(ReadError) -> [String: JSONNode] {
            try object(try need(fields.member(o, key, at: p, expected: "an object")), p.key(key))
        }
        mutating func array(_ o: [String: JSONNode], _ key: String, _ p: JSONPath) throws(ReadError) -> [JSONNode] {
            try need(fields.array(o, key, at: p))
        }
        mutating func string(_ o: [String: JSONNode], _ key: String, _ p: JSONPath) throws(ReadError) -> String {
            try need(fields.string(o, key, at: p, allowEmpty: true))
        }
        /// A string member that may be missing or null (nil then).
        mutating func optionalString(_ o: [String: JSONNode], _ key: String, _ p: JSONPath) throws(ReadError) -> String? {
            guard let node = o[key], node != .null else { return nil }
            return try need(fields.string(node, at: p.key(key), allowEmpty: true))
        }
        mutating func strings(_ o: [String: JSONNode], _ key: String) throws(ReadError) -> [String] {
            var out: [String] = []
            for (i, item) in try array(o, key, .root).enumerated() {
                out.append(try need(fields.string(item, at: JSONPath.root.key(key).index(i), allowEmpty: true)))
            }
            return out
        }
        mutating func int(_ o: [String: JSONNode], _ key: String, _ p: JSONPath, in range: ClosedRange<Int> = 0...maxCount) throws(ReadError) -> Int {
            try need(fields.integer(o, key, at: p, in: range))
        }
        mutating func choice<T>(_ o: [String: JSONNode], _ key: String, _ p: JSONPath, what: String,
                                _ choices: [(String, T)]) throws(ReadError) -> T {
            try need(fields.choice(o, key, at: p, what: what, choices))
        }
        mutating func pairs(_ o: [String: JSONNode], _ key: String, _ path: JSONPath) throws(ReadError) -> [(key: String, value: Double)] {
            var out: [(key: String, value: Double)] = []
            let p = path.key(key)
            for (i, item) in try array(o, key, path).enumerated() {
                let pair = try need(fields.array(item, at: p.index(i)))
                guard pair.count == 2 else { throw fail(p.index(i), "a [name, value] pair", item) }
                out.append((try need(fields.string(pair[0], at: p.index(i).index(0), allowEmpty: true)),
                            try need(fields.real(pair[1], at: p.index(i).index(1)))))
            }
            return out
        }

        mutating func result(_ root: JSONNode) throws(ReadError) -> SweepResult {
            let o = try object(root, .root)
            let r = JSONPath.root
            func key(_ k: String) -> JSONPath { r.key(k) }
            let metricNames = SweepMetric.allCases.map { ($0.rawValue, $0) }
            var objectives: [SweepObjective] = []
            for (i, item) in try array(o, "objectives", r).enumerated() {
                let p = key("objectives").index(i)
                let ob = try object(item, p)
                objectives.append(SweepObjective(metric: try choice(ob, "metric", p, what: "metric", metricNames),
                                                 goal: try choice(ob, "goal", p, what: "goal", [("min", .min), ("max", .max)])))
            }
            var constraints: [SweepConstraint] = []
            for (i, item) in try array(o, "constraints", r).enumerated() {
                let p = key("constraints").index(i)
                let c = try object(item, p)
                let m = try choice(c, "metric", p, what: "metric", metricNames)
                let lo: Double? = c["min"] == .null || c["min"] == nil ? nil : try need(fields.real(c, "min", at: p))
                let hi: Double? = c["max"] == .null || c["max"] == nil ? nil : try need(fields.real(c, "max", at: p))
                constraints.append(SweepConstraint(metric: m, min: lo, max: hi))
            }
            let t = try object(o, "error_tile", r)
            let tp = key("error_tile")
            // The ranges of a sweep spec's `error` tile (SweepSpec.decode).
            let tile = SweepSpec.ErrorTile(m: try int(t, "m", tp, in: 1...256), k: try int(t, "k", tp, in: 1...8192),
                                           n: try int(t, "n", tp, in: 1...1024),
                                           seed: UInt64(try int(t, "seed", tp, in: 0...Int(Int32.max))),
                                           source: try choice(t, "data", tp, what: "error data",
                                                              SweepSpec.ErrorTile.Source.allCases.map { ($0.rawValue, $0) }))
            var shard: SweepResult.Shard?
            if let s = o["shard"], s != .null {
                let so = try object(s, key("shard"))
                shard = SweepResult.Shard(index: try int(so, "index", key("shard")), count: try int(so, "count", key("shard")))
            }
            var records: [SweepRecord] = []
            for (i, item) in try array(o, "records", r).enumerated() {
                let p = key("records").index(i)
                let ro = try object(item, p)
                let params = try object(ro, "parameters", p)
                var parameters: [String: String] = [:]
                for k in params.keys.sorted() { parameters[k] = try string(params, k, p.key("parameters")) }
                let mo = try object(ro, "metrics", p)
                var metrics: [Double] = []
                for metric in SweepMetric.allCases { metrics.append(try need(fields.real(mo, metric.rawValue, at: p.key("metrics")))) }
                let statusText = try string(ro, "status", p)
                let status: SweepRecord.Status
                if statusText == "ok" {
                    status = .ok
                } else if statusText.hasPrefix("infeasible: ") {
                    status = .infeasible(String(statusText.dropFirst("infeasible: ".count)))
                } else if statusText.hasPrefix("invalid: ") {
                    status = .invalid(String(statusText.dropFirst("invalid: ".count)))
                } else {
                    throw fail(p.key("status"), "ok, infeasible: … or invalid: …", ro["status"])
                }
                records.append(SweepRecord(point: try int(ro, "point", p), workloadIndex: try int(ro, "workload_index", p),
                                           workload: try string(ro, "workload", p), design: try string(ro, "design", p),
                                           parameters: parameters, metrics: metrics, energyPJ: try pairs(ro, "energy_pj", p),
                                           areaUm2: try pairs(ro, "area_um2", p), status: status))
            }
            return SweepResult(name: try string(o, "name", r), description: try string(o, "description", r),
                               fingerprint: try string(o, "fingerprint", r), selectedPoints: try int(o, "selected_points", r),
                               gridSize: try int(o, "grid_size", r), sampling: try string(o, "sampling", r),
                               axisPaths: try strings(o, "axes"), workloads: try strings(o, "workloads"),
                               objectives: objectives, constraints: constraints, errorTile: tile,
                               errorSource: try string(o, "error_source", r), modelSource: try optionalString(o, "model_quality", r),
                               shard: shard, records: records)
        }
    }
}
