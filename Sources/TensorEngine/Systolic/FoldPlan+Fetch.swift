extension FoldPlan {
    /// Elements of A and B that fold `fold` touches for the first time (its DRAM fetch).
    ///
    /// Folds run column folds outer, row folds inner (fold = colFold·rowFolds + rowFold).
    /// - os: the A row block (u_r·K) is new in the first column fold, the B column block
    ///   (K·u_c) in the first row fold;
    /// - ws: the B tile (u_r·u_c) is always new, the A block (M·u_r) in the first column fold;
    /// - is: the A tile (u_r·u_c) is always new, the B block (u_r·N) in the first column fold.
    ///
    /// Each count is at most M·K·N ≤ 2^62 (the plan's shape is within `MACLimit`).
    ///
    /// ```swift
    /// // 4×4 os, M = K = N = 8: fold 0 fetches A 4·8 and B 8·4 → (a: 32, b: 32);
    /// // fold 3 (second row and column fold) fetches nothing new → (a: 0, b: 0).
    /// ```
    public func fetchElements(fold: Int) -> (a: Int, b: Int) {
        let fr = fold % rowFolds, fc = fold / rowFolds
        let ur = usedRows(rowFold: fr), uc = usedCols(colFold: fc)
        let t = streamSteps
        switch array.dataflow {
        case .os:
            return (fc == 0 ? ur * t : 0, fr == 0 ? uc * t : 0)
        case .ws:
            return (fc == 0 ? t * ur : 0, ur * uc)
        case .is:
            return (ur * uc, fc == 0 ? t * ur : 0)
        }
    }
}
