@testable import Cosim
import ExactJSON
import GoldenVectors
import Testing

/// Reading Verilator's model header, checking a port map against it, the testbench text,
/// the cache key and the first error of a failed build.
@Suite struct VerilatorFilesTests {
    static let header = """
        class Vtop VL_NOT_FINAL : public VerilatedModel {
          public:
            VL_IN8(&clk,0,0);
            VL_IN8(&a,3,0);
            VL_INW(&wide,127,0,4);
            VL_OUT(&y,31,0);
            VL_OUT64(&q,39,0);
        """

    @Test func headerPorts() {
        let ports = ModulePort.parse(header: Self.header)
        #expect(ports.map(\.line) == ["input clk 1", "input a 4", "input wide 128", "output y 32", "output q 40"])
        #expect(ports.compactMap { ModulePort(line: Substring($0.line)) } == ports)
    }

    static let schema = VectorSchema(operation: "op", summary: "",
                                     inputs: [VectorField("a", bits: 4, "a"), VectorField("wide", bits: 128, "w")],
                                     outputs: [VectorField("y", bits: 32, "y")])

    func check(_ map: PortMap) -> String? {
        PortMapCheck.firstProblem(map, schema: Self.schema, ports: ModulePort.parse(header: Self.header), module: "top")?.description
    }

    func map(_ inputs: [PortBinding], _ outputs: [PortBinding], clock: String? = "clk", protocol p: CosimProtocol = .combinational) -> PortMap {
        PortMap(clock: clock, reset: nil, resetActiveLow: false, cosimProtocol: p, inputs: inputs, outputs: outputs)
    }

    @Test func portMapAgainstTheModule() {
        let path = JSONPath.root.key("inputs").index(0)
        let out = [PortBinding(port: "y", field: "y", path: JSONPath.root.key("outputs").index(0))]
        #expect(check(map([PortBinding(port: "a", field: "a", path: path)], out)) == nil)
        #expect(check(map([PortBinding(port: "a", field: "wide", lsb: 8, bits: 4, path: path)], out)) == nil)
        #expect(check(map([PortBinding(port: "a", field: "wide", lsb: 126, bits: 4, path: path)], out))
                == "inputs[0].bits: expected a slice inside field wide of 128 bits, found bits 126…129")
        #expect(check(map([PortBinding(port: "a", field: "nope", path: path)], out))
                == "inputs[0].field: expected an input field of op (a, wide), found 'nope'")
        #expect(check(map([PortBinding(port: "y", field: "a", path: path)], out))
                == "inputs[0].port: expected an input port, found 'y', an output of module top")
        #expect(check(map([PortBinding(port: "wide", field: "a", path: path)], out))
                == "inputs[0].port: expected a port of 4 bits for field a, found 'wide' of 128 bits")
        #expect(check(map([], [PortBinding(port: "q", field: "y", path: JSONPath.root.key("outputs").index(0))]))
                == "outputs[0].port: expected a port of 32 bits for field y, found 'q' of 40 bits")
        #expect(check(map([], out, clock: "a")) == "clock: expected a 1-bit port, found 'a' of 4 bits")
        #expect(check(map([], out, protocol: .handshake(start: "clk", done: "go", maxCycles: 4)))
                == "protocol.done: expected a port of module top (clk, a, wide, y, q), found 'go'")
    }

    @Test func testbenchDrivesEveryBindingUnderItsProtocol() {
        let ports = ModulePort.parse(header: Self.header)
        let m = map([PortBinding(port: "a", field: "a", cycle: 1, path: .root), PortBinding(port: "wide", field: "wide", path: .root)],
                    [PortBinding(port: "y", field: "y", path: .root)], protocol: .sequence(cycles: 3, start: nil))
        let cpp = TestbenchGenerator.source(top: "top", map: m, ports: ports)
        #expect(cpp.contains("#include \"Vtop.h\"") && cpp.contains(TestbenchGenerator.version))
        #expect(cpp.contains("if (cycle == 1) { top->a = (uint64_t)in0[0] | ((uint64_t)in0[1] << 32); }"))
        #expect(cpp.contains("for (int k = 0; k < 4; ++k) top->wide[k] = in1[k];"))
        #expect(cpp.contains("for (int j = 0; j < 3; ++j)") && cpp.contains("top->clk = 1; top->eval();"))
        let pipelined = TestbenchGenerator.source(top: "top", map: map([], [PortBinding(port: "y", field: "y", path: .root)],
                                                                      protocol: .pipelined(latency: 2)), ports: ports)
        #expect(pipelined.contains("for (long t = 0; t < cases + 1; ++t)") && pipelined.contains("if (t >= 1) writeCase(out);"))
    }

    @Test func cacheKeyAndCacheRoot() {
        var a = Fingerprint(), b = Fingerprint(), c = Fingerprint()
        a.add("ab"); a.add("c")
        b.add("a"); b.add("bc")
        c.add("ab"); c.add("c")
        #expect(a.hex != b.hex && a.hex == c.hex && a.hex.count == 32)
        #expect(CosimBuild.defaultCacheRoot(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"]) == "/x/cache/qarch/cosim")
        #expect(CosimBuild.defaultCacheRoot(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/qarch/cosim")
    }

    @Test func firstErrorLineOfABuild() {
        let out = "%Warning-WIDTH: a.v:3:1: something\n%Error: a.v:5:9: syntax error, unexpected ';'\n%Error: Exiting due to 1 error(s)\n"
        #expect(CosimBuild.firstError(out, fallback: "x") == "a.v:5:9: syntax error, unexpected ';'")
        #expect(CosimBuild.firstError("tb.cpp:3:1: error: 'x' was not declared\n", fallback: "x") == "tb.cpp:3:1: error: 'x' was not declared")
        #expect(CosimBuild.firstError("", fallback: "failed") == "failed")
    }

    @Test func missingVerilator() {
        #expect(throws: CosimProblem.self) { try Verilator.locate(environment: ["PATH": "/nonexistent"]) }
        do {
            _ = try Verilator.locate(environment: ["QARCH_VERILATOR": "/nonexistent/verilator"])
            Issue.record("found a verilator that does not exist")
        } catch {
            #expect(error.message == "verilator: not found at /nonexistent/verilator (QARCH_VERILATOR); " + Verilator.installHint)
        }
    }
}
