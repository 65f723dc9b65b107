import ExactJSON
import Foundation
import Workloads

/// `.safetensors` files: small checkpoints whose header is mutated (header length lies,
/// offsets out of range or overlapping, dtype and shape lies, repeated names, the JSON
/// itself), decoded by `SafetensorsFile(data:path:)` (what the MiniLM loader runs) and every
/// float tensor read. An accepted file must follow the format strictly: its header is exact
/// JSON without repeated names, and the tensors tile the data section without gaps or overlaps.
struct SafetensorsFuzzFamily: FuzzFamily {
    let name = "safetensors"
    static let file = "fuzz.safetensors"

    /// A file of the given header text and `payload` data bytes; `length` lies about the header size.
    static func file(header: String, payload: Int, length: UInt64? = nil) -> [UInt8] {
        let h = Array(header.utf8)
        let n = length ?? UInt64(h.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } + h + (0..<payload).map { UInt8(truncatingIfNeeded: $0 &* 37) }
    }

    static func entry(_ name: String, _ dtype: String, _ shape: [Int], _ begin: Int, _ end: Int) -> String {
        "\"\(name)\": {\"dtype\": \"\(dtype)\", \"shape\": [\(shape.map(String.init).joined(separator: ", "))], \"data_offsets\": [\(begin), \(end)]}"
    }

    func seeds() -> [Data] {
        [Self.file(header: "{" + Self.entry("a.weight", "F32", [2, 3], 0, 24) + ", " + Self.entry("b", "F16", [4], 24, 32) + "}", payload: 32),
         Self.file(header: "{\"__metadata__\": {\"format\": \"pt\"}, " + Self.entry("w", "BF16", [2, 2], 0, 8) + ", "
                   + Self.entry("ids", "I64", [1], 8, 16) + "}", payload: 16),
         Self.file(header: "{" + Self.entry("x", "F64", [1, 2], 0, 16) + "}", payload: 16)].map { Data($0) }
    }

    static let dtypes = ["F32", "F16", "BF16", "F64", "I64", "U8", "F8_E4M3", "f32", "", "Q4"]

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data {
        var b = [UInt8](input)
        switch rng.below(7) {
        case 0, 1:
            // Tensors with lies in dtype, shape and offsets (overlapping, out of range, reversed).
            var entries: [String] = []
            var offset = 0
            for i in 0..<(1 + rng.below(3)) {
                let dtype = rng.pick(Self.dtypes)
                let shape = rng.pick([[2], [2, 2], [], [0], [1, 1, 1], [-1], [1 << 40, 1 << 40], [3]])
                let size = shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue } &* (SafetensorsFile.storageSize(dtype) ?? 4)
                var begin = offset, end = offset &+ size
                switch rng.below(6) {
                case 0: begin = max(0, offset - 2); end = begin &+ size   // overlap
                case 1: end = begin &+ size &+ 1000                      // out of range
                case 2: (begin, end) = (end, begin)                      // reversed
                case 3: begin = -8
                default: break
                }
                entries.append(Self.entry(rng.oneIn(6) ? "t" : "t\(i)", dtype, shape, begin, end))
                offset = max(offset, end)
            }
            let payload = max(0, min(offset + rng.pick([0, 0, 0, -1, 1]), 4096))
            b = Self.file(header: "{" + entries.joined(separator: ", ") + "}", payload: payload)
        case 2:
            // A header length lie.
            guard b.count >= 8 else { fallthrough }
            let lie = rng.pick([0, 1, UInt64(b.count), UInt64(b.count - 8), UInt64(b.count - 7), UInt64(Int.max), UInt64.max, 1 << 40])
            for i in 0..<8 { b[i] = UInt8(truncatingIfNeeded: lie >> (8 * UInt64(i))) }
        case 3:
            // Mutate the header JSON, keeping the length field honest.
            guard b.count >= 8 else { fallthrough }
            var n = 0
            for i in 0..<8 { n |= Int(b[i]) << (8 * i) }
            guard n >= 0, n <= b.count - 8 else { fallthrough }
            let header = [UInt8](JSONMutator.mutate(Data(b[8..<(8 + n)]), &rng))
            let m = UInt64(header.count)
            b = (0..<8).map { UInt8(truncatingIfNeeded: m >> (8 * UInt64($0))) } + header + Array(b[(8 + n)...])
        case 4:
            b = Array(b.prefix(rng.below(b.count + 1)))
        case 5:
            guard !b.isEmpty else { fallthrough }
            b[rng.below(b.count)] ^= UInt8(1) << UInt8(rng.below(8))
        default:
            b += [UInt8](repeating: 0, count: rng.pick([1, 2, 8]))
        }
        return Data(b)
    }

    func check(_ input: Data) -> FuzzVerdict {
        let file: SafetensorsFile
        do { file = try SafetensorsFile(data: input, path: Self.file) } catch { return .judge(errorLines: [error.description], file: Self.file) }
        // Reading every float tensor must not trap.
        for (name, info) in file.tensors.sorted(by: { $0.key < $1.key }) where SafetensorsFile.elementSize(info.dtype) != nil {
            do {
                let values = try file.values(name)
                guard values.count == info.shape.reduce(1, *) else { return .finding("\(name): \(values.count) values for shape \(info.shape)") }
                _ = try? file.matrix(name)
            } catch {
                if case .finding(let why) = FuzzVerdict.judge(errorLines: [error.description], file: Self.file) { return .finding(why) }
            }
        }
        return strictProblem(input, file).map(FuzzVerdict.finding) ?? .accepted
    }

    /// What the format's own rules (the safetensors crate) refuse in an accepted file, or nil.
    func strictProblem(_ input: Data, _ file: SafetensorsFile) -> String? {
        var n = 0
        for i in 0..<8 { n |= Int(input[input.startIndex + i]) << (8 * i) }
        guard case .success = JSONNode.parse(input.subdata(in: (input.startIndex + 8)..<(input.startIndex + 8 + n))) else {
            return "accepted a header that is not exact JSON (a repeated name, a non-JSON number, …)"
        }
        var end = 0
        for info in file.tensors.values.sorted(by: { ($0.dataRange.lowerBound, $0.dataRange.upperBound) < ($1.dataRange.lowerBound, $1.dataRange.upperBound) }) {
            guard info.dataRange.lowerBound == end else {
                return "accepted tensors that \(info.dataRange.lowerBound < end ? "overlap" : "leave a gap") at byte \(info.dataRange.lowerBound)"
            }
            end = info.dataRange.upperBound
        }
        return nil
    }
}
