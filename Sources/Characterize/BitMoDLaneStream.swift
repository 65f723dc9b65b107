import ArithmeticUnits
import NumberFormats

/// The operand stream of one BitMoD PE's lane datapath (`Primitive.bitSerialDot`): the PE
/// computes one output along K, four weights per quad, one weight term per cycle (two cycles
/// for 4-bit weights), so operation `2q + c` is lanes k = 4q … 4q + 3 with term c of each
/// weight — the order the hardware consumes them.
///
/// Activations are LLM-like values (`LLMLikeData.gaussian`) rounded to FP16 (`BitMoDPE`'s
/// activation quantizer). The weights differ in how many of their bits are set:
/// - `llmLike`: LLM-like values quantized by BitMoD's own mixed-datatype quantizer (4-bit,
///   G = 128, `BitMoDPE.quantize`), decoded to terms by `BitMoDTerms.magnitude`; small
///   magnitudes and powers of two leave many terms zero (sparse weight bits);
/// - `dense`: every term set: magnitudes drawn from the two-set-bit values 3, 6, 10 and 12
///   (in ×2 units: 1.5, 3, 5 and 6), random signs;
/// - `pruned`: the LLM-like weights with the smaller half of |w| set to zero before
///   quantization (50 % unstructured sparsity, as SparseGPT or Wanda leave a model), so
///   zero terms come in runs (both cycles of a zero weight).
///
/// All streams share the activations, so a difference in toggles is the weights' alone.
///
/// ```swift
/// let s = BitMoDLaneStream(weights: .dense)
/// s.operations.count   // 4096
/// s.termDensity        // 1.0 (every term nonzero)
/// ```
public struct BitMoDLaneStream: Sendable {
    public enum WeightBits: String, Sendable, CaseIterable {
        case llmLike = "llm-like", dense, pruned
    }

    /// Weights along K: 8192 (64 groups of 128) give 4096 two-cycle operations.
    public static let k = 8192
    public static let seed: UInt64 = 7

    public let weights: WeightBits
    /// One value per port of `Primitive.bitSerialDot`: a0…a3, then t0…t3.
    public let operations: [[UInt64]]
    /// The fraction of lane terms that are nonzero.
    public let termDensity: Double

    public init(weights: WeightBits) {
        self.weights = weights
        let k = Self.k
        var rng = SplitMix64(seed: Self.seed)
        let a = (0..<k).map { _ in LLMLikeData.gaussian(&rng) }
        var w = (0..<k).map { _ in LLMLikeData.gaussian(&rng) }
        if weights == .pruned {
            // 50 % unstructured magnitude pruning (as SparseGPT or Wanda leave LLM weights):
            // the smaller half of |w| set to zero before quantization.
            let median = w.map(abs).sorted()[k / 2]
            w = w.map { abs($0) < median ? 0 : $0 }
        }
        let unit = BitMoDPE(bits: 4)
        let cycles = unit.timing.initiationInterval, lanes = unit.timing.macsPerOperation
        var activations: [Float] = []
        var values: [Int] = []
        if let ops = try? unit.quantize(activations: Matrix(rows: 1, cols: k, storage: a) ?? Matrix(rows: 0, cols: 0),
                                        weights: Matrix(rows: k, cols: 1, storage: w) ?? Matrix(rows: 0, cols: 0)) {
            activations = ops.activations
            values = ops.weightValuesNK.map(Int.init)
        }
        if weights == .dense {
            let twoBits = [3, 6, 10, 12]
            values = (0..<k).map { _ in
                let r = rng.next()
                return twoBits[Int(r & 3)] * (r & 4 == 0 ? 1 : -1)
            }
        }
        var operations: [[UInt64]] = []
        var valid = 0
        if activations.count == k && values.count == k {
            let terms = values.map { BitMoDTerms.magnitude(abs($0), negative: $0 < 0, cycles: cycles) }
            for k0 in stride(from: 0, to: k, by: lanes) {
                for c in 0..<cycles {
                    var op: [UInt64] = []
                    var t: [UInt64] = []
                    for i in 0..<lanes {
                        let lane = BitMoDRTLDatapath.Lane(activationBits: Float16(activations[k0 + i]).bitPattern, term: terms[k0 + i][c])
                        op.append(Primitive.laneActivationField(lane))
                        t.append(Primitive.laneTermField(lane.term))
                        if lane.term.valid { valid += 1 }
                    }
                    operations.append(op + t)
                }
            }
        }
        self.operations = operations
        termDensity = operations.isEmpty ? 0 : Double(valid) / Double(operations.count * Primitive.bitSerialLanes)
    }

    /// The stream for `Characterizer` (the term density goes into the primitive's parameters).
    public var operandStream: OperandStream {
        let what = switch weights {
        case .llmLike: "BitMoD FP4 terms of LLM-like weights (Gaussian with outliers, quantized by BitMoD's mixed-datatype quantizer, G = 128)"
        case .pruned: "BitMoD FP4 terms of the same LLM-like weights with the smaller half of |w| pruned to zero (50 % unstructured sparsity)"
        case .dense: "dense weight bits: every term nonzero (|w| in {1.5, 3, 5, 6}, random signs)"
        }
        return OperandStream(description: "\(what), x LLM-like FP16 activations, one PE's K order",
                             seed: Self.seed, operations: operations)
    }
}
