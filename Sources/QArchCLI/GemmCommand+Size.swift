import Foundation
import TensorEngine

extension GemmCommand {
    /// Refuses, before anything is allocated, a GEMM beyond 2^62 MACs (`MACLimit`) or one whose
    /// value run would hold more than `maxMemoryGiB` GiB (`ValueRunMemory`), naming the size.
    ///
    /// ```swift
    /// try GemmCommand.checkSize(m: 100_000, k: 1, n: 100_000, maxMemoryGiB: 16)
    /// // throws "GEMM 100000×1×100000 needs about 298 GiB (320006400000 bytes) for A, B, C and their
    /// //         working copies; the limit is 16 GiB (--max-memory)"
    /// ```
    /// The machine's physical memory in bytes (nil when the system does not say).
    static var physicalMemory: Int? {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return nil }
        return pages.multipliedReportingOverflow(by: size).partialValue
    }

    /// Also refuses a value run larger than the machine's memory (`physicalBytes`), whatever
    /// `--max-memory` says.
    static func checkSize(m: Int, k: Int, n: Int, maxMemoryGiB: Double, physicalBytes: Int? = physicalMemory) throws {
        try checkShape(m: m, k: k, n: n)
        try checkBytes(try? ValueRunMemory.bytes(GEMMDims(m: m, k: k, n: n)), of: "GEMM \(m)×\(k)×\(n)",
                       for: "A, B, C and their working copies", maxMemoryGiB: maxMemoryGiB, physicalBytes: physicalBytes)
    }

    /// The same for a streamed value run (`StreamedValueRun`): its panels and C, plus the
    /// whole of an operand that is synthetic rather than a file (32 bytes per element).
    static func checkStreamedSize(_ panels: StreamedValueRun, syntheticA: Bool, syntheticB: Bool, maxMemoryGiB: Double,
                                  physicalBytes: Int? = physicalMemory) throws {
        let d = panels.dims
        try checkShape(m: d.m, k: d.k, n: d.n)
        let bytes = try? { () throws(TensorEngineError) -> Int in
            typealias C = Checked
            var total = try panels.estimateBytes()
            for (synthetic, rows, cols) in [(syntheticA, d.m, d.k), (syntheticB, d.k, d.n)] where synthetic {
                total = try C.add(total, C.mul(C.mul(rows, cols, "value-run bytes"), ValueRunMemory.bytesPerOperandElement, "value-run bytes"),
                                  "value-run bytes")
            }
            return total
        }()
        try checkBytes(bytes, of: "GEMM \(d.m)×\(d.k)×\(d.n)", for: "its operand panels, C and their working copies",
                       maxMemoryGiB: maxMemoryGiB, physicalBytes: physicalBytes)
    }

    /// Refuses `bytes` (nil: past 2^63 − 1) above `--max-memory` or the machine's memory.
    static func checkBytes(_ bytes: Int?, of shape: String, for what: String, maxMemoryGiB: Double, physicalBytes: Int?) throws {
        guard maxMemoryGiB > 0, maxMemoryGiB.isFinite else {
            throw CLIError.invalidInput("--max-memory: expected a positive number of GiB, found \(maxMemoryGiB)")
        }
        let limit = "the limit is \(String(format: "%g", maxMemoryGiB)) GiB (--max-memory)"
        guard let bytes else {
            throw CLIError.invalidInput("\(shape) needs more than 2^63 bytes for \(what); \(limit)")
        }
        if Double(bytes) > maxMemoryGiB * 1_073_741_824 {
            let gib = String(format: "%.3g", Double(bytes) / 1_073_741_824)
            throw CLIError.invalidInput("\(shape) needs about \(gib) GiB (\(bytes) bytes) for \(what); \(limit)")
        }
        if let physicalBytes, bytes > physicalBytes {
            let gib = String(format: "%.3g", Double(bytes) / 1_073_741_824)
            let ram = String(format: "%.3g", Double(physicalBytes) / 1_073_741_824)
            throw CLIError.invalidInput("\(shape) needs about \(gib) GiB (\(bytes) bytes) for \(what); "
                + "the limit is the machine's physical memory, \(ram) GiB (\(physicalBytes) bytes), which --max-memory cannot raise")
        }
    }

    /// Refuses a GEMM beyond 2^62 MACs or with a bad dimension (`GEMMDims.validated`), naming the size.
    static func checkShape(m: Int, k: Int, n: Int) throws {
        do {
            _ = try GEMMDims(m: m, k: k, n: n).validated()
        } catch {
            throw CLIError.invalidInput("GEMM \(m)×\(k)×\(n): \(error)")
        }
    }
}
