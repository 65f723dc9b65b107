import DesignModel

extension Design {
    /// This design on the footing the hand derivations of `GoldenTotalsTests` and
    /// `DesignGoldenTotalsTests` were made on, before designs chose a footing (issue 13,
    /// item 4): `paper` when it names a published PE (`unit.paper_pe` or `cost_overrides.pe`),
    /// else `horowitz` (actions priced by Horowitz and `ActionCostTable`). The default
    /// `synthesized` footing is covered by `FootingTests`.
    ///
    /// ```swift
    /// try Design.decode(bytes).onHandDerivedFooting.costLibrary   // .paper for bitmod-w4, .horowitz for hif8-mac
    /// ```
    var onHandDerivedFooting: Design {
        var d = self
        d.costLibrary = unit.paperPE != nil || costOverrides["pe"] != nil ? .paper : .horowitz
        return d
    }
}
