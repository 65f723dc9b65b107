import ArgumentParser
import Foundation

/// The `qarch` command: the root of the CLI (QArchCLI/README.md, "Commands").
///
/// `main()` replaces ArgumentParser's default so that exit codes follow QArchCLI/README.md, "Exit codes and errors":
/// errors in the command's shape (ArgumentParser's validation errors, exit 64 by default, and
/// `qarch help` of an unknown command) exit 2 with a one-line `qarch: error: …`; a value
/// ArgumentParser cannot read or our option parsers refuse (`The value 'x' is invalid for
/// '--m <m>'`) exits 1, like every other bad value; `CLIError`s exit with their own code;
/// help and `--version` print on stdout and exit 0.
@main
struct QArch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qarch",
        abstract: "QuantArch: bit-exact simulator and cost model for quantization accelerators.",
        version: QArchVersion.current,
        subcommands: [FormatsCommand.self, VerifyCommand.self, BenchCommand.self, ValidateCommand.self, GemmCommand.self, EvaluateCommand.self,
                      ExploreCommand.self, ReportCommand.self, ReproduceCommand.self, SchemaCommand.self, WorkloadsCommand.self,
                      VectorsCommand.self, CosimCommand.self, CharacterizeCommand.self, ScaleSimCommand.self,
                      EmbedCommand.self, AccuracyCommand.self, FuzzCommand.self]
    )

    static func main() {
        Console.prepareStreams()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "help" { checkHelpTopic(Array(arguments.dropFirst())) }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as CLIError {
            Console.fail(each: error.messages, code: error.exitCode)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            switch exitCode(for: error) {
            case .success:              // --help, --version and other clean exits
                let text = fullMessage(for: error)
                if !text.isEmpty { Console.write(text + "\n") }
                Foundation.exit(0)
            case .validationFailure:
                let help = "see '\((["qarch"] + subcommandPath(arguments)).joined(separator: " ")) --help'"
                let text = message(for: error)
                // "The value 'x' is invalid for '--m <m>'…": a value ArgumentParser could not read
                // or one of our option parsers refused (exit 1); anything else is the shape (exit 2).
                Console.fail("\(text) (\(help))", code: text.hasPrefix("The value '") ? 1 : 2)
            default:
                Console.fail(message(for: error), code: 1)
            }
        }
    }

    /// `qarch help <command…>`: fail with a usage error (exit 2) unless the words name a
    /// command, e.g. `qarch help formats quantize`.
    static func checkHelpTopic(_ words: [String]) {
        let names = words.filter { !$0.hasPrefix("-") }
        let known = subcommandPath(names)
        guard known.count < names.count else { return }
        let help = "see '\((["qarch"] + known).joined(separator: " ")) --help'"
        Console.fail("unknown command '\(names[known.count])' (\(help))", code: 2)
    }

    /// The leading arguments that name subcommands, e.g. `["formats", "quantize"]`.
    static func subcommandPath(_ arguments: [String]) -> [String] {
        var path: [String] = []
        var current: ParsableCommand.Type = QArch.self
        for argument in arguments {
            guard let next = current.configuration.subcommands
                .first(where: { $0.configuration.commandName == argument || $0._commandName == argument })
            else { break }
            path.append(argument)
            current = next
        }
        return path
    }
}
