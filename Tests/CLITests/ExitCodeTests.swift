import Foundation
import Testing

/// Exit codes and error lines (README, "Conventions"; QArchCLI/README.md, "Exit codes and
/// errors"): 2 when the command's shape is wrong, 1 when a value is, always one
/// `qarch: error: …` line on stderr and nothing on stdout.
@Suite struct ExitCodeTests {
    @Test("shape errors exit 2 with one error line", arguments: [
        "formats quantize e2m1 --rounding stochastic 1.3",   // --seed missing
        "formats quantize e2m1",                             // no values
        "formats quantize e2m1 --bogus 1",
        "formats quantize e2m1 -x",
        "formats quantize e2m1 --rounding",                  // option without its value
        "gemm --design Designs/int8-systolic.json --k 2 --n 2",   // --m missing
        "validate",
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

    /// Issue 16 defect 8: a value that is not a number, out of range or names nothing exits 1,
    /// whichever parser refuses it (old main: `--m 0` and `quantize e2m1 abc` exited 1 but
    /// `--rounding foo`, `--jobs 0` and `--seed x` exited 2).
    @Test("value errors exit 1 with one error line", arguments: [
        "formats quantize xyz 1",
        "formats quantize e2m1 abc",
        "formats table nosuchformat",
        "formats table fp32",
        "formats quantize e2m1 --rounding nearest 1",
        "formats quantize e2m1 --rounding foo 1",
        "formats quantize e2m1 --overflow wrap 1",
        "gemm --design Designs/int8-systolic.json --m 0 --k 2 --n 2",
        "gemm --design Designs/int8-systolic.json --m x --k 2 --n 2",
        "gemm --design Designs/int8-systolic.json --m 2 --k 2 --n 2 --seed x",
        "verify --op foo",
        "verify --format xyz",
        "verify --samples x",
        "verify --samples 0",
        "verify --jobs 0",
        "evaluate Designs/int8-systolic.json --workload nope",
    ])
    func valueErrors(commandLine: String) throws {
        let r = try QArchProcess.run(commandLine)
        #expect(r.exitCode == 1, "\(commandLine): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("qarch: error: "))
    }

    @Test func unknownFormatListsValidNames() throws {
        let r = try QArchProcess.run("formats quantize xyz 1")
        #expect(r.exitCode == 1)
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
