/// SCALE-Sim 3.0.0's three report files, written from `ScaleSimLayerResult`s with SCALE-Sim's
/// headers and formatting: `, `-separated fields, a trailing comma on every line, LayerID
/// counting from 0, counts as integers, ratios as Python prints a float (shortest
/// round-trip digits, e.g. `78.125`, `100.0`) and start/stop cycles as floats.
///
/// Equal to SCALE-Sim's own (with InterfaceBandwidth = CALC): COMPUTE_REPORT's Total Cycles,
/// Stall Cycles, Overall Util %, Mapping Efficiency % and Compute Util %; BANDWIDTH_REPORT's
/// SRAM bandwidths; DETAILED_ACCESS_REPORT's SRAM read and write counts. SCALE-Sim's
/// prefetching double-buffered scratchpad, which QuantArch does not model, decides the rest,
/// where the reports give QuantArch's ideal-memory values instead: Total Cycles (incl.
/// prefetch) = Total Cycles; SRAM and DRAM start/stop cycles 0 and Total Cycles; DRAM reads and
/// writes = the distinct elements of each operand (`ScaleSimLayer`), SCALE-Sim's own count
/// whenever its SRAMs hold each operand without re-fetching; DRAM bandwidth = count /
/// (stop − start + 1).
///
/// ```swift
/// let results = [try ScaleSimLayerResult(layer, on: config.array)]
/// ScaleSimReports.compute(results)
/// // "LayerID, Total Cycles (incl. prefetch), Total Cycles, Stall Cycles, Overall Util %, …\n0, 21479, 21479, 0, 75.42250570324504, 78.125, 75.41899441340782,\n"
/// ```
public enum ScaleSimReports {
    public static let computeHeader = "LayerID, Total Cycles (incl. prefetch), Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,"
    public static let bandwidthHeader = "LayerID, Avg IFMAP SRAM BW, Avg FILTER SRAM BW, Avg OFMAP SRAM BW, Avg IFMAP DRAM BW, Avg FILTER DRAM BW, Avg OFMAP DRAM BW,"
    public static let detailedHeader = "LayerID, SRAM IFMAP Start Cycle, SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, SRAM Filter Start Cycle, SRAM Filter Stop Cycle, SRAM Filter Reads, SRAM OFMAP Start Cycle, SRAM OFMAP Stop Cycle, SRAM OFMAP Writes, DRAM IFMAP Start Cycle, DRAM IFMAP Stop Cycle, DRAM IFMAP Reads, DRAM Filter Start Cycle, DRAM Filter Stop Cycle, DRAM Filter Reads, DRAM OFMAP Start Cycle, DRAM OFMAP Stop Cycle, DRAM OFMAP Writes,"

    /// The file names SCALE-Sim gives its reports, with each report's text.
    public static func files(_ results: [ScaleSimLayerResult]) -> [(name: String, text: String)] {
        [("COMPUTE_REPORT.csv", compute(results)), ("BANDWIDTH_REPORT.csv", bandwidth(results)),
         ("DETAILED_ACCESS_REPORT.csv", detailed(results))]
    }

    public static func compute(_ results: [ScaleSimLayerResult]) -> String {
        table(computeHeader, results) { r in
            [String(r.counts.totalCycles), String(r.counts.totalCycles), String(r.counts.stallCycles),
             float(r.overallUtilPercent), float(r.mappingEfficiencyPercent), float(r.computeUtilPercent)]
        }
    }

    public static func bandwidth(_ results: [ScaleSimLayerResult]) -> String {
        table(bandwidthHeader, results) { r in
            let cycles = Double(r.counts.totalCycles), window = cycles + 1
            return [float(Double(r.ifmapSRAMReads) / cycles), float(Double(r.filterSRAMReads) / cycles),
                    float(Double(r.ofmapSRAMWrites) / cycles),
                    float(Double(r.layer.ifmapElements) / window), float(Double(r.layer.filterElements) / window),
                    float(Double(r.layer.ofmapElements) / window)]
        }
    }

    public static func detailed(_ results: [ScaleSimLayerResult]) -> String {
        table(detailedHeader, results) { r in
            let start = float(0), stop = float(Double(r.counts.totalCycles))
            return [start, stop, String(r.ifmapSRAMReads), start, stop, String(r.filterSRAMReads),
                    start, stop, String(r.ofmapSRAMWrites),
                    start, stop, String(r.layer.ifmapElements), start, stop, String(r.layer.filterElements),
                    start, stop, String(r.layer.ofmapElements)]
        }
    }

    /// A double as Python's `str(float)` prints it (shortest round-trip digits, `.0` on integers).
    public static func float(_ value: Double) -> String { value.description }

    static func table(_ header: String, _ results: [ScaleSimLayerResult],
                      _ row: (ScaleSimLayerResult) -> [String]) -> String {
        var text = header + "\n"
        for (id, result) in results.enumerated() {
            text += ([String(id)] + row(result)).joined(separator: ", ") + ",\n"
        }
        return text
    }
}
