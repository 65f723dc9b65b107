import ExactJSON
import Foundation

/// Reads a `vectors.jsonl` back against an operation's schema: every line must hold
/// exactly the schema's fields, each a `"0x…"` value that fits its width. The first
/// problem is reported as `line N: in.a: expected …, found …`.
///
/// ```swift
/// try VectorFileReader.read(Data(#"{"in": {"a": "0x1f"}, "out": {}}"#.utf8), schema: s)
/// // VectorFileProblem "line 1: in.a: expected a value of at most 4 bits ("0x…"), found "0x1f" (5 bits)"
/// ```
public enum VectorFileReader {
    public static func read(_ data: Data, schema: VectorSchema) throws(VectorFileProblem) -> [GoldenVector] {
        var vectors: [GoldenVector] = []
        var lineNumber = 0
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            func issue(_ path: JSONPath, _ message: String) -> VectorFileProblem {
                VectorFileProblem(line: lineNumber, path: path, message: message)
            }
            let node: JSONNode
            switch JSONNode.parse(Data(raw)) {
            case .success(let n): node = n
            case .failure(let e): throw issue(e.path, e.message)
            }
            guard case .object = node else { throw issue(.root, "expected a JSON object, found \(node.kindName)") }
            func values(_ key: String, _ fields: [VectorField]) throws(VectorFileProblem) -> [FieldValue] {
                let path = JSONPath.root.key(key)
                guard case .object(let members)? = node.member(key) else {
                    throw issue(path, "expected an object of \(fields.count) fields, found \(node.member(key)?.kindName ?? "nothing")")
                }
                if let extra = members.keys.sorted().first(where: { name in !fields.contains { $0.name == name } }) {
                    throw issue(path.key(extra), "expected one of the fields \(fields.map(\.name).joined(separator: ", ")), found '\(extra)'")
                }
                var out: [FieldValue] = []
                for f in fields {
                    guard let member = members[f.name] else { throw issue(path.key(f.name), "expected a value of \(f.bits) bits, found nothing") }
                    guard case .string(let text) = member, let v = FieldValue(parsingHex: text) else {
                        throw issue(path.key(f.name), "expected a hex string \"0x…\" of at most \(f.bits) bits, found \(member.summary)")
                    }
                    guard v.bitLength <= f.bits else {
                        throw issue(path.key(f.name), "expected a value of at most \(f.bits) bits (\"0x…\"), found \"\(text)\" (\(v.bitLength) bits)")
                    }
                    out.append(v)
                }
                return out
            }
            vectors.append(GoldenVector(inputs: try values("in", schema.inputs), outputs: try values("out", schema.outputs)))
        }
        return vectors
    }
}
