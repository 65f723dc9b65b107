import ArgumentParser
import NumberFormats
import QArchSupport
import Workloads

/// `qarch formats quantize <format> [--rounding R] [--overflow O] [--seed S] <values…>`
/// (or `--input x.npy`): round each value to an element format, or quantize the vector in
/// blocks of a block format.
///
/// JSON for element formats: an array of `{input, code, value}`; NaN and ±Inf inputs are
/// encoded by the format's own rules, and a 2-D `.npy` input is taken in row-major order.
/// For block formats see `BlockQuantization`.
struct QuantizeValues: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Round values to a format: code and decoded value of each.",
        discussion: """
            Values are decimal or hexadecimal numbers, or nan, inf, -inf, each read as the \
            nearest Double; negative values may be given directly (-2.5) or after '--'. Rounding rules: \
            \(RoundingRule.allCases.map(\.rawValue).joined(separator: ", ")) (stochastic needs --seed). \
            Overflow: \(OverflowPolicy.allCases.map(\.rawValue).joined(separator: ", ")). \
            Without --rounding/--overflow the format's defaults apply (block formats: \
            nearest-even, saturate). Block formats quantize each row (the values, or each \
            row of a 2-D .npy) in blocks; row r of a stochastic run uses seed S + r.
            """
    )

    @Argument(help: "The format, e.g. e2m1, e4m3, hif8, int8, mxfp4, nvfp4 (see 'qarch formats list').")
    var format: String

    @Option(help: "Rounding rule (default: the format's own, nearest-even for most, nearest-away for hif8).")
    var rounding: String?

    @Option(help: "Overflow policy: saturate or inf (default: the format's own).")
    var overflow: String?

    @Option(parsing: .unconditional, help: "Seed of the random draws for --rounding stochastic.", transform: NumberOption.seed)
    var seed: UInt64?

    @Option(help: "Read the values from a .npy file (float32/float64, little-endian, C order, 1-D or 2-D).")
    var input: String?

    @OptionGroup var report: ReportOptions

    @Argument(parsing: .allUnrecognized, help: "The values to quantize.")
    var values: [String] = []

    func run() throws {
        let named = try FormatName.any(format)
        let rule = try rounding.map(Self.roundingRule)
        let policy = try overflow.map(Self.overflowPolicy)
        if rule?.isStochastic == true && seed == nil {
            throw CLIError.usage("--rounding stochastic needs --seed S")
        }
        let rows = try readRows()
        switch named {
        case .element(let f):
            quantize(rows.flatMap { $0 }, to: f, rule: rule ?? f.defaultRounding, overflow: policy ?? f.defaultOverflow)
        case .block(let b):
            var options = BlockQuantizationOptions()
            if let rule { options.rounding = rule }
            if let policy { options.overflow = policy }
            options.seed = seed ?? 0
            let result = BlockQuantization(format: b, rows: rows, options: options)
            report.emit(json: { result.json }, text: { result.text })
        }
    }

    /// Round each input to the element format `f`: JSON `[{input, code, value}]`.
    func quantize(_ inputs: [Double], to f: ElementFormat, rule: RoundingRule, overflow policy: OverflowPolicy) {
        var rng = SplitMix64(seed: seed ?? 0)
        let codes = inputs.map { x in
            rule.isStochastic ? f.encode(x, rule: rule, overflow: policy, using: &rng) : f.encode(x, rule: rule, overflow: policy)
        }
        report.emit(json: {
            .array(zip(inputs, codes).map { x, c in
                .object([("input", .number(x)), ("code", .int(Int(c))), ("value", .number(f.decode(c)))])
            })
        }, text: {
            var table = TextTable(["input", "code", "bits", "value"], rightAligned: [true, false, false, true])
            for (x, c) in zip(inputs, codes) {
                table.append([RoundTripText.format(x), NumberText.hexCode(c, bits: f.bits),
                              NumberText.binaryCode(c, bits: f.bits), RoundTripText.format(f.decode(c))])
            }
            return "\(f.name): rounding \(rule.rawValue), overflow \(policy.rawValue)\n" + table.render()
        })
    }

    /// The input rows: the command-line values as one row, or the rows of `--input`
    /// (a 1-D array is one row). Exactly one of the two must be given.
    func readRows() throws -> [[Double]] {
        if let path = input {
            guard values.isEmpty else { throw CLIError.usage("give values or --input, not both") }
            let array = try CLIError.reading { () throws(WorkloadError) in try NpyFile.read(path: path) }
            guard array.shape.count == 2 else { return [array.values] }
            let (rows, columns) = (array.shape[0], array.shape[1])
            return (0..<rows).map { r in Array(array.values[r * columns..<(r + 1) * columns]) }
        }
        // `.allUnrecognized` keeps a `--` terminator among the values; it only ends options.
        var texts = values
        if let terminator = texts.firstIndex(of: "--") { texts.remove(at: terminator) }
        guard !texts.isEmpty else { throw CLIError.usage("no values: give values to quantize or --input x.npy") }
        return [try texts.map { text in
            if let x = NumberText.parse(text) { return x }
            if text.hasPrefix("-") { throw CLIError.usage("unknown option '\(text)'") }
            throw CLIError.invalidInput("'\(text)' is not a number (expected e.g. 2.5, -1e-3, 0x1p-4, nan, inf, -inf)")
        }]
    }

    /// The rounding rule named `name`, or a bad value (exit 1) listing the valid names.
    static func roundingRule(_ name: String) throws -> RoundingRule {
        guard let rule = RoundingRule(rawValue: name) else {
            throw CLIError.invalidInput("unknown rounding rule '\(name)'; valid rules: "
                + RoundingRule.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return rule
    }

    /// The overflow policy named `name`, or a bad value (exit 1) listing the valid names.
    static func overflowPolicy(_ name: String) throws -> OverflowPolicy {
        guard let policy = OverflowPolicy(rawValue: name) else {
            throw CLIError.invalidInput("unknown overflow policy '\(name)'; valid policies: "
                + OverflowPolicy.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return policy
    }
}
