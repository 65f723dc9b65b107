/// A SCALE-Sim v3 configuration file (`.cfg`), read as SCALE-Sim 3.0.0 reads it.
///
/// The file is INI text (Python `configparser`): `[section]` headers, `key = value` or
/// `key: value` lines, `#`/`;` comment lines; keys are case-insensitive. The sections and keys
/// are the ones SCALE-Sim 3.0.0's `scale_config` knows:
///
/// - `[general]` run_name
/// - `[architecture_presets]` ArrayHeight, ArrayWidth, IfmapSramSzkB, FilterSramSzkB,
///   OfmapSramSzkB, IfmapOffset, FilterOffset, OfmapOffset, Bandwidth, Dataflow (os/ws/is),
///   MemoryBanks, ReadRequestBuffer, WriteRequestBuffer
/// - `[run_presets]` InterfaceBandwidth (CALC/USER), UseRamulatorTrace
/// - `[layout]` IfmapCustomLayout, IfmapSRAMBankBandwidth, IfmapSRAMBankNum, IfmapSRAMBankPort,
///   FilterCustomLayout, FilterSRAMBankBandwidth, FilterSRAMBankNum, FilterSRAMBankPort
/// - `[sparsity]` SparsitySupport, SparseRep, OptimizedMapping, BlockSize, RandomNumberGeneratorSeed
/// - `[network_presets]` TopologyCsvLoc
///
/// ArrayHeight, ArrayWidth and Dataflow are required; every other key takes SCALE-Sim's
/// default when absent. An unknown section or key, a repeated key and a malformed value are
/// errors naming the section and key. Features whose timing QuantArch does not reproduce are
/// refused by name: InterfaceBandwidth = USER (SCALE-Sim's request-buffer stall model),
/// UseRamulatorTrace = True, SparsitySupport = true and custom SRAM layouts.
///
/// ```swift
/// let c = try ScaleSimConfig.parse("""
///     [general]
///     run_name = demo
///     [architecture_presets]
///     ArrayHeight: 32
///     ArrayWidth: 32
///     Dataflow: os
///     """, file: "demo.cfg")
/// c.array   // ArrayConfig(rows: 32, cols: 32, dataflow: .os)
/// ```
public struct ScaleSimConfig: Equatable, Sendable {
    public var runName = "scale_run"
    public var arrayRows = 4
    public var arrayCols = 4
    public var dataflow = Dataflow.ws
    public var ifmapSRAMKiB = 256
    public var filterSRAMKiB = 256
    public var ofmapSRAMKiB = 128
    public var ifmapOffset = 0
    public var filterOffset = 10_000_000
    public var ofmapOffset = 20_000_000
    /// DRAM bandwidths in words per cycle (used by SCALE-Sim only with InterfaceBandwidth = USER).
    public var bandwidths: [Int] = []
    public var memoryBanks = 1
    public var readRequestBuffer = 60
    public var writeRequestBuffer = 60
    /// `[network_presets] TopologyCsvLoc`, the topology the config names (the quotes removed).
    public var topologyPath: String?

    /// The systolic array the config describes.
    public var array: ArrayConfig { ArrayConfig(rows: arrayRows, cols: arrayCols, dataflow: dataflow) }

    public init() {}

    /// Sections and their keys, spelled as SCALE-Sim's documentation and example configs spell them.
    public static let knownKeys: [(section: String, keys: [String])] = [
        ("general", ["run_name"]),
        ("architecture_presets", ["ArrayHeight", "ArrayWidth", "IfmapSramSzkB", "FilterSramSzkB", "OfmapSramSzkB",
                                  "IfmapOffset", "FilterOffset", "OfmapOffset", "Bandwidth", "Dataflow",
                                  "MemoryBanks", "ReadRequestBuffer", "WriteRequestBuffer"]),
        ("run_presets", ["InterfaceBandwidth", "UseRamulatorTrace"]),
        ("layout", ["IfmapCustomLayout", "IfmapSRAMBankBandwidth", "IfmapSRAMBankNum", "IfmapSRAMBankPort",
                    "FilterCustomLayout", "FilterSRAMBankBandwidth", "FilterSRAMBankNum", "FilterSRAMBankPort"]),
        ("sparsity", ["SparsitySupport", "SparseRep", "OptimizedMapping", "BlockSize", "RandomNumberGeneratorSeed"]),
        ("network_presets", ["TopologyCsvLoc"]),
    ]

    /// Parse the text of `file`; every problem is a `ScaleSimInputError` naming the section and key.
    public static func parse(_ text: String, file: String) throws(ScaleSimInputError) -> ScaleSimConfig {
        let entries = try ScaleSimINI.entries(text, file: file, knownKeys: knownKeys)
        var config = ScaleSimConfig()
        func value(_ section: String, _ key: String) -> String? { entries[ScaleSimINI.Key(section, key)] }
        func fail(_ section: String, _ key: String, _ message: String) -> ScaleSimInputError {
            ScaleSimInputError(file: file, place: "[\(section)] \(key)", message: message)
        }
        func integer(_ section: String, _ key: String, minimum: Int, into target: inout Int) throws(ScaleSimInputError) {
            guard let text = value(section, key) else { return }
            guard let number = Int(text), number >= minimum else {
                throw fail(section, key, "expected an integer ≥ \(minimum), found '\(text)'")
            }
            target = number
        }
        func flag(_ section: String, _ key: String) throws(ScaleSimInputError) -> Bool {
            guard let text = value(section, key) else { return false }
            switch text.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: throw fail(section, key, "expected True or False, found '\(text)'")
            }
        }

        if let name = value("general", "run_name") { config.runName = name }
        let arch = "architecture_presets"
        for key in ["ArrayHeight", "ArrayWidth", "Dataflow"] where value(arch, key) == nil {
            throw ScaleSimInputError(file: file, place: "[\(arch)] \(key)", message: "missing; the array needs it")
        }
        try integer(arch, "ArrayHeight", minimum: 1, into: &config.arrayRows)
        try integer(arch, "ArrayWidth", minimum: 1, into: &config.arrayCols)
        try integer(arch, "IfmapSramSzkB", minimum: 1, into: &config.ifmapSRAMKiB)
        try integer(arch, "FilterSramSzkB", minimum: 1, into: &config.filterSRAMKiB)
        try integer(arch, "OfmapSramSzkB", minimum: 1, into: &config.ofmapSRAMKiB)
        try integer(arch, "IfmapOffset", minimum: 0, into: &config.ifmapOffset)
        try integer(arch, "FilterOffset", minimum: 0, into: &config.filterOffset)
        try integer(arch, "OfmapOffset", minimum: 0, into: &config.ofmapOffset)
        try integer(arch, "MemoryBanks", minimum: 1, into: &config.memoryBanks)
        try integer(arch, "ReadRequestBuffer", minimum: 1, into: &config.readRequestBuffer)
        try integer(arch, "WriteRequestBuffer", minimum: 1, into: &config.writeRequestBuffer)
        if let text = value(arch, "Dataflow") {
            guard let dataflow = Dataflow(rawValue: text) else {
                throw fail(arch, "Dataflow", "expected os, ws or is, found '\(text)'")
            }
            config.dataflow = dataflow
        }
        if let text = value(arch, "Bandwidth") {
            var bandwidths: [Int] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let word = part.trimmingSpaces
                guard let number = Int(word), number >= 1 else {
                    throw fail(arch, "Bandwidth", "expected positive integers separated by commas, found '\(text)'")
                }
                bandwidths.append(number)
            }
            config.bandwidths = bandwidths
        }

        let run = "run_presets"
        if let mode = value(run, "InterfaceBandwidth") {
            switch mode {
            case "CALC": break
            case "USER": throw fail(run, "InterfaceBandwidth", "USER (stalls of SCALE-Sim's DRAM request buffers) is not reproduced by QuantArch; use CALC")
            default: throw fail(run, "InterfaceBandwidth", "expected CALC or USER, found '\(mode)'")
            }
        }
        if try flag(run, "UseRamulatorTrace") {
            throw fail(run, "UseRamulatorTrace", "True (Ramulator DRAM traces) is not supported; use False")
        }
        for key in ["IfmapCustomLayout", "FilterCustomLayout"] where try flag("layout", key) {
            throw fail("layout", key, "True (custom SRAM bank layouts) is not supported; use False")
        }
        var unused = 0
        for key in ["IfmapSRAMBankBandwidth", "IfmapSRAMBankNum", "IfmapSRAMBankPort",
                    "FilterSRAMBankBandwidth", "FilterSRAMBankNum", "FilterSRAMBankPort"] {
            try integer("layout", key, minimum: 1, into: &unused)
        }
        if try flag("sparsity", "SparsitySupport") {
            throw fail("sparsity", "SparsitySupport", "true (sparse filters) is not supported; use false")
        }
        _ = try flag("sparsity", "OptimizedMapping")
        try integer("sparsity", "BlockSize", minimum: 1, into: &unused)
        try integer("sparsity", "RandomNumberGeneratorSeed", minimum: 0, into: &unused)
        if let location = value("network_presets", "TopologyCsvLoc") {
            config.topologyPath = location.replacingQuotes
        }
        return config
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }

    /// The text with double quotes removed, as SCALE-Sim reads `TopologyCsvLoc: "path"`.
    var replacingQuotes: String { String(filter { $0 != "\"" }) }
}
