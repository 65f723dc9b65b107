/// Which engine a GEMM runs on: a systolic array or a tensor-core-style engine.
///
/// ```swift
/// EngineConfig.systolic(ArrayConfig(rows: 32, cols: 32, dataflow: .ws))
/// EngineConfig.tensorCore(TensorCoreTile(m: 8, n: 4, k: 8), .dotTree)
/// ```
public enum EngineConfig: Sendable, Equatable {
    case systolic(ArrayConfig)
    case tensorCore(TensorCoreTile, TensorCoreKind)
}
