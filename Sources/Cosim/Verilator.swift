import Foundation

/// The Verilator executable (`$QARCH_VERILATOR`, else `verilator` on `PATH`) and the
/// commands qarch runs with it.
///
/// ```swift
/// let v = try Verilator.locate()   // CosimProblem "verilator: not found on PATH; install it: apt-get install verilator" when absent
/// v.version                         // "Verilator 5.006 2023-01-22 rev (Debian 5.006-3)"
/// ```
public struct Verilator: Sendable {
    public let path: String
    public let version: String

    public static let installHint = "install it: apt-get install verilator (Debian/Ubuntu), or see https://verilator.org"

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CosimProblem) -> Verilator {
        var candidates: [String] = []
        if let given = environment["QARCH_VERILATOR"], !given.isEmpty {
            candidates = [given]
        } else {
            candidates = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/verilator" }
        }
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            let place = environment["QARCH_VERILATOR"].map { "at \($0) (QARCH_VERILATOR)" } ?? "on PATH"
            throw CosimProblem("verilator: not found \(place); \(installHint)")
        }
        let run = Command.run(path, ["--version"], in: nil)
        guard run.status == 0 else { throw CosimProblem("verilator: \(path) --version failed (exit \(run.status)); \(installHint)") }
        return Verilator(path: path, version: run.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
