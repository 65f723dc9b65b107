@testable import Cosim
import ExactJSON
import Foundation
import Testing

/// Port maps decode into protocols and bindings; every problem names its JSON path.
@Suite struct PortMapDecodeTests {
    func decode(_ text: String) -> Result<PortMap, PortMapProblems> {
        do { return .success(try PortMap.decode(Data(text.utf8))) } catch { return .failure(error) }
    }

    func issues(_ text: String) -> [String] {
        if case .failure(let p) = decode(text) { return p.issues.map(\.description) }
        return []
    }

    @Test func protocols() throws {
        let io = #""inputs": [{"port": "a", "field": "a"}], "outputs": [{"port": "p", "field": "p"}]"#
        let comb = try decode("{\"protocol\": {\"kind\": \"combinational\"}, \(io)}").get()
        #expect(comb.cosimProtocol == .combinational && comb.clock == nil && comb.inputs[0].bits == nil)
        let pipe = try decode("{\"clock\": \"clk\", \"reset\": \"rst_n\", \"reset_active\": \"low\", \"protocol\": {\"kind\": \"pipelined\", \"latency\": 3}, \(io)}").get()
        #expect(pipe.cosimProtocol == .pipelined(latency: 3) && pipe.resetActiveLow && pipe.reset == "rst_n")
        let hs = try decode("{\"clock\": \"clk\", \"protocol\": {\"kind\": \"handshake\", \"start\": \"go\", \"done\": \"ready\"}, \(io)}").get()
        #expect(hs.cosimProtocol == .handshake(start: "go", done: "ready", maxCycles: 1000) && hs.controlPorts == ["go", "ready"])
        let seq = try decode(#"""
            {"clock": "clk", "protocol": {"kind": "sequence", "cycles": 2},
             "inputs": [{"port": "x", "field": "a", "lsb": 0, "bits": 2, "cycle": 0}, {"port": "x", "field": "a", "lsb": 2, "bits": 2, "cycle": 1}],
             "outputs": [{"port": "p", "field": "p"}]}
            """#).get()
        #expect(seq.cosimProtocol == .sequence(cycles: 2, start: nil) && seq.inputs.map(\.cycle) == [0, 1] && seq.inputs[1].lsb == 2)
    }

    @Test func problemsNameTheirPaths() {
        #expect(issues(#"{"protocol": {"kind": "pipelined", "latency": 2}, "inputs": [], "outputs": [{"port": "p", "field": "p"}]}"#)
                == ["clock: expected the clock port of a clocked protocol, found nothing (missing)"])
        #expect(issues(#"{"protocol": {"kind": "combinational", "latency": 2}, "inputs": [], "outputs": []}"#)
                == ["protocol.latency: expected no 'latency' in the combinational protocol, found one",
                    "outputs: expected at least one output port, found none"])
        #expect(issues(#"{"protocol": {"kind": "comb"}, "inputs": [], "outputs": [{"port": "p", "field": "p"}]}"#).first?
                    .hasPrefix("protocol.kind: expected protocol: one of combinational, pipelined, handshake, sequence, found unknown protocol 'comb'") == true)
        #expect(issues(#"{"protocol": {"kind": "combinational"}, "inputs": [{"port": "a", "field": "a"}, {"port": "a", "field": "b"}], "outputs": [{"port": "p", "field": "p"}]}"#)
                == ["inputs[1].port: expected each port once (per cycle), found 'a' again"])
        #expect(issues(#"{"protocol": {"kind": "combinational"}, "inputs": [{"port": "a", "field": "a", "cycle": 1}], "outputs": [{"port": "p", "field": "p"}]}"#)
                == ["inputs[0].cycle: expected no cycle outside the sequence protocol, found 1"])
        #expect(issues(#"{"clock": "c", "protocol": {"kind": "sequence", "cycles": 2}, "inputs": [{"port": "a", "field": "a", "cycle": 2}], "outputs": [{"port": "p", "field": "p"}]}"#)
                == ["inputs[0].cycle: expected a cycle 0…1, found 2"])
        #expect(issues(#"{"protocol": {"kind": "combinational"}, "inputs": [], "outputs": [{"port": "p", "field": "p", "cycle": 0}], "extra": 1}"#).count == 2)
        #expect(issues("[") .first?.hasPrefix("$: expected well-formed JSON") == true)
    }
}

/// `Designs/ports.schema.json` documents exactly the keys the decoder reads.
@Suite struct PortSchemaFileTests {
    @Test func schemaKeysAreTheDecodersKeys() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Designs/ports.schema.json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try #require(doc["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(PortMap.keys))
        let kinds = try #require((properties["protocol"] as? [String: Any])?["oneOf"] as? [[String: Any]]).compactMap {
            (($0["properties"] as? [String: Any])?["kind"] as? [String: Any])?["const"] as? String
        }
        #expect(kinds == ["combinational", "pipelined", "handshake", "sequence"])
    }
}
