import ArgumentParser
import Foundation

/// `--jobs N`, the worker threads of every command that runs in parallel (explore, verify,
/// bench): an integer 1…1024, by default the number of cores (at most 1024). A value
/// outside the range is a bad value (exit 1) that names the range; results never depend
/// on it.
///
/// ```
/// $ qarch verify --jobs 0
/// qarch: error: The value '0' is invalid for '--jobs <jobs>': expected an integer 1…1024 (see 'qarch verify --help')
/// ```
struct JobsOption: ParsableArguments {
    /// The accepted thread counts.
    static let range = 1...1024

    @Option(name: .long, parsing: .unconditional,
            help: "Worker threads, 1…1024 (default: the number of cores). Results do not depend on it.",
            transform: { try NumberOption.integer($0, in: JobsOption.range) })
    var jobs: Int?

    /// The thread count: `--jobs`, or the number of cores clamped to the range.
    var count: Int { jobs ?? min(max(Self.range.lowerBound, ProcessInfo.processInfo.activeProcessorCount), Self.range.upperBound) }
}
