/// A SCALE-Sim topology CSV: convolution layers or GEMMs, read as SCALE-Sim 3.0.0 reads them.
///
/// The first line is the header; it decides the form. `Layer, M, N, K` (any spelling of the
/// layer column, then M, N, K) is the GEMM form; otherwise the header must be SCALE-Sim's
/// convolution header `Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width,
/// Channels, Num Filter, Strides`. Every later non-blank line is one layer; fields are split at
/// commas and trimmed, and the trailing comma SCALE-Sim's files end their lines with is
/// optional. A last field `N:M` (SCALE-Sim's sparsity ratio) is accepted only as `1:1`
/// (dense). As in SCALE-Sim, a convolution layer whose name contains `DP` (depth-wise) is run
/// as C layers of one channel each, named `<name>Channel_<i>`.
///
/// Problems name the row (the line number) and the column.
///
/// ```swift
/// let layers = try ScaleSimTopology.parse("Layer, M, N, K,\ng0, 7, 40, 33,\n", file: "g.csv")
/// layers[0].gemm   // GEMMDims(m: 7, k: 33, n: 40)
/// ```
public enum ScaleSimTopology {
    public static let gemmColumns = ["M", "N", "K"]
    public static let convolutionColumns = ["IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width",
                                            "Channels", "Num Filter", "Strides"]

    /// The most layers a topology may give (a depthwise `DP` row gives one per channel): the
    /// limit keeps a hand-made file from asking for an allocation no machine has.
    public static let maxLayers = 1 << 20

    public static func parse(_ text: String, file: String) throws(ScaleSimInputError) -> [ScaleSimLayer] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        guard let headerLine = lines.first, !headerLine.trimmingSpaces.isEmpty else {
            throw ScaleSimInputError(file: file, place: "row 1", message: "expected a header line, found an empty file")
        }
        let header = fields(headerLine)
        let names = header.dropFirst().map { $0.lowercased() }
        let gemm: Bool
        if names.prefix(3) == ArraySlice(gemmColumns.map { $0.lowercased() }) {
            gemm = true
        } else if names.prefix(7) == ArraySlice(convolutionColumns.map { $0.lowercased() }) {
            gemm = false
        } else {
            throw ScaleSimInputError(file: file, place: "row 1",
                                     message: "expected the header 'Layer, M, N, K' or 'Layer name, \(convolutionColumns.joined(separator: ", "))', found '\(headerLine.trimmingSpaces)'")
        }
        let columns = gemm ? gemmColumns : convolutionColumns
        var layers: [ScaleSimLayer] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingSpaces.isEmpty {
            let row = "row \(index + 1)"
            var values = fields(line)
            guard values.count == columns.count + 1 || values.count == columns.count + 2 else {
                throw ScaleSimInputError(file: file, place: row,
                                         message: "expected \(columns.count + 1) fields (\(header.first ?? "Layer"), \(columns.joined(separator: ", "))), found \(values.count)")
            }
            if values.count == columns.count + 2 {
                let ratio = values.removeLast()
                guard ratio.split(separator: ":").map({ $0.trimmingSpaces }) == ["1", "1"] else {
                    throw ScaleSimInputError(file: file, place: "\(row), column 'Sparsity'",
                                             message: "expected 1:1 (dense; sparse layers are not supported), found '\(ratio)'")
                }
            }
            var numbers: [Int] = []
            for (column, text) in zip(columns, values.dropFirst()) {
                guard let number = Int(text), number >= 1 else {
                    throw ScaleSimInputError(file: file, place: "\(row), column '\(column)'",
                                             message: "expected a positive integer, found '\(text)'")
                }
                numbers.append(number)
            }
            let name = values[0]
            if !gemm {
                let (h, w, r, s) = (numbers[0], numbers[1], numbers[2], numbers[3])
                guard r <= h else {
                    throw ScaleSimInputError(file: file, place: "\(row), column 'Filter Height'",
                                             message: "expected at most the IFMAP Height \(h), found \(r)")
                }
                guard s <= w else {
                    throw ScaleSimInputError(file: file, place: "\(row), column 'Filter Width'",
                                             message: "expected at most the IFMAP Width \(w), found \(s)")
                }
            }
            if !gemm, name.contains("DP"), numbers[4] > maxLayers {
                throw ScaleSimInputError(file: file, place: "\(row), column 'Channels'",
                                         message: "expected at most \(maxLayers) channels in a depthwise layer (each becomes a layer), found \(numbers[4])")
            }
            do {
                layers += try gemm ? [gemmLayer(name, numbers)] : convolutionLayers(name, numbers)
            } catch {
                throw ScaleSimInputError(file: file, place: row, message: error.description)
            }
            guard layers.count <= maxLayers else {
                throw ScaleSimInputError(file: file, place: row, message: "expected a topology of at most \(maxLayers) layers, found more")
            }
        }
        guard !layers.isEmpty else {
            throw ScaleSimInputError(file: file, place: "row 2", message: "expected at least one layer after the header, found none")
        }
        return layers
    }

    /// The layer of a GEMM row: M, N, K.
    static func gemmLayer(_ name: String, _ numbers: [Int]) throws(TensorEngineError) -> ScaleSimLayer {
        let (m, n, k) = (numbers[0], numbers[1], numbers[2])
        return ScaleSimLayer(name: name, gemm: GEMMDims(m: m, k: k, n: n),
                             ifmapElements: try Checked.mul(m, k, "IFMAP elements"),
                             filterElements: try Checked.mul(k, n, "filter elements"),
                             ofmapElements: try Checked.mul(m, n, "OFMAP elements"))
    }

    /// The layers of a convolution row: H, W, R, S, C, N, stride (one layer, or C for a `DP` name).
    static func convolutionLayers(_ name: String, _ numbers: [Int]) throws(TensorEngineError) -> [ScaleSimLayer] {
        let (h, w, r, s, c, n, stride) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6])
        let depthwise = name.contains("DP")
        let channels = depthwise ? 1 : c
        let e = (h - r) / stride + 1, f = (w - s) / stride + 1
        let pixels = try Checked.mul(e, f, "OFMAP pixels")
        let window = try Checked.mul(try Checked.mul(r, s, "window"), channels, "window")
        let layer = ScaleSimLayer(
            name: name, gemm: GEMMDims(m: pixels, k: window, n: n),
            ifmapElements: try Checked.mul(try Checked.mul(h, w, "IFMAP elements"), channels, "IFMAP elements"),
            filterElements: try Checked.mul(window, n, "filter elements"),
            ofmapElements: try Checked.mul(pixels, n, "OFMAP elements"))
        guard depthwise else { return [layer] }
        return (0..<c).map { channel in
            var copy = layer
            copy.name = "\(name)Channel_\(channel)"
            return copy
        }
    }

    /// The comma-separated fields of `line`, trimmed, without the empty field after a trailing comma.
    static func fields(_ line: String) -> [String] {
        var parts = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        return parts
    }
}
