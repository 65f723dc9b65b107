import NumberFormats

extension Workload {
    /// Returns `self` if every GEMM has positive M, K, N and a non-negative count, and each
    /// GEMM's count·M·K·N and the workload's total are at most 2^62 (`MACLimit`); otherwise
    /// the first problem as a `WorkloadError` naming `source` (the file, or `workload NAME`)
    /// and the GEMM.
    ///
    /// ```swift
    /// try Workload.builtIn("llama-2-7b:prefill:1000000000000:layer")!.validated(as: "workload llama-2-7b:…")
    /// // throws "workload llama-2-7b:…: gemms[0] (q_proj): M·K·N = 1000000000000·4096·4096 MACs
    /// //         exceeds the limit 2^62 (= 4611686018427387904)"
    /// ```
    public func validated(as source: String) throws(WorkloadError) -> Workload {
        _ = try totalMACs(as: source)
        return self
    }

    /// Σ count·M·K·N, exactly, after the checks of `validated(as:)`.
    ///
    /// ```swift
    /// try Workload.builtIn("llama-2-7b:decode:1:layer")!.totalMACs(as: "workload llama-2-7b:decode:1:layer")
    /// // 202_375_168
    /// ```
    public func totalMACs(as source: String) throws(WorkloadError) -> Int {
        var total = 0
        for (i, g) in gemms.enumerated() {
            let field = "gemms[\(i)] (\(g.name))"
            if g.m <= 0 || g.k <= 0 || g.n <= 0 || g.count < 0 {
                throw .invalid(path: source, field: field, message: "expected positive m, k, n and a non-negative count, "
                               + "found m = \(g.m), k = \(g.k), n = \(g.n), count = \(g.count)")
            }
            guard let macs = g.macs else {
                let message = MACLimit.product([g.m, g.k, g.n]) == nil
                    ? MACLimit.excess("M·K·N", [g.m, g.k, g.n]) : MACLimit.excess("count·M·K·N", [g.count, g.m, g.k, g.n])
                throw .invalid(path: source, field: field, message: message)
            }
            let (sum, overflow) = total.addingReportingOverflow(macs)
            if overflow || sum > MACLimit.value {
                throw .invalid(path: source, field: field,
                               message: "the workload's MACs, Σ count·M·K·N up to here, exceed the limit \(MACLimit.text)")
            }
            total = sum
        }
        return total
    }
}
