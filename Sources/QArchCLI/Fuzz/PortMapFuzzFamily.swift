import Cosim
import ExactJSON
import Foundation

/// Cosim port maps (`qarch cosim --ports`, issue 12): the project's port maps mutated as
/// JSON, decoded by `PortMap.decode`. An accepted map must be strict JSON, name each port
/// once per cycle, keep every slice and cycle in range, and decode again to the same map
/// when re-encoded.
struct PortMapFuzzFamily: FuzzFamily {
    let name = "port-map"
    static let file = "fuzz-ports.json"

    func seeds() -> [Data] {
        FuzzSeeds.files(in: "Tests/CosimTests/rtl") + [
            #"{"clock": "clk", "reset": "rst_n", "reset_active": "low", "protocol": {"kind": "handshake", "start": "go", "done": "ready", "max_cycles": 64}, "inputs": [{"port": "a", "field": "a"}], "outputs": [{"port": "y", "field": "y"}]}"#,
            #"{"clock": "clk", "protocol": {"kind": "sequence", "cycles": 4, "start": "first"}, "inputs": [{"port": "w", "field": "w", "lsb": 4, "bits": 4, "cycle": 1}, {"port": "w", "field": "w", "lsb": 0, "bits": 4, "cycle": 0}, {"port": "x", "field": "x"}], "outputs": [{"port": "acc", "field": "c"}]}"#,
        ].map { Data($0.utf8) }
    }

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { JSONMutator.mutate(input, &rng) }

    func check(_ input: Data) -> FuzzVerdict {
        let map: PortMap
        do {
            map = try PortMap.decode(input)
        } catch {
            return .judge(errorLines: error.issues.map { "\(Self.file): \($0.path): \($0.message)" }, file: Self.file)
        }
        guard JSONMutator.isStrictJSON(input) else { return .finding("accepted a port map that is not strict JSON") }
        for list in [map.inputs, map.outputs] {
            var seen = Set<String>()
            for b in list {
                guard seen.insert("\(b.port)@\(b.cycle ?? -1)").inserted else { return .finding("accepted port '\(b.port)' twice") }
                guard (0...65535).contains(b.lsb), (1...65536).contains(b.bits ?? 1), (0...4095).contains(b.cycle ?? 0) else {
                    return .finding("accepted an out-of-range slice or cycle on port '\(b.port)'")
                }
            }
        }
        let text = Self.encode(map)
        guard let again = try? PortMap.decode(Data(text.utf8)), again == map else {
            return .finding("re-encoded port map does not decode to the same map: \(text)")
        }
        return .accepted
    }

    /// `map` as port-map JSON (every field written, defaults left out).
    static func encode(_ map: PortMap) -> String {
        var fields: [(String, JSONValue)] = []
        if let c = map.clock { fields.append(("clock", .string(c))) }
        if let r = map.reset { fields.append(("reset", .string(r))) }
        if map.resetActiveLow { fields.append(("reset_active", .string("low"))) }
        let proto: [(String, JSONValue)]
        switch map.cosimProtocol {
        case .combinational: proto = [("kind", .string("combinational"))]
        case .pipelined(let latency): proto = [("kind", .string("pipelined")), ("latency", .int(latency))]
        case .handshake(let start, let done, let maxCycles):
            proto = [("kind", .string("handshake")), ("start", .string(start)), ("done", .string(done)), ("max_cycles", .int(maxCycles))]
        case .sequence(let cycles, let start):
            proto = [("kind", .string("sequence")), ("cycles", .int(cycles))] + (start.map { [("start", JSONValue.string($0))] } ?? [])
        }
        fields.append(("protocol", .object(proto)))
        func binding(_ b: PortBinding) -> JSONValue {
            var o: [(String, JSONValue)] = [("port", .string(b.port)), ("field", .string(b.field))]
            if b.lsb != 0 { o.append(("lsb", .int(b.lsb))) }
            if let bits = b.bits { o.append(("bits", .int(bits))) }
            if let cycle = b.cycle { o.append(("cycle", .int(cycle))) }
            return .object(o)
        }
        fields.append(("inputs", .array(map.inputs.map(binding))))
        fields.append(("outputs", .array(map.outputs.map(binding))))
        return JSONValue.object(fields).render()
    }
}
