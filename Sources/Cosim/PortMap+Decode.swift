import ExactJSON
import Foundation

extension PortMap {
    static let keys = ["$schema", "description", "clock", "reset", "reset_active", "protocol", "inputs", "outputs"]

    /// The port map in `data`, or every problem with its JSON path.
    ///
    /// ```swift
    /// try PortMap.decode(Data(#"{"protocol": {"kind": "combinational"}, "inputs": [], "outputs": []}"#.utf8))
    /// ```
    public static func decode(_ data: Data) throws(PortMapProblems) -> PortMap {
        let node: JSONNode
        switch JSONNode.parse(data) {
        case .success(let n): node = n
        case .failure(let issue): throw PortMapProblems([issue])
        }
        var r = FieldReader()
        let obj = r.object(node, at: .root, keys: keys, what: "a port map object")
        let clock = r.string(obj, "clock", at: .root, optional: true)
        let reset = r.string(obj, "reset", at: .root, optional: true)
        let activeLow = r.choice(obj, "reset_active", at: .root, what: "reset polarity", [("high", false), ("low", true)],
                                 optional: true) ?? false
        let proto = decodeProtocol(r.member(obj, "protocol", at: .root, expected: "a protocol object"), at: JSONPath.root.key("protocol"), &r)
        let inputs = bindings(obj, "inputs", input: true, &r)
        let outputs = bindings(obj, "outputs", input: false, &r)
        if let outputs, outputs.isEmpty { r.fail(JSONPath.root.key("outputs"), "expected at least one output port, found none") }
        if proto != nil, proto != .combinational, clock == nil, obj != nil {
            r.fail(JSONPath.root.key("clock"), "expected the clock port of a clocked protocol, found nothing (missing)")
        }
        guard r.issues.isEmpty, let proto, let inputs, let outputs else { throw PortMapProblems(r.issues) }
        if case .sequence(let cycles, _) = proto {
            for b in inputs where (b.cycle ?? 0) >= cycles {
                throw PortMapProblems([DesignIssue(path: b.path.key("cycle"), message: "expected a cycle 0…\(cycles - 1), found \(b.cycle ?? 0)")])
            }
        } else if let b = inputs.first(where: { $0.cycle != nil }) {
            throw PortMapProblems([DesignIssue(path: b.path.key("cycle"), message: "expected no cycle outside the sequence protocol, found \(b.cycle ?? 0)")])
        }
        return PortMap(clock: clock, reset: reset, resetActiveLow: activeLow, cosimProtocol: proto, inputs: inputs, outputs: outputs)
    }

    static func decodeProtocol(_ node: JSONNode?, at path: JSONPath, _ r: inout FieldReader) -> CosimProtocol? {
        guard let node else { return nil }
        let obj = r.object(node, at: path, keys: ["kind", "latency", "start", "done", "max_cycles", "cycles"], what: "a protocol object")
        let kinds = ["combinational", "pipelined", "handshake", "sequence"]
        guard let kind = r.choice(obj, "kind", at: path, what: "protocol", kinds.map { ($0, $0) }) else { return nil }
        func refuse(_ keys: [String]) {
            for k in keys where obj?[k] != nil { r.fail(path.key(k), "expected no '\(k)' in the \(kind) protocol, found one") }
        }
        switch kind {
        case "combinational":
            refuse(["latency", "start", "done", "max_cycles", "cycles"])
            return .combinational
        case "pipelined":
            refuse(["start", "done", "max_cycles", "cycles"])
            return r.integer(obj, "latency", at: path, in: 1...1024).map { .pipelined(latency: $0) }
        case "handshake":
            refuse(["latency", "cycles"])
            let start = r.string(obj, "start", at: path), done = r.string(obj, "done", at: path)
            let maxCycles = r.integer(obj, "max_cycles", at: path, in: 1...1_000_000, optional: true) ?? 1000
            guard let start, let done else { return nil }
            return .handshake(start: start, done: done, maxCycles: maxCycles)
        default:
            refuse(["latency", "done", "max_cycles"])
            let start = r.string(obj, "start", at: path, optional: true)
            return r.integer(obj, "cycles", at: path, in: 1...4096).map { .sequence(cycles: $0, start: start) }
        }
    }

    static func bindings(_ obj: [String: JSONNode]?, _ key: String, input: Bool, _ r: inout FieldReader) -> [PortBinding]? {
        guard let list = r.array(obj, key, at: .root) else { return nil }
        var out: [PortBinding] = []
        var seen = Set<String>()
        for (i, item) in list.enumerated() {
            let path = JSONPath.root.key(key).index(i)
            let keys = input ? ["port", "field", "lsb", "bits", "cycle"] : ["port", "field"]
            let o = r.object(item, at: path, keys: keys, what: "a port binding object")
            let port = r.string(o, "port", at: path), field = r.string(o, "field", at: path)
            let lsb = r.integer(o, "lsb", at: path, in: 0...65535, optional: true) ?? 0
            let bits = r.integer(o, "bits", at: path, in: 1...65536, optional: true)
            let cycle = r.integer(o, "cycle", at: path, in: 0...4095, optional: true)
            guard let port, let field else { continue }
            if !seen.insert("\(port)@\(cycle ?? -1)").inserted {
                r.fail(path.key("port"), "expected each port once (per cycle), found '\(port)' again")
            }
            out.append(PortBinding(port: port, field: field, lsb: lsb, bits: bits, cycle: cycle, path: path))
        }
        return out
    }
}
