/// Which special values a floating grid reserves.
enum FloatSpecials: Sendable, Hashable {
    /// The all-ones exponent field holds Inf (mantissa 0) and NaN (otherwise).
    case ieee
    /// Only S.1…1.1…1 is NaN (OCP FP8 E4M3; 1…1.1…1 for the unsigned UE4M3, UE5M3); no infinity.
    case nanAllOnes
    /// No Inf and no NaN (E2M1, E2M3, E3M2).
    case none
    /// E8M0: unsigned, no zero, no subnormals, 0xFF is NaN.
    case e8m0
}
