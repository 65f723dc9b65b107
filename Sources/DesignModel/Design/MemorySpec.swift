/// One `memories` entry: an on-chip buffer holding one GEMM operand.
///
/// ```swift
/// MemorySpec(name: "wbuf", operand: .b, sizeKiB: 128, banks: 32, widthBits: 512,
///            doubleBuffered: true, readPJ: .model, writePJ: .model)
/// ```
public struct MemorySpec: Sendable, Equatable {
    /// `operand`: which GEMM operand the buffer holds: `a` (activations), `b` (weights), `c` (outputs).
    public enum Operand: String, Sendable, CaseIterable { case a, b, c }

    /// `read_pj` / `write_pj`: a number of pJ per access (`accessPJRange`), or `"model"` for the
    /// cost model's SRAM fit.
    public enum AccessEnergy: Sendable, Equatable {
        case model
        case picojoules(Double)
    }

    /// The accepted `size_kib`: 1 KiB to 1 GiB.
    public static let sizeKiBRange: ClosedRange<Int> = 1...1_048_576
    /// The accepted pJ per access: 1 aJ (below any real circuit) to 1 µJ.
    public static let accessPJRange: ClosedRange<Double> = 1e-6...1e6

    /// `name`: unique among the memories, printable (no control characters), e.g. `wbuf`.
    public var name: String
    public var operand: Operand
    /// `size_kib`: capacity in KiB, an integer 1…1048576 (1 GiB).
    public var sizeKiB: Int
    /// `banks`: an integer 1…65536.
    public var banks: Int
    /// `width_bits`: bits per bank access, an integer 1…65536.
    public var widthBits: Int
    /// `double_buffered`: whether half the capacity is prefetched while the other half computes.
    public var doubleBuffered: Bool
    public var readPJ: AccessEnergy
    public var writePJ: AccessEnergy

    public init(name: String, operand: Operand, sizeKiB: Int, banks: Int, widthBits: Int, doubleBuffered: Bool,
                readPJ: AccessEnergy = .model, writePJ: AccessEnergy = .model) {
        self.name = name
        self.operand = operand
        self.sizeKiB = sizeKiB
        self.banks = banks
        self.widthBits = widthBits
        self.doubleBuffered = doubleBuffered
        self.readPJ = readPJ
        self.writePJ = writePJ
    }
}
