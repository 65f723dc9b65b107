import Foundation
import ExactJSON

/// The tensor shapes of a `.safetensors` file, read from its header alone: the 8-byte
/// little-endian header length and the JSON header, never the tensor data.
///
/// ```swift
/// let h = try SafetensorsHeader(contentsOf: "model.safetensors")
/// h.shapes["model.layers.0.self_attn.q_proj.weight"]   // [4096, 4096]
/// ```
public struct SafetensorsHeader: Sendable, Hashable {
    /// Headers above this size (100 MB, the safetensors format's own limit) are refused.
    public static let maxHeaderBytes = 100_000_000

    public let path: String
    /// Every tensor's shape by name (`__metadata__` left out).
    public let shapes: [String: [Int]]

    /// Read the header of the file at `path`.
    public init(contentsOf path: String) throws(WorkloadError) {
        func read(_ count: Int) throws(WorkloadError) -> Data {
            do { return try InputFile.read(path, upTo: count) } catch {
                throw .io(path: path, message: "expected a .safetensors file, found \(error.found)")
            }
        }
        let prefix = try read(8)
        guard prefix.count == 8 else {
            throw .invalid(path: path, field: "header", message: "expected an 8-byte header length, found \(prefix.count) bytes")
        }
        var n: UInt64 = 0
        for i in 0..<8 { n |= UInt64(prefix[prefix.startIndex + i]) << UInt64(8 * i) }
        guard n >= 2, n <= UInt64(Self.maxHeaderBytes) else {
            throw .invalid(path: path, field: "header", message: "expected a header length 2…\(Self.maxHeaderBytes), found \(n)")
        }
        let bytes = try read(8 + Int(n))
        guard bytes.count == 8 + Int(n) else {
            throw .invalid(path: path, field: "header", message: "header length \(n) exceeds the file size \(bytes.count)")
        }
        try self.init(header: bytes.subdata(in: (bytes.startIndex + 8)..<bytes.endIndex), path: path)
    }

    /// Parse the JSON header bytes of the file `path`.
    public init(header: Data, path: String) throws(WorkloadError) {
        self.path = path
        let root: JSONNode
        switch JSONNode.parse(header) {
        case .success(let node): root = node
        case .failure(let issue): throw .invalid(path: path, field: "header", message: issue.message)
        }
        var r = FieldReader()
        var shapes: [String: [Int]] = [:]
        if let obj = r.object(root, at: .root, keys: [], freeForm: true, what: "a JSON object of tensors") {
            for name in obj.keys.sorted() where name != "__metadata__" {
                let at = JSONPath.root.key(name)
                guard let entry = r.object(obj[name], at: at, keys: [], freeForm: true),
                      let dims = r.array(entry, "shape", at: at) else { continue }
                var shape: [Int] = []
                for (i, d) in dims.enumerated() {
                    if let v = r.integer(d, at: at.key("shape").index(i), in: 0...(1 << 40)) { shape.append(v) }
                }
                shapes[name] = shape
            }
        }
        if let issue = r.issues.first { throw .invalid(path: path, field: issue.path.description, message: issue.message) }
        self.shapes = shapes
    }

    /// One GEMM per 2-D tensor, by name: a `[out, in]` weight (PyTorch `nn.Linear`) gives
    /// M = `m`, K = in, N = out.
    public func gemms(m: Int) -> [GEMMShape] {
        shapes.keys.sorted().compactMap { name in
            guard let s = shapes[name], s.count == 2 else { return nil }
            return GEMMShape(name: name, m: m, k: s[1], n: s[0])
        }
    }
}
