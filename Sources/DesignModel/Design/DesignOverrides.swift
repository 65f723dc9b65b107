import ExactJSON
import Foundation

extension Design {
    /// Decode `data` with `overrides` applied first; every problem is thrown, with paths.
    ///
    /// ```swift
    /// let d = try Design.decode(bytes, overrides: [try DesignOverride(parsing: "array.dataflow=ws")])
    /// ```
    public static func decode(_ data: Data, overrides: [DesignOverride]) throws(DesignErrors) -> Design {
        let tree: JSONNode
        switch JSONNode.parse(data) {
        case .failure(let issue): throw DesignErrors([issue])
        case .success(let node): tree = node
        }
        do {
            return try decode(DesignOverride.apply(overrides, to: tree))
        } catch let error as DesignIssue {
            throw DesignErrors([error])
        } catch let error as DesignErrors {
            throw error
        } catch {
            throw DesignErrors([DesignIssue(path: .root, message: "\(error)")])
        }
    }
}
