import ArgumentParser
import Exploration
import Foundation
import Reporting
import Workloads

/// `qarch report merge DIR… --out DIR`: merge the shard reports of one sweep into the
/// report the unsharded run writes (same `results.csv` bytes).
///
/// ```
/// qarch explore S.json --shard 0/2 --out /tmp/s0 && qarch explore S.json --shard 1/2 --out /tmp/s1
/// qarch report merge /tmp/s0 /tmp/s1 --out Reports/S
/// ```
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work with sweep reports.",
        subcommands: [MergeReports.self]
    )
}
