import ExactJSON

/// The files `qarch vectors` writes: `vectors.jsonl` (one operation per line,
/// `{"in": {field: "0x…"}, "out": {field: "0x…"}}`), one `$readmemh` file `<field>.hex`
/// per field (one value per line, vector order) and `fields.json` (the schema).
///
/// ```swift
/// VectorFiles.line(schema, vector)   // {"in": {"a": "0x08", "b": "0x09", "acc_in": "0x3f800000"}, "out": {"acc_out": "0x40080000"}}
/// ```
public enum VectorFiles {
    public static func files(_ schema: VectorSchema, _ vectors: [GoldenVector], kind: String) -> [(name: String, text: String)] {
        var out: [(name: String, text: String)] = [("vectors.jsonl", vectors.map { line(schema, $0) + "\n" }.joined())]
        for (i, f) in schema.inputs.enumerated() {
            out.append(("\(f.name).hex", vectors.map { $0.inputs[i].digits(width: f.bits) + "\n" }.joined()))
        }
        for (i, f) in schema.outputs.enumerated() {
            out.append(("\(f.name).hex", vectors.map { $0.outputs[i].digits(width: f.bits) + "\n" }.joined()))
        }
        out.append(("fields.json", fieldsDocument(schema, kind: kind, count: vectors.count).render() + "\n"))
        return out
    }

    /// One `vectors.jsonl` line, without its newline.
    public static func line(_ schema: VectorSchema, _ v: GoldenVector) -> String {
        func members(_ fields: [VectorField], _ values: [FieldValue]) -> String {
            zip(fields, values).map { "\"\($0.name)\": \"\($1.hex(width: $0.bits))\"" }.joined(separator: ", ")
        }
        return "{\"in\": {\(members(schema.inputs, v.inputs))}, \"out\": {\(members(schema.outputs, v.outputs))}}"
    }

    /// `fields.json`: the unit kind, the operation, the vector count and each field's width and meaning.
    public static func fieldsDocument(_ schema: VectorSchema, kind: String, count: Int) -> JSONValue {
        func list(_ fields: [VectorField]) -> JSONValue {
            .array(fields.map { .object([("name", .string($0.name)), ("bits", .int($0.bits)), ("meaning", .string($0.meaning))]) })
        }
        return .object([("kind", .string(kind)), ("operation", .string(schema.operation)), ("summary", .string(schema.summary)),
                        ("vectors", .int(count)), ("in", list(schema.inputs)), ("out", list(schema.outputs))])
    }
}
