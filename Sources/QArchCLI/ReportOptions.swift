import ArgumentParser
import ExactJSON
import Reporting

/// The `--json` flag shared by every reporting command (QArchCLI/README.md, "Commands").
struct ReportOptions: ParsableArguments {
    @Flag(name: .long, help: "Print exactly one JSON document on stdout instead of the text output.")
    var json = false

    /// Print the report: the JSON document with `--json`, otherwise the human text.
    /// Both are built lazily so only one is computed.
    func emit(json document: () -> JSONValue, text: () -> String) {
        Console.out(json ? document().render() : text())
    }
}
