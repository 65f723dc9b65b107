import Cosim
import Foundation

/// The Yosys executable (`$QARCH_YOSYS`, else `yosys` on `PATH`) and its version line.
///
/// ```swift
/// let y = try Yosys.locate()
/// y.version   // "Yosys 0.23 (git sha1 7ce5011c24b)"
/// ```
public struct Yosys: Sendable {
    public let path: String
    public let version: String

    public static let installHint = "install it: apt-get install yosys"

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CharacterizeProblem) -> Yosys {
        let candidates: [String]
        if let given = environment["QARCH_YOSYS"], !given.isEmpty {
            candidates = [given]
        } else {
            candidates = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/yosys" }
        }
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            let place = environment["QARCH_YOSYS"].map { "at \($0) (QARCH_YOSYS)" } ?? "on PATH"
            throw CharacterizeProblem("yosys: not found \(place); \(installHint)")
        }
        let run = Command.run(path, ["-V"], in: nil)
        guard run.status == 0 else { throw CharacterizeProblem("yosys: \(path) -V failed (exit \(run.status)); \(installHint)") }
        return Yosys(path: path, version: run.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
