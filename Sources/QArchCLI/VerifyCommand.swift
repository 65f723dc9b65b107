import ArgumentParser
import ExactJSON
import Foundation
import MPFRReference
import NumberFormats
import QArchSupport
import Reporting

/// `qarch verify [--format F]… [--op encode|decode|add|mul|fma|dot]… [--samples N]
/// [--seed S] [--jobs N]`: check NumberFormats bit-exactly against MPFR.
///
/// JSON: `{checks: [{format, op, cases, mismatches, first_mismatch}]}`. Exits 1 when any
/// check has a mismatch (after printing the report).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check encode/decode/add/mul/fma/dot bit-exactly against MPFR.",
        discussion: """
            Exhaustive for encode/decode and for pairs of formats of at most 8 bits, \
            sampled for fma and dot. Exits 1 if any check has a mismatch.
            """
    )

    @Option(name: .customLong("format"), help: "An element format to check (repeatable; default: all).")
    var formats: [String] = []

    @Option(name: .customLong("op"), help: "An operation to check: encode, decode, add, mul, fma, dot (repeatable; default: all).")
    var ops: [String] = []

    @Option(parsing: .unconditional, help: "Random cases per sampled check: fma, encode (beside its structured inputs), decode of fp32, add and mul of formats over 8 bits; dot runs samples/20 cases (at least 1) of 1…64 products each.")
    var samples = Verifier.defaultSamples

    @Option(parsing: .unconditional, help: "Seed of the sampled cases.", transform: NumberOption.seed)
    var seed: UInt64 = 1

    @OptionGroup var jobs: JobsOption

    @OptionGroup var report: ReportOptions

    func run() throws {
        let selectedFormats = try formats.isEmpty ? ElementFormat.all : formats.map(FormatName.element)
        let selectedOps = try ops.isEmpty ? VerifyOp.allCases : ops.map(Self.op)
        guard samples >= 1 else { throw CLIError.invalidInput("--samples must be at least 1, found \(samples)") }
        let checks = Verifier.run(formats: selectedFormats, ops: selectedOps, samples: samples, seed: seed, jobs: jobs.count)
        let failing = checks.filter { $0.mismatches > 0 }
        report.emit(json: {
            .object([("checks", .array(checks.map { c in
                .object([("format", .string(c.format)), ("op", .string(c.op)), ("cases", .int(c.cases)),
                         ("mismatches", .int(c.mismatches)),
                         ("first_mismatch", c.firstMismatch.map(JSONValue.string) ?? .null)])
            }))])
        }, text: {
            var table = TextTable(["format", "op", "cases", "mismatches"], rightAligned: [false, false, true, true])
            for c in checks { table.append([c.format, c.op, String(c.cases), String(c.mismatches)]) }
            var lines = [table.render(), ""]
            for c in failing { lines.append("\(c.format) \(c.op): first mismatch: \(c.firstMismatch ?? "?")") }
            lines.append("\(checks.count) checks, \(failing.count) with mismatches")
            return lines.joined(separator: "\n")
        })
        if !failing.isEmpty { throw ExitCode(1) }
    }

    /// The operation named `name`, or a bad value (exit 1) listing the valid names.
    static func op(_ name: String) throws -> VerifyOp {
        guard let op = VerifyOp(rawValue: name) else {
            throw CLIError.invalidInput("unknown op '\(name)'; valid ops: " + VerifyOp.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return op
    }
}
