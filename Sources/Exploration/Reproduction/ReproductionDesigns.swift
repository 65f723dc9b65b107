import CostModel
import DesignModel
import ExactJSON
import Foundation
import Workloads

/// The designs a reproduction study evaluates: a design file from `Designs/` with
/// `path=value` overrides (exactly `qarch evaluate --set`), validated like any file, plus
/// one sentence saying how the published design is modelled. With a `footing`, every
/// design is loaded on it (`cost.library`, set after the study's own overrides), so one
/// study can be priced on the synthesized, Horowitz and paper footings in turn.
///
/// ```swift
/// let lib = ReproductionDesigns(directory: URL(fileURLWithPath: "Designs"))
/// let ant = try lib.load("mixpe-w4a8.json", set: ["name=ant-like", "array.rows=32", "array.cols=32"],
///                        modelled: "ANT on the artifact's 32×32 (8,4) array")
/// ant.design.array.rows   // 32
/// try lib.on(.paper).load("mixpe-w4a8.json").design.costLibrary   // .paper
/// ```
public struct ReproductionDesigns: Sendable {
    /// The folder holding the design JSON files (normally `Designs/`).
    public var directory: URL

    /// The footing every loaded design is priced on; nil keeps each file's own `cost.library`.
    public var footing: CostFooting?

    public init(directory: URL, footing: CostFooting? = nil) {
        self.directory = directory
        self.footing = footing
    }

    /// The same folder with every design loaded on `footing`.
    public func on(_ footing: CostFooting) -> ReproductionDesigns { ReproductionDesigns(directory: directory, footing: footing) }

    /// A loaded design and how it stands in for the published one.
    public struct Modelled: Sendable {
        public var design: Design
        /// The label used in the tables, e.g. "ANT".
        public var label: String
        /// How the published design is modelled (file, overrides, assumptions).
        public var modelled: String
    }

    /// Load `file` with `overrides` (`path=value`; JSON values are parsed as JSON).
    public func load(_ file: String, label: String = "", set overrides: [String] = [], modelled: String = "")
        throws(ReproductionError) -> Modelled {
        let url = directory.appendingPathComponent(file)
        let data: Data
        do { data = try InputFile.readJSON(url.path) } catch {
            throw .design(file: url.path, message: "expected a readable design file, found \(error.found)")
        }
        var parsed: [DesignOverride] = []
        for text in overrides {
            do { parsed.append(try DesignOverride(parsing: text)) } catch {
                throw .design(file: url.path, message: "override '\(text)': \(error.message)")
            }
        }
        if let footing { parsed.append(DesignOverride(path: JSONPath([.key("cost"), .key("library")]), value: .string(footing.rawValue))) }
        do {
            let design = try Design.decode(data, overrides: parsed)
            let how = overrides.isEmpty ? "Designs/\(file) as is" : "Designs/\(file) with " + overrides.map { "`\($0)`" }.joined(separator: ", ")
            return Modelled(design: design, label: label.isEmpty ? design.name : label,
                            modelled: modelled.isEmpty ? how : "\(modelled) (\(how))")
        } catch {
            throw .design(file: url.path, message: error.issues.map { "\($0.path): \($0.message)" }.joined(separator: "; "))
        }
    }

    /// The cost of `design` on `workload`, errors wrapped with both names.
    public static func evaluate(_ design: Design, on workload: Workload) throws(ReproductionError) -> DesignCost {
        do {
            return try CostEvaluator().evaluate(design, on: workload)
        } catch {
            throw .evaluation(design: design.name, workload: workload.name, message: "\(error)")
        }
    }
}
