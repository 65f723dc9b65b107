extension BufferedTraffic {
    /// How an extent cut into array-sized blocks divides by residency: the summed block
    /// extents whose working set fits the buffer, and those whose working set does not.
    ///
    /// An extent E in blocks of size S has ⌈E/S⌉ blocks, all full but the last (E − (⌈E/S⌉−1)·S);
    /// a block of extent u holds `elementsPerUnit`·u elements of `width`. O(1).
    ///
    /// ```swift
    /// // N = 10 in blocks of 4 (4, 4, 2), K = 8 elements per column, 4-bit, 16-byte buffer:
    /// // a full block is 32·0.5 = 16 bytes (fits), the last 8 bytes (fits) → (fitting: 10, spilling: 0)
    /// ```
    struct BlockSplit: Equatable {
        var fitting: Int
        var spilling: Int
    }

    static func split(extent: Int, block: Int, elementsPerUnit: Int, width: OperandWidth,
                      buffer: SRAMBuffer) throws(TensorEngineError) -> BlockSplit {
        let count = Checked.ceilDiv(extent, block)
        let last = extent - (count - 1) * block     // (count−1)·block < extent: no overflow
        var s = BlockSplit(fitting: 0, spilling: 0)
        func add(_ units: Int, blockExtent: Int) throws(TensorEngineError) {
            if buffer.fits(bytes: try width.byteCount(elements: Checked.mul(elementsPerUnit, blockExtent, "elements"))) {
                s.fitting += units
            } else {
                s.spilling += units
            }
        }
        if count > 1 { try add(extent - last, blockExtent: block) }
        try add(last, blockExtent: last)
        return s
    }
}
