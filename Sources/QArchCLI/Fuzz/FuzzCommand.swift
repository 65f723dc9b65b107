import ArgumentParser
import Foundation

/// `qarch fuzz [--family NAME] [-n N] [--seed S] [--findings DIR]`: throw seeded,
/// structure-aware mutants of every input family at the decoders the commands use, each
/// family in a child process, and print inputs per second and findings per family
/// (Sources/QArchCLI/Fuzz/README.md). `--replay DIR` decodes the saved reproducers of
/// `DIR/<family>/` instead and fails if any is still a finding.
///
/// ```
/// qarch fuzz -n 10000            # every family, 10^4 inputs each; exit 1 on a finding
/// qarch fuzz --replay Tests/CLITests/Corpus
/// ```
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the input decoders (design, sweep spec, workload, .npy, .safetensors).",
        shouldDisplay: false
    )

    @Option(help: "Fuzz only this family (default: all).")
    var family: String?

    @Option(name: .short, help: "Inputs per family.")
    var n: Int = 10_000

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "The folder findings are saved in.")
    var findings: String = ".build/fuzz-findings"

    @Option(help: "Replay the reproducers in DIR/<family>/ instead of fuzzing.")
    var replay: String?

    @Flag(help: .hidden)
    var child = false

    func run() throws {
        let families = try family.map { name -> [any FuzzFamily] in
            guard let f = FuzzFamilies.named(name) else {
                throw CLIError.invalidInput("--family: expected one of \(FuzzFamilies.all.map(\.name).joined(separator: ", ")), found '\(name)'")
            }
            return [f]
        } ?? FuzzFamilies.all
        guard n >= 0 else { throw CLIError.invalidInput("-n: expected a count ≥ 0, found \(n)") }
        if let replay { return try Self.replay(replay, families) }
        try FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
        if child, let f = families.first {
            FuzzCrashGuard.install(family: f.name, folder: findings)
            let t = FuzzRunner(family: f, seed: seed, folder: findings).run(count: n)
            print("\(t.inputs) \(t.accepted) \(t.rejected) \(t.findings) \(t.seconds)")
            for s in t.saved { print(s) }
            return
        }
        var open = 0
        let width = max(12, families.map(\.name.count).max() ?? 0)
        print("family".padding(toLength: width, withPad: " ", startingAt: 0) + "   inputs   inputs/s   accepted   rejected  findings")
        for f in families {
            let line = try runChild(f)
            open += line.findings
            print(f.name.padding(toLength: width, withPad: " ", startingAt: 0)
                  + String(format: " %8d %10.0f %10d %10d %9d", line.inputs, Double(line.inputs) / max(line.seconds, 1e-9),
                           line.accepted, line.rejected, line.findings))
            for d in line.detail { print("  finding: \(d)") }
        }
        if open > 0 { throw CLIError.invalidInput("fuzz: \(open) finding(s); reproducers in \(findings)/") }
    }

    /// Run `qarch fuzz --child` for one family and read its tally; a crash or hang is one finding.
    func runChild(_ f: any FuzzFamily) throws -> (findings: Int, inputs: Int, accepted: Int, rejected: Int, seconds: Double, detail: [String]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        p.arguments = ["fuzz", "--child", "--family", f.name, "-n", "\(n)", "--seed", "\(seed)", "--findings", findings]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        let start = Date()
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let lines = out.split(separator: "\n").map(String.init)
        let numbers = lines.first?.split(separator: " ").compactMap { Double($0) } ?? []
        guard p.terminationReason == .exit, p.terminationStatus == 0, numbers.count == 5 else {
            let what = p.terminationStatus == FuzzCrashGuard.hangExit ? "a hang over \(FuzzCrashGuard.hangSeconds) s, input in \(findings)/\(f.name)-hang.bin"
                : p.terminationStatus == FuzzCrashGuard.crashExit ? "a crash, input in \(findings)/\(f.name)-crash.bin"
                : "the child exited with status \(p.terminationStatus)"
            return (1, 0, 0, 0, Date().timeIntervalSince(start), [what])
        }
        return (Int(numbers[3]), Int(numbers[0]), Int(numbers[1]), Int(numbers[2]), numbers[4], Array(lines.dropFirst()))
    }

    /// Decode every file of `folder/<family>/` and fail if any is still a finding.
    static func replay(_ folder: String, _ families: [any FuzzFamily]) throws {
        var count = 0
        var open: [String] = []
        for f in families {
            let dir = folder + "/" + f.name
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() {
                guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
                count += 1
                if case .finding(let why) = f.check(data) { open.append("\(dir)/\(name): \(why)") }
            }
        }
        print("replayed \(count) reproducers, \(open.count) findings")
        if !open.isEmpty { throw CLIError.invalidInput(each: open) }
    }
}
