/// An estimate of the memory a value run of a GEMM (`GEMMExecution.run`) holds at once, so
/// a run too big for the machine is refused before anything is allocated.
///
/// Per element of A (M·K) and of B (K·N): the float64 operand, the unit's quantized copy and
/// its working copies, 32 bytes (measured peaks: about 30 for the block-format units, whose
/// blocks keep their own vectors, 10–15 for the others). Per element of C (M·N): the output
/// codes (4 bytes), the unit's accumulators, the decoded outputs and the float64 reference
/// (8 bytes each), rounded up to 32. Counting cycles and traffic without values
/// (`GEMMExecution.schedule`) needs none of this and works at any size the engines accept.
///
/// ```swift
/// try ValueRunMemory.bytes(GEMMDims(m: 2048, k: 2048, n: 2048))    // 402_653_184 (384 MiB)
/// try ValueRunMemory.bytes(GEMMDims(m: 100_000, k: 1, n: 100_000)) // 320_006_400_000 (C alone is 10^10 outputs)
/// ```
public enum ValueRunMemory {
    /// Bytes held per element of A and of B.
    public static let bytesPerOperandElement = 32
    /// Bytes held per element of C.
    public static let bytesPerOutputElement = 32
    /// The default limit of `qarch gemm` (`--max-memory`): 16 GiB.
    public static let defaultLimitGiB = 16.0

    /// The estimate for `dims`: 32·(M·K + K·N + M·N) bytes; throws when it exceeds 2^63 − 1.
    public static func bytes(_ dims: GEMMDims) throws(TensorEngineError) -> Int {
        typealias C = Checked
        let (m, k, n) = (dims.m, dims.k, dims.n)
        let operands = try C.add(C.mul(m, k, "value-run bytes"), C.mul(k, n, "value-run bytes"), "value-run bytes")
        return try C.add(C.mul(operands, bytesPerOperandElement, "value-run bytes"),
                         C.mul(C.mul(m, n, "value-run bytes"), bytesPerOutputElement, "value-run bytes"), "value-run bytes")
    }
}
