import Foundation
import Testing

/// Exit codes and error lines (architecture.md §2): 1 for invalid input, 2 for usage,
/// always one `qarch: error: …` line on stderr and nothing on stdout.
@Suite struct ExitCodeTests {
    @Test("usage errors exit 2 with one error line", arguments: [
        "formats quantize xyz 1",
        "formats table nosuchformat",
        "formats table fp32",
        "formats quantize e2m1 --rounding nearest 1",
        "formats quantize e2m1 --overflow wrap 1",
        "formats quantize e2m1 --rounding stochastic 1.3",
        "formats quantize e2m1",
        "formats quantize e2m1 --bogus 1",
        "formats quantize e2m1 -x",
        "verify --op foo",
        "verify --format xyz",
        "verify --samples x",
        "verify --samples 0",
        "verify --jobs 0",
        "nosuchcommand",
        "formats nosuchcommand",
    ])
    func usageErrors(commandLine: String) throws {
        let r = try QArchProcess.run(commandLine)
        #expect(r.exitCode == 2, "\(commandLine): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("qarch: error: "))
    }

    @Test func unknownFormatListsValidNames() throws {
        let r = try QArchProcess.run("formats quantize xyz 1")
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("unknown format 'xyz'"))
        for name in ["e2m1", "e4m3", "hif8", "int8", "bitmod-fp4-er-pos", "mxfp4", "nvfp4"] {
            #expect(r.stderr.contains(name))
        }
    }

    @Test("non-numeric values exit 1", arguments: ["abc", "1.5.2", "2,5", "0x"])
    func nonNumeric(value: String) throws {
        let r = try QArchProcess.run(["formats", "quantize", "e2m1", "1.0", value])
        #expect(r.exitCode == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines == ["qarch: error: '\(value)' is not a number (expected e.g. 2.5, -1e-3, 0x1p-4, nan, inf, -inf)"])
    }

    @Test("values and --input together is a usage error") func valuesAndInput() throws {
        try withTemporaryFile(named: "x.npy", bytes: npyBytes(shape: "(1,)", data: floatBytes([1]))) { path in
            let r = try QArchProcess.run(["formats", "quantize", "e2m1", "--input", path, "2.5"])
            #expect(r.exitCode == 2)
        }
    }

    @Test("--help works on every command", arguments: [
        "--help", "formats --help", "formats list --help", "formats table --help",
        "formats quantize --help", "verify --help", "help formats quantize",
    ])
    func help(commandLine: String) throws {
        let r = try QArchProcess.run(commandLine)
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("USAGE: qarch"))
        #expect(r.stderr.isEmpty)
    }
}
