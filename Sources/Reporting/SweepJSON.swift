import DesignModel
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

    /// Typed access that throws the first problem with its path.
    struct Reader {
        let file: String
        func fail(_ path: JSONPath, _ what: String, _ node: JSONNode?) -> ReadError {
            ReadError(file: file, path: "\(path)", message: "expected \(what), found \(node.map { $0.summary } ?? "nothing (missing)")")
        }
        func object(_ n: JSONNode?, _ p: JSONPath) throws(ReadError) -> [String: JSONNode] {
            guard case .object(let o)? = n else { throw fail(p, "an object", n) }
            return o
        }
        func array(_ n: JSONNode?, _ p: JSONPath) throws(ReadError) -> [JSONNode] {
            guard case .array(let a)? = n else { throw fail(p, "an array", n) }
            return a
        }
        func string(_ n: JSONNode?, _ p: JSONPath) throws(ReadError) -> String {
            guard case .string(let s)? = n else { throw fail(p, "a string", n) }
            return s
        }
        func int(_ n: JSONNode?, _ p: JSONPath) throws(ReadError) -> Int {
            guard case .number(let x)? = n, x == x.rounded(), abs(x) < 9e15 else { throw fail(p, "an integer", n) }
            return Int(x)
        }
        func number(_ n: JSONNode?, _ p: JSONPath) throws(ReadError) -> Double {
            switch n {
            case .number(let x)?: return x
            case .string("nan")?: return .nan
            case .string("inf")?: return .infinity
            case .string("-inf")?: return -.infinity
            default: throw fail(p, "a number or \"nan\"/\"inf\"/\"-inf\"", n)
            }
        }
        func pairs(_ n: JSONNode?, _ p: JSONPath) throws(ReadError) -> [(key: String, value: Double)] {
            var out: [(key: String, value: Double)] = []
            for (i, item) in try array(n, p).enumerated() {
                let pair = try array(item, p.index(i))
                guard pair.count == 2 else { throw fail(p.index(i), "a [name, value] pair", item) }
                out.append((try string(pair[0], p.index(i).index(0)), try number(pair[1], p.index(i).index(1))))
            }
            return out
        }

        mutating func result(_ root: JSONNode) throws(ReadError) -> SweepResult {
            let o = try object(root, .root)
            let r = JSONPath.root
            func key(_ k: String) -> JSONPath { r.key(k) }
            var objectives: [SweepObjective] = []
            for (i, item) in try array(o["objectives"], key("objectives")).enumerated() {
                let p = key("objectives").index(i)
                let ob = try object(item, p)
                guard let m = SweepMetric(rawValue: try string(ob["metric"], p.key("metric"))) else { throw fail(p.key("metric"), "a metric name", ob["metric"]) }
                guard let g = SweepObjective.Goal(rawValue: try string(ob["goal"], p.key("goal"))) else { throw fail(p.key("goal"), "min or max", ob["goal"]) }
                objectives.append(SweepObjective(metric: m, goal: g))
            }
            var constraints: [SweepConstraint] = []
            for (i, item) in try array(o["constraints"], key("constraints")).enumerated() {
                let p = key("constraints").index(i)
                let c = try object(item, p)
                guard let m = SweepMetric(rawValue: try string(c["metric"], p.key("metric"))) else { throw fail(p.key("metric"), "a metric name", c["metric"]) }
                let lo: Double? = c["min"] == .null || c["min"] == nil ? nil : try number(c["min"], p.key("min"))
                let hi: Double? = c["max"] == .null || c["max"] == nil ? nil : try number(c["max"], p.key("max"))
                constraints.append(SweepConstraint(metric: m, min: lo, max: hi))
            }
            let t = try object(o["error_tile"], key("error_tile"))
            let tp = key("error_tile")
            guard let source = SweepSpec.ErrorTile.Source(rawValue: try string(t["data"], tp.key("data"))) else {
                throw fail(tp.key("data"), "synthetic or minilm", t["data"])
            }
            let tile = SweepSpec.ErrorTile(m: try int(t["m"], tp.key("m")), k: try int(t["k"], tp.key("k")),
                                           n: try int(t["n"], tp.key("n")), seed: UInt64(max(0, try int(t["seed"], tp.key("seed")))),
                                           source: source)
            var shard: SweepResult.Shard?
            if let s = o["shard"], s != .null {
                let so = try object(s, key("shard"))
                shard = SweepResult.Shard(index: try int(so["index"], key("shard").key("index")), count: try int(so["count"], key("shard").key("count")))
            }
            let metricNames = SweepMetric.allCases.map(\.rawValue)
            var records: [SweepRecord] = []
            for (i, item) in try array(o["records"], key("records")).enumerated() {
                let p = key("records").index(i)
                let ro = try object(item, p)
                let params = try object(ro["parameters"], p.key("parameters"))
                var parameters: [String: String] = [:]
                for (k, v) in params { parameters[k] = try string(v, p.key("parameters").key(k)) }
                let mo = try object(ro["metrics"], p.key("metrics"))
                let metrics = try metricNames.map { name throws(ReadError) in try number(mo[name], p.key("metrics").key(name)) }
                let statusText = try string(ro["status"], p.key("status"))
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
                records.append(SweepRecord(point: try int(ro["point"], p.key("point")),
                                           workloadIndex: try int(ro["workload_index"], p.key("workload_index")),
                                           workload: try string(ro["workload"], p.key("workload")),
                                           design: try string(ro["design"], p.key("design")), parameters: parameters,
                                           metrics: metrics, energyPJ: try pairs(ro["energy_pj"], p.key("energy_pj")),
                                           areaUm2: try pairs(ro["area_um2"], p.key("area_um2")), status: status))
            }
            return SweepResult(name: try string(o["name"], key("name")), description: try string(o["description"], key("description")),
                               fingerprint: try string(o["fingerprint"], key("fingerprint")),
                               selectedPoints: try int(o["selected_points"], key("selected_points")),
                               gridSize: try int(o["grid_size"], key("grid_size")),
                               sampling: try string(o["sampling"], key("sampling")),
                               axisPaths: try array(o["axes"], key("axes")).enumerated().map { i, n throws(ReadError) in try string(n, key("axes").index(i)) },
                               workloads: try array(o["workloads"], key("workloads")).enumerated().map { i, n throws(ReadError) in try string(n, key("workloads").index(i)) },
                               objectives: objectives, constraints: constraints, errorTile: tile,
                               errorSource: try string(o["error_source"], key("error_source")), shard: shard, records: records)
        }
    }
}
