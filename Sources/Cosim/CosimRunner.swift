import Foundation
import GoldenVectors

/// Drives vectors through a built testbench and compares every output bit with the golden
/// vectors.
///
/// ```swift
/// let outcome = try CosimRunner.run(build, map: map, schema: op.schema, vectors: vectors, keep: 5)
/// outcome.mismatchCount   // 0 when the RTL computes the unit's bits
/// ```
public enum CosimRunner {
    public static func run(_ build: CosimBuild, map: PortMap, schema: VectorSchema, vectors: [GoldenVector],
                           keep: Int) throws(CosimProblem) -> CosimOutcome {
        let scratch = NSTemporaryDirectory() + "qarch-cosim-\(UInt64.random(in: 0...UInt64.max))"
        do { try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true) } catch {
            throw CosimProblem("\(scratch): cannot create a temporary folder (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let inputIndex = map.inputs.map { b in schema.inputs.firstIndex { $0.name == b.field } ?? 0 }
        var text = "\(vectors.count)\n"
        text.reserveCapacity(vectors.count * 32)
        for v in vectors {
            for (b, i) in zip(map.inputs, inputIndex) {
                let bits = b.bits ?? (schema.inputs[i].bits - b.lsb)
                text += v.inputs[i].slice(at: b.lsb, bits: bits).hex(width: bits)
                text += " "
            }
            text += "\n"
        }
        let inputs = scratch + "/inputs.txt", outputs = scratch + "/outputs.txt"
        do { try text.write(toFile: inputs, atomically: false, encoding: .utf8) } catch {
            throw CosimProblem("\(inputs): cannot write the vectors (\(error.localizedDescription))")
        }
        let run = Command.run(build.executable, [inputs, outputs], in: scratch)
        guard run.status == 0 else {
            let first = run.output.split(separator: "\n").first.map(String.init) ?? ""
            throw CosimProblem("the testbench \(build.executable) failed (exit \(run.status))" + (first.isEmpty ? "" : ": \(first)"))
        }
        guard let result = try? String(contentsOfFile: outputs, encoding: .utf8) else {
            throw CosimProblem("the testbench wrote no results (\(outputs))")
        }
        let lines = result.split(separator: "\n", omittingEmptySubsequences: false)
        let outputIndex = map.outputs.map { b in schema.outputs.firstIndex { $0.name == b.field } ?? 0 }
        var counts = [Int](repeating: 0, count: map.outputs.count)
        var mismatches = 0, timeouts = 0
        var first: [CosimMismatch] = []
        for (n, v) in vectors.enumerated() {
            let line = n < lines.count ? lines[n] : "timeout"
            var got: [(field: String, value: FieldValue?)] = []
            var failing: [String] = []
            if line == "timeout" {
                timeouts += 1
                got = map.outputs.map { ($0.field, nil) }
                failing = map.outputs.map(\.field)
                for i in counts.indices { counts[i] += 1 }
            } else {
                let tokens = line.split(separator: " ")
                for (k, b) in map.outputs.enumerated() {
                    let value = k < tokens.count ? FieldValue(parsingHex: String(tokens[k])) : nil
                    got.append((b.field, value))
                    if value != v.outputs[outputIndex[k]] {
                        failing.append(b.field)
                        counts[k] += 1
                    }
                }
            }
            if !failing.isEmpty {
                mismatches += 1
                if first.count < keep { first.append(CosimMismatch(index: n, vector: v, got: got, failing: failing)) }
            }
        }
        return CosimOutcome(cases: vectors.count, mismatchCount: mismatches,
                            failingCounts: zip(map.outputs, counts).map { ($0.field, $1) }, timeouts: timeouts, firstMismatches: first)
    }
}
