import ExactJSON
import TensorEngine

/// `Designs/schema.json`, generated: the JSON Schema of a design document. The `unit`
/// section comes from `UnitRegistry` (one `if`/`then` variant per kind, with its fields'
/// schemas and `paper_pe`); the other sections spell out the rules `Design.decode` applies.
/// `qarch schema` prints it, and a test fails when the committed file differs.
///
/// ```swift
/// try DesignSchema.text.write(toFile: "Designs/schema.json", atomically: true, encoding: .utf8)
/// ```
public enum DesignSchema {
    /// The schema as committed: expanded JSON, two spaces per level, a final newline.
    public static var text: String { document.renderExpanded() + "\n" }

    /// The schema document.
    public static var document: JSONValue {
        .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://quantarch.invalid/schema/design-v1.json")),
            ("title", .string("QuantArch design (schema version \(Design.schemaVersion))")),
            ("description", .string("An accelerator design for qarch: technology, one arithmetic unit replicated over an array, "
                + "memories, DRAM, cost overrides and the source of every constant. `qarch validate` applies these rules and a "
                + "few more (unique memory names; `sources` keys must name fields of the design).")),
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", strings(["schema_version", "name", "technology", "unit", "array", "memories", "dram"])),
            ("properties", .object([
                ("$schema", .object([("type", .string("string")), ("description", .string("Path or URL of this schema, for editors."))])),
                ("schema_version", .object([("const", .int(Design.schemaVersion)),
                                            ("description", .string("Schema version; must be \(Design.schemaVersion)."))])),
                ("name", .object([("type", .string("string")), ("minLength", .int(1)),
                                  ("description", .string("Short identifier, e.g. mixpe-w4a8; printable characters only (no newline, "
                                      + "tab or other control or format character, which would break the text tables).")),
                                  ("pattern", .string(printablePattern))])),
                ("description", .object([("type", .string("string")), ("description", .string("One or two sentences for humans."))])),
                ("technology", technology),
                ("unit", unit),
                ("array", array),
                ("memories", memories),
                ("dram", dram),
                ("cost", cost),
                ("cost_overrides", costOverrides),
                ("sources", .object([
                    ("type", .string("object")),
                    ("description", .string("Field path (technology.node_nm, memories[0].size_kib, or a parent such as array) → citation.")),
                    ("additionalProperties", .object([("type", .string("string")), ("minLength", .int(1))])),
                ])),
            ])),
        ])
    }

    /// `unit`: the kind names, then per kind the fields it allows and requires.
    static var unit: JSONValue {
        let variants: [JSONValue] = UnitRegistry.kinds.map { kind in
            let name: JSONValue = .object([("const", .string(kind.name))])
            let fields = kind.fields + [PublishedPE.field.info]
            return .object([
                ("if", .object([("properties", .object([("kind", name)])), ("required", strings(["kind"]))])),
                ("then", .object([
                    ("properties", .object([("kind", name)] + fields.map { ($0.key, $0.schema) })),
                    ("required", strings(["kind"] + fields.filter(\.isRequired).map(\.key))),
                    ("additionalProperties", .bool(false)),
                ])),
            ])
        }
        return .object([
            ("type", .string("object")), ("required", strings(["kind"])),
            ("description", .string("The PE's arithmetic unit; the allowed fields depend on kind.")),
            ("properties", .object([("kind", .object([("enum", strings(UnitRegistry.kinds.map { $0.name }))]))])),
            ("allOf", .array(variants)),
        ])
    }

    /// A name: no control, format or line/paragraph separator character (`FieldReader.firstUnprintable`).
    static let printablePattern = "^[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+$"

    static var technology: JSONValue {
        closedObject(required: ["node_nm", "voltage_v", "frequency_mhz"], properties: [
            ("node_nm", number(Technology.nodeNmRange, "Process node in nm, 1…1000.")),
            ("voltage_v", number(Technology.voltageVRange, "Supply voltage in V, 0.1…5.")),
            ("frequency_mhz", number(Technology.frequencyMHzRange, "Clock in MHz, 1…100000 (1 MHz to 100 GHz).")),
        ])
    }

    static var array: JSONValue {
        let dimension = 1...Design.maxDimension
        let tile = closedObject(required: ["m", "n", "k"], description: "Tensor-core instruction shape (dot-tree and lut-tile only).",
                                properties: ["m", "n", "k"].map { ($0, integer(dimension, "Tile \($0.uppercased()).")) })
        let bits = PEPacking.bitsRange
        let packing = closedObject(required: ["activation_bits", "weight_bits"],
                                   description: "A precision-scalable PE (systolic, units \(Design.packableKindNames)): ⌊activation_bits / max(a, min_lane_bits)⌋ · ⌊weight_bits / max(w, min_lane_bits)⌋ products of the unit's a-bit activations and w-bit weights per cycle.",
                                   properties: [
            ("activation_bits", integer(bits, "The widest activation the PE multiplies, at least the unit's.")),
            ("weight_bits", integer(bits, "The widest weight the PE multiplies, at least the unit's.")),
            ("min_lane_bits", integer(bits, "The narrowest lane the multiplier splits into (default 1).")),
        ])
        guard case .object(var members) = closedObject(required: ["kind", "rows", "cols"], properties: [
            ("kind", names(ArraySpec.Kind.allCases.map(\.rawValue), "Systolic array, or a tensor-core kind with a tile.")),
            ("rows", integer(dimension, "PE rows.")),
            ("cols", integer(dimension, "PE columns.")),
            ("dataflow", names(Dataflow.allCases.map(\.rawValue), "Output/weight/input stationary (required for systolic; default os).")),
            ("tile", tile),
            ("packing", packing),
        ]) else { return .null }
        members.append(("allOf", .array([.object([
            ("if", .object([("properties", .object([("kind", .object([("const", .string(ArraySpec.Kind.systolic.rawValue))]))]))])),
            ("then", .object([("required", strings(["dataflow"])), ("not", .object([("required", strings(["tile"]))]))])),
            ("else", .object([("required", strings(["tile"]))])),
        ])])))
        return .object(members)
    }

    static var memories: JSONValue {
        let dimension = 1...Design.maxDimension
        let access = MemorySpec.accessPJRange
        let energy: JSONValue = .object([
            ("description", .string("pJ per access (1e-6…1e6), or \"model\" for the cost model's SRAM fit.")),
            ("oneOf", .array([.object([("type", .string("number")), ("minimum", decimal(access.lowerBound)),
                                       ("maximum", decimal(access.upperBound))]),
                              .object([("const", .string("model"))])])),
        ])
        let item = closedObject(
            required: ["name", "operand", "size_kib", "banks", "width_bits", "double_buffered", "read_pj", "write_pj"],
            properties: [
                ("name", .object([("type", .string("string")), ("minLength", .int(1)), ("pattern", .string(printablePattern)),
                                  ("description", .string("Unique among the memories; printable characters only."))])),
                ("operand", names(MemorySpec.Operand.allCases.map(\.rawValue), "a = activations, b = weights, c = outputs.")),
                ("size_kib", integer(MemorySpec.sizeKiBRange, "Capacity in KiB.")),
                ("banks", integer(dimension, "Number of banks.")),
                ("width_bits", integer(dimension, "Bits per bank access.")),
                ("double_buffered", .object([("type", .string("boolean"))])),
                ("read_pj", energy),
                ("write_pj", energy),
            ])
        return .object([("type", .string("array")), ("description", .string("On-chip buffers (names unique).")), ("items", item)])
    }

    static var dram: JSONValue {
        closedObject(required: ["bytes_per_cycle", "read_pj_per_bit", "write_pj_per_bit"], properties: [
            ("bytes_per_cycle", integer(DRAMSpec.bytesPerCycleRange, "Channel bandwidth per design clock cycle.")),
            ("read_pj_per_bit", number(DRAMSpec.pjPerBitRange, "Read energy, pJ per bit, 1e-6…10000.")),
            ("write_pj_per_bit", number(DRAMSpec.pjPerBitRange, "Write energy, pJ per bit, 1e-6…10000.")),
        ])
    }

    /// `cost`: the footing (`CostFooting`) every component is priced on.
    static var cost: JSONValue {
        closedObject(required: [], description: "How the design is priced (default: the synthesized footing).", properties: [
            ("library", names(CostFooting.allCases.map(\.rawValue),
                              "The cost footing: synthesized (default; the Yosys/NanGate 45 nm primitives of Data/synthesized-45nm.json), "
                              + "horowitz (Horowitz ISSCC 2014 45 nm with ActionCostTable ratios) or paper (the published PE figure of "
                              + "cost_overrides.pe or unit.paper_pe; refused without one). unit.paper_pe and cost_overrides.pe price the "
                              + "PE on paper only; memories and DRAM are the same on every footing.")),
        ])
    }

    static var costOverrides: JSONValue {
        let energy = number(CostOverride.energyPJRange, "Energy per action (per cycle for a component), pJ, 1e-6…1e9.")
        let area = number(CostOverride.areaUm2Range, "Area, µm², 1e-6…1e12.")
        let source: JSONValue = .object([("type", .string("string")), ("minLength", .int(1))])
        let entry: JSONValue = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", strings(["source"])),
            ("anyOf", .array([.object([("required", strings(["energy_pj"]))]), .object([("required", strings(["area_um2"]))])])),
            ("properties", .object([("energy_pj", energy), ("area_um2", area), ("source", source)])),
        ])
        let figureKeys = ["energy_pj", "energy_from", "area_um2", "area_from"]
        let pe: JSONValue = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", strings(["source"])),
            ("description", .string("The PE's energy per cycle and area: numbers, or the published PE (PaperPETable) each is taken "
                + "from by name, so a design repeats no published figure.")),
            ("anyOf", .array(figureKeys.map { .object([("required", strings([$0]))]) })),
            ("not", .object([("anyOf", .array([.object([("required", strings(["energy_pj", "energy_from"]))]),
                                               .object([("required", strings(["area_um2", "area_from"]))])]))])),
            ("properties", .object([
                ("energy_pj", energy), ("area_um2", area),
                ("energy_from", names(PublishedPE.allCases.map(\.rawValue),
                                       "The published PE whose energy per cycle (as quoted, to 0.001 pJ) this PE takes.")),
                ("area_from", names(PublishedPE.allCases.filter(\.publishesArea).map(\.rawValue),
                                     "The published PE whose area this PE takes (MixPE's rows publish none).")),
                ("source", source),
            ])),
        ])
        return .object([
            ("type", .string("object")),
            ("description", .string("Action or component name → energy/area replacing the default tables; each needs a source.")),
            ("properties", .object([("pe", pe)])),
            ("additionalProperties", entry),
        ])
    }

    /// An object with exactly `properties`, `required` of them required.
    static func closedObject(required: [String], description: String? = nil, properties: [(String, JSONValue)]) -> JSONValue {
        .object([("type", .string("object")), ("additionalProperties", .bool(false)), ("required", strings(required))]
                + (description.map { [("description", JSONValue.string($0))] } ?? [])
                + [("properties", .object(properties))])
    }

    /// A number in `range`.
    static func number(_ range: ClosedRange<Double>, _ description: String) -> JSONValue {
        .object([("type", .string("number")), ("description", .string(description)), ("minimum", decimal(range.lowerBound)),
                 ("maximum", decimal(range.upperBound))])
    }

    /// `x` written as an integer when it is one (`5`, not `5.0`).
    static func decimal(_ x: Double) -> JSONValue {
        x == x.rounded() && abs(x) < 1e15 ? .int(Int(x)) : .number(x)
    }

    /// An integer in `range`.
    static func integer(_ range: ClosedRange<Int>, _ description: String) -> JSONValue {
        .object([("type", .string("integer")), ("minimum", .int(range.lowerBound)), ("maximum", .int(range.upperBound)),
                 ("description", .string(description))])
    }

    /// One of the strings `list`.
    static func names(_ list: [String], _ description: String) -> JSONValue {
        .object([("enum", strings(list)), ("description", .string(description))])
    }

    static func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
}
