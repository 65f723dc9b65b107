import ArgumentParser

/// `qarch workloads`: the built-in model shapes workloads are made of.
struct WorkloadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workloads",
        abstract: "List the built-in workload models and the workload name syntax.",
        subcommands: [ListWorkloads.self]
    )
}
