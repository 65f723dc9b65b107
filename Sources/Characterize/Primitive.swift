/// A characterizable primitive: a synthesizable Verilog module written by this project, its
/// ports, an independent reference model of what it computes, and the operand streams it is
/// checked and measured on.
///
/// The reference is exact integer arithmetic for the integer primitives and NumberFormats'
/// correctly rounded arithmetic for the floating-point ones; it never looks at the Verilog.
///
/// ```swift
/// let p = Primitive.adder(bits: 8)
/// p.name                     // "add-u8"
/// p.reference([200, 100])    // [300]
/// p.verilog.contains("module add_u8")   // true
/// ```
public struct Primitive: Sendable {
    /// What the table calls it, e.g. `add-u8`, `mul-s8x8`, `fp-add-fp16`.
    public let name: String
    /// The component kind, e.g. `adder`, `multiplier`, `fp-adder`.
    public let kind: String
    /// The parameters that pick this instance, e.g. `["bits": "8"]`.
    public let parameters: [(String, String)]
    /// The Verilog module name (`name` with `-` → `_`).
    public var module: String { name.replacingOccurrences(of: "-", with: "_") }
    public let inputs: [PrimitivePort]
    public let outputs: [PrimitivePort]
    /// Whether the module has a `clk` input and samples on its rising edge (outputs are read
    /// after one edge per vector).
    public let clocked: Bool
    /// The complete Verilog source of `module`.
    public let verilog: String
    /// The expected outputs for one vector of inputs (masked to the input widths).
    public let reference: @Sendable ([UInt64]) -> [UInt64]
    /// The vectors the module is checked on (exhaustive or seeded random, with specials).
    public let checkPlan: VectorPlan
    /// The operand stream its toggle rate is measured on.
    public let stream: OperandStream

    public init(name: String, kind: String, parameters: [(String, String)], inputs: [PrimitivePort], outputs: [PrimitivePort],
                clocked: Bool = false, verilog: String, checkPlan: VectorPlan, stream: OperandStream,
                reference: @escaping @Sendable ([UInt64]) -> [UInt64]) {
        self.name = name
        self.kind = kind
        self.parameters = parameters
        self.inputs = inputs
        self.outputs = outputs
        self.clocked = clocked
        self.verilog = verilog
        self.checkPlan = checkPlan
        self.stream = stream
        self.reference = reference
    }

    /// The total input width: a module with at most `VectorPlan.exhaustiveLimitBits` input
    /// bits is checked exhaustively.
    public var inputBits: Int { inputs.reduce(0) { $0 + $1.width } }
}
