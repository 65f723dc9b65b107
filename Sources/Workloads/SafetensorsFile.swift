import ExactJSON
import Foundation
import NumberFormats

/// A reader for `.safetensors` files (Hugging Face): an 8-byte little-endian header length,
/// a JSON header mapping tensor names to `{dtype, shape, data_offsets}`, then the data.
///
/// F64, F32, F16 and BF16 tensors are read as Doubles (exactly). Tensors of other dtypes
/// (integers, FP8) may be present; reading their values is an error.
///
/// ```swift
/// let file = try SafetensorsFile(contentsOf: url)
/// file.tensors.keys                     // tensor names
/// let w = try file.matrix("encoder.layer.0.attention.self.query.weight")
/// ```
public struct SafetensorsFile: Sendable {
    /// One tensor's header entry.
    public struct TensorInfo: Sendable, Hashable {
        public let dtype: String
        public let shape: [Int]
        public let dataRange: Range<Int>
    }

    public let path: String
    public let tensors: [String: TensorInfo]
    let data: Data
    let dataStart: Int

    /// Read and validate a file; throws `WorkloadError` with the file and JSON path on bad input.
    public init(contentsOf url: URL) throws(WorkloadError) {
        let bytes: Data
        do { bytes = try InputFile.read(url.path) } catch { throw .io(path: url.path, message: "expected a .safetensors file, found \(error.found)") }
        try self.init(data: bytes, path: url.path)
    }

    /// Parse in-memory file contents.
    public init(data bytes: Data, path: String) throws(WorkloadError) {
        self.path = path
        guard bytes.count >= 8 else { throw .invalid(path: path, field: "header", message: "expected an 8-byte header length, found \(bytes.count) bytes") }
        var n: UInt64 = 0
        for i in 0..<8 { n |= UInt64(bytes[bytes.startIndex + i]) << UInt64(8 * i) }
        guard n <= UInt64(bytes.count - 8) else {
            throw .invalid(path: path, field: "header", message: "header length \(n) exceeds the file size \(bytes.count)")
        }
        let headerEnd = 8 + Int(n)
        let headerData = bytes.subdata(in: (bytes.startIndex + 8)..<(bytes.startIndex + headerEnd))
        guard let object = try? JSONSerialization.jsonObject(with: headerData), let header = object as? [String: Any] else {
            throw .invalid(path: path, field: "header", message: "expected a JSON object")
        }
        // The exact reader refuses what Foundation's lets through: a repeated tensor name.
        if case .failure(let issue) = JSONNode.parse(headerData) {
            throw .invalid(path: path, field: "header" + (issue.path.components.isEmpty ? "" : ".\(issue.path)"), message: issue.message)
        }
        var infos: [String: TensorInfo] = [:]
        let payload = bytes.count - headerEnd
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any] else { throw .invalid(path: path, field: name, message: "expected an object") }
            guard let dtype = entry["dtype"] as? String else { throw .invalid(path: path, field: "\(name).dtype", message: "expected a string") }
            guard let shape = entry["shape"] as? [Int], shape.allSatisfy({ $0 >= 0 }) else {
                throw .invalid(path: path, field: "\(name).shape", message: "expected an array of non-negative integers")
            }
            guard let offsets = entry["data_offsets"] as? [Int], offsets.count == 2, offsets[0] >= 0,
                  offsets[0] <= offsets[1], offsets[1] <= payload else {
                throw .invalid(path: path, field: "\(name).data_offsets", message: "expected [begin, end] within the \(payload)-byte data section")
            }
            guard let size = Self.storageSize(dtype) else {
                throw .invalid(path: path, field: "\(name).dtype", message: "expected a safetensors dtype, found \(dtype)")
            }
            let (count, overflow) = shape.reduce((1, false)) { acc, d in
                let (p, o) = acc.0.multipliedReportingOverflow(by: d)
                return (p, acc.1 || o)
            }
            guard !overflow, count.multipliedReportingOverflow(by: size) == (offsets[1] - offsets[0], false) else {
                throw .invalid(path: path, field: "\(name).data_offsets", message: "byte length does not match shape \(shape) of \(dtype)")
            }
            infos[name] = TensorInfo(dtype: dtype, shape: shape, dataRange: offsets[0]..<offsets[1])
        }
        // As the safetensors crate requires: the tensors tile the data section, without gaps or overlaps.
        var end = 0
        for (name, info) in infos.sorted(by: { ($0.value.dataRange.lowerBound, $0.value.dataRange.upperBound, $0.key)
                                              < ($1.value.dataRange.lowerBound, $1.value.dataRange.upperBound, $1.key) }) {
            guard info.dataRange.lowerBound == end else {
                throw .invalid(path: path, field: "\(name).data_offsets", message: info.dataRange.lowerBound < end
                    ? "expected a range apart from the other tensors', found [\(info.dataRange.lowerBound), \(info.dataRange.upperBound)] overlapping bytes before \(end)"
                    : "expected the tensor to start at byte \(end), after the previous one, found a gap up to \(info.dataRange.lowerBound)")
            }
            end = info.dataRange.upperBound
        }
        guard end == payload else {
            throw .invalid(path: path, field: "data", message: "expected \(end) bytes of tensor data, found \(payload)")
        }
        tensors = infos
        data = bytes
        dataStart = headerEnd
    }

    public static func elementSize(_ dtype: String) -> Int? {
        switch dtype { case "F64": return 8; case "F32": return 4; case "F16", "BF16": return 2; default: return nil }
    }

    /// Bytes per element of every safetensors dtype, so a file that also holds integer
    /// tensors (e.g. BERT's `embeddings.position_ids`, I64) opens; only float tensors are read.
    public static func storageSize(_ dtype: String) -> Int? {
        switch dtype {
        case "BOOL", "U8", "I8", "F8_E4M3", "F8_E5M2": return 1
        case "U16", "I16": return 2
        case "U32", "I32": return 4
        case "U64", "I64": return 8
        default: return elementSize(dtype)
        }
    }

    /// The tensor's values as Doubles, row-major.
    public func values(_ name: String) throws(WorkloadError) -> [Double] {
        guard let info = tensors[name] else { throw .invalid(path: path, field: name, message: "no such tensor") }
        guard let size = Self.elementSize(info.dtype) else {
            throw .invalid(path: path, field: "\(name).dtype", message: "expected F64, F32, F16 or BF16, found \(info.dtype)")
        }
        let count = info.dataRange.count / size
        let base = data.startIndex + dataStart + info.dataRange.lowerBound
        var out = [Double](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            for i in 0..<count {
                var bits: UInt64 = 0
                for b in 0..<size { bits |= UInt64(raw[base - data.startIndex + i * size + b]) << UInt64(8 * b) }
                switch info.dtype {
                case "F64": out[i] = Double(bitPattern: bits)
                case "F32": out[i] = Double(Float(bitPattern: UInt32(bits)))
                case "F16": out[i] = ElementFormat.fp16.decode(UInt32(bits))
                default: out[i] = ElementFormat.bf16.decode(UInt32(bits))
                }
            }
        }
        return out
    }

    /// A 2-D tensor as a matrix (1-D tensors become one row).
    public func matrix(_ name: String) throws(WorkloadError) -> Matrix {
        let v = try values(name)
        let shape = tensors[name]?.shape ?? []
        let (rows, cols) = shape.count == 2 ? (shape[0], shape[1]) : (1, v.count)
        guard shape.count <= 2, let m = Matrix(rows: rows, cols: cols, storage: v) else {
            throw .invalid(path: path, field: "\(name).shape", message: "expected a 1-D or 2-D tensor, found \(shape)")
        }
        return m
    }
}
