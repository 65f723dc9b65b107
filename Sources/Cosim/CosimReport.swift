import ExactJSON
import GoldenVectors

/// What `qarch cosim` prints: the cases, the mismatches per field and the first mismatches
/// with every field in hex, as text or as one JSON document.
///
/// ```
/// cosim e2m1_mul (combinational) against block-dot product: 100256 vectors (256 edge, 100000 random, seed 1)
/// checked p: 100256 cases, 0 mismatches
/// ```
public struct CosimReport: Sendable {
    public let module: String
    public let protocolSummary: String
    public let kind: String
    public let schema: VectorSchema
    /// e.g. "256 edge, 100000 random, seed 1" or "from vectors.jsonl".
    public let source: String
    public let outcome: CosimOutcome

    public init(module: String, protocolSummary: String, kind: String, schema: VectorSchema, source: String, outcome: CosimOutcome) {
        self.module = module
        self.protocolSummary = protocolSummary
        self.kind = kind
        self.schema = schema
        self.source = source
        self.outcome = outcome
    }

    public var text: String {
        let o = outcome
        var s = "cosim \(module) (\(protocolSummary)) against \(kind) \(schema.operation): \(o.cases) vectors (\(source))\n"
        let fields = o.failingCounts.map(\.field).joined(separator: ", ")
        s += "checked \(fields): \(o.cases) cases, \(o.mismatchCount) mismatches"
        if o.mismatchCount > 0 {
            s += " (" + o.failingCounts.filter { $0.count > 0 }.map { "\($0.field) \($0.count)" }.joined(separator: ", ") + ")"
        }
        if o.timeouts > 0 { s += ", \(o.timeouts) timeouts" }
        s += "\n"
        if !o.firstMismatches.isEmpty {
            s += "first mismatches:\n"
            for m in o.firstMismatches {
                let ins = zip(schema.inputs, m.vector.inputs).map { "\($0.name)=\($1.hex(width: $0.bits))" }.joined(separator: " ")
                let expected = zip(schema.outputs, m.vector.outputs).map { "\($0.name)=\($1.hex(width: $0.bits))" }.joined(separator: " ")
                let got = m.got.map { g in "\(g.field)=\(g.value.map { $0.hex(width: width(g.field)) } ?? "timeout")" }.joined(separator: " ")
                s += "  case \(m.index): in \(ins); expected \(expected); got \(got); failing \(m.failing.joined(separator: ", "))\n"
            }
        }
        return s
    }

    func width(_ field: String) -> Int { schema.field(named: field)?.bits ?? 1 }

    public var json: JSONValue {
        let o = outcome
        func fields(_ list: [VectorField], _ values: [FieldValue]) -> JSONValue {
            .object(zip(list, values).map { ($0.name, .string($1.hex(width: $0.bits))) })
        }
        return .object([
            ("module", .string(module)), ("protocol", .string(protocolSummary)), ("kind", .string(kind)),
            ("operation", .string(schema.operation)), ("vectors", .string(source)),
            ("cases", .int(o.cases)), ("mismatches", .int(o.mismatchCount)), ("timeouts", .int(o.timeouts)),
            ("failing_fields", .object(o.failingCounts.map { ($0.field, .int($0.count)) })),
            ("first_mismatches", .array(o.firstMismatches.map { m in
                .object([("case", .int(m.index)), ("in", fields(schema.inputs, m.vector.inputs)),
                         ("expected", fields(schema.outputs, m.vector.outputs)),
                         ("got", .object(m.got.map { g in (g.field, g.value.map { .string($0.hex(width: width(g.field))) } ?? .null) })),
                         ("failing", .array(m.failing.map { .string($0) }))])
            })),
        ])
    }
}
