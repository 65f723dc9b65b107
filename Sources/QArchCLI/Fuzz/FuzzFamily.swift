import Foundation

/// One input family of `qarch fuzz`: its seed corpus, a structure-aware mutator, the decode
/// function the CLI uses and a stricter re-validation of what that decoder accepts.
///
/// Adding a family is one file with a type conforming to this protocol plus its name in
/// `FuzzFamilies.all` (Sources/QArchCLI/Fuzz/README.md, "Adding a family").
///
/// ```swift
/// struct TinyFamily: FuzzFamily {
///     let name = "tiny"
///     func seeds() -> [Data] { [Data("{}".utf8)] }
///     func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { JSONMutator.mutate(input, &rng) }
///     func check(_ input: Data) -> FuzzVerdict { .rejected("tiny.json: $: expected …") }
/// }
/// ```
protocol FuzzFamily: Sendable {
    /// The family's name on the command line (`qarch fuzz --family NAME`).
    var name: String { get }
    /// The seed inputs mutation starts from (valid inputs, ideally every shipped example).
    func seeds() -> [Data]
    /// A mutant of `input`.
    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data
    /// Decode `input` as the CLI does and judge the outcome.
    func check(_ input: Data) -> FuzzVerdict
}

/// What decoding one input gave.
enum FuzzVerdict: Equatable, Sendable {
    /// Accepted, and the stricter re-validation agrees.
    case accepted
    /// Refused with this message, which names the file and the place in it.
    case rejected(String)
    /// A finding: an error message without a file name or JSON path, or an accepted input
    /// that the stricter re-validation rejects. The text says which.
    case finding(String)

    /// A rejection judged by its message: every line must name `file` and a place in it
    /// (`file: place: what`); a line without them is a finding.
    static func judge(errorLines lines: [String], file: String) -> FuzzVerdict {
        guard !lines.isEmpty else { return .finding("rejected with no error message") }
        for line in lines {
            let breaks = line.unicodeScalars.contains { "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }
            guard line.hasPrefix(file + ": "), line.dropFirst(file.count + 2).contains(": "), !breaks else {
                return .finding("error without a file name and place: \(line)")
            }
        }
        return .rejected(lines[0])
    }
}

/// Every registered family, in the order `qarch fuzz` runs them.
enum FuzzFamilies {
    static let all: [any FuzzFamily] = [
        DesignFuzzFamily(), SweepSpecFuzzFamily(), WorkloadFuzzFamily(), NpyFuzzFamily(), SafetensorsFuzzFamily(),
        TokenizerFuzzFamily(), ModelConfigFuzzFamily(), ScaleSimConfigFuzzFamily(), ScaleSimTopologyFuzzFamily(),
        PortMapFuzzFamily(),
    ]

    static func named(_ name: String) -> (any FuzzFamily)? { all.first { $0.name == name } }
}
