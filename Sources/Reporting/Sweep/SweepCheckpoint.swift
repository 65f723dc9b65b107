import Exploration
import Foundation
import Workloads

/// The completed point ranges of an `explore --resume` run, kept in a hidden folder beside
/// the report folder (`.<name>.qarch-partial/<key>/`), so an interrupted sweep continues
/// where it stopped and gives the bytes of an uninterrupted run.
///
/// The selected points are cut into at most `rangeCount` ranges; each finished range is
/// written (atomically, `OutputFile`) as a `results.json`-format file, `range-<i>.json`.
/// A resumed run reads the ranges whose file is whole and names the same points, evaluates
/// the others, and the caller writes the report from all records and then `remove()`s the
/// folder. The key holds the spec's fingerprint and the shard, so another spec or shard
/// never reuses a range.
///
/// ```swift
/// let checkpoint = SweepCheckpoint(report: "Reports/small", spec: spec, shard: nil)
/// let records = try checkpoint.run(points, runner: runner, errorSource: source) { done, total in … }
/// try SweepReport.write(result, to: "Reports/small", inputs: inputs)
/// checkpoint.remove()
/// ```
public struct SweepCheckpoint: Sendable {
    /// The most ranges a sweep is cut into.
    public static let rangeCount = 64

    /// The hidden folder beside the report holding every checkpoint of it.
    public let root: String
    /// This spec's and shard's subfolder of `root`.
    public let folder: String
    let spec: SweepSpec
    let shard: SweepResult.Shard?

    public init(report: String, spec: SweepSpec, shard: SweepResult.Shard?) {
        let url = URL(fileURLWithPath: report).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        root = (parent == "/" ? "" : parent) + "/.\(url.lastPathComponent).qarch-partial"
        folder = root + "/" + spec.fingerprint + (shard.map { "-shard-\($0.index)-of-\($0.count)" } ?? "")
        self.spec = spec
        self.shard = shard
    }

    /// The records of `points`: each range read from its checkpoint file when it holds the
    /// range's points with `errorSource` (and `modelSource`), otherwise evaluated by `runner` and saved.
    /// `progress(done, total)` counts points, read or evaluated.
    public func run(_ points: [Int], runner: SweepRunner, errorSource: String, modelSource: String? = nil,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws(OutputProblem) -> [SweepRecord] {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw OutputProblem(path: folder, reason: "cannot create the checkpoint folder (\(error.localizedDescription))")
        }
        let size = max(1, (points.count + Self.rangeCount - 1) / Self.rangeCount)
        var records: [SweepRecord] = []
        var done = 0
        for (i, start) in stride(from: 0, to: points.count, by: size).enumerated() {
            let range = Array(points[start..<min(points.count, start + size)])
            let file = folder + "/range-\(i).json"
            if let saved = saved(file, points: range, errorSource: errorSource, modelSource: modelSource) {
                records += saved
            } else {
                let before = done
                let fresh = runner.run(range) { d, _ in progress?(before + d, points.count) }
                let piece = SweepResult(spec: spec, shard: shard, records: fresh, errorSource: errorSource, modelSource: modelSource)
                try OutputFile.write(Data(SweepJSON.render(piece).utf8), to: file)
                records += fresh
            }
            done += range.count
            progress?(done, points.count)
        }
        return records
    }

    /// The records of a checkpoint file that holds exactly `points`, or nil.
    func saved(_ file: String, points: [Int], errorSource: String, modelSource: String? = nil) -> [SweepRecord]? {
        guard FileManager.default.fileExists(atPath: file), let data = try? InputFile.read(file),
              let piece = try? SweepJSON.read(data, file: file), piece.errorSource == errorSource,
              piece.modelSource == modelSource, piece.fingerprint == spec.fingerprint else { return nil }
        var seen: [Int] = []
        for r in piece.records where seen.last != r.point { seen.append(r.point) }
        guard seen == points else { return nil }
        return piece.records.map { var r = $0; r.pareto = false; return r }
    }

    /// Remove this report's checkpoints (after the report is written).
    public func remove() { try? FileManager.default.removeItem(atPath: root) }
}
