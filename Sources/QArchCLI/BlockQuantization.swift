import ExactJSON
import NumberFormats
import QArchSupport
import Reporting

/// `formats quantize` with a block format: the table and JSON of the blocks that
/// `BlockFormat.quantizeRows` makes of the input rows (the command-line values, or each row
/// of a 2-D `.npy` array; blocks never span rows, row r rounds stochastically from seed S + r,
/// NVFP4's per-tensor FP32 scale is computed once over all rows).
///
/// JSON: `{tensor_scale, blocks: [{row, scale_code, scale, codes, values}]}` (`row` is the
/// input row the block belongs to, 0 for command-line values; `tensor_scale` is 1.0 for the
/// MX formats).
struct BlockQuantization {
    let format: BlockFormat
    let options: BlockQuantizationOptions
    /// NVFP4's FP32 per-tensor scale; 1 for MX.
    let tensorScale: Double
    /// Every block in row order, with its row and the inputs it was quantized from.
    let blocks: [(row: Int, inputs: [Double], block: QuantizedBlock)]

    init(format: BlockFormat, rows: [[Double]], options: BlockQuantizationOptions) {
        let tensors = format.quantizeRows(rows, options: options)
        var blocks: [(row: Int, inputs: [Double], block: QuantizedBlock)] = []
        for (r, (row, tensor)) in zip(rows, tensors).enumerated() {
            for (b, block) in tensor.blocks.enumerated() {
                let start = b * format.blockSize
                blocks.append((r, Array(row[start..<min(start + format.blockSize, row.count)]), block))
            }
        }
        self.format = format
        self.options = options
        self.tensorScale = tensors.last?.tensorScale ?? 1
        self.blocks = blocks
    }

    var json: JSONValue {
        .object([
            ("tensor_scale", .number(tensorScale)),
            ("blocks", .array(blocks.map { entry in
                .object([("row", .int(entry.row)), ("scale_code", .int(Int(entry.block.scaleCode))), ("scale", .number(entry.block.scale)),
                         ("codes", .array(entry.block.codes.map { .int(Int($0)) })),
                         ("values", .array(entry.block.values.map { .number($0) }))])
            })),
        ])
    }

    /// A caption line and a table: one row per element, the block and its scale on the
    /// first element of each block.
    var text: String {
        let element = format.element, scaleFormat = format.scaleFormat
        var caption = "\(format.name): \(element.name) elements, \(format.blockSize) per \(scaleFormat.name) scale; "
            + "rounding \(options.rounding.rawValue), overflow \(options.overflow.rawValue)"
        if format.scaling == .twoLevel { caption += "; tensor scale \(RoundTripText.format(tensorScale))" }
        var table = TextTable(["block", "scale code", "scale", "input", "code", "bits", "value"],
                              rightAligned: [true, false, true, true, false, false, true])
        for (b, entry) in blocks.enumerated() {
            for (i, code) in entry.block.codes.enumerated() {
                let first = i == 0
                table.append([first ? String(b) : "",
                              first ? NumberText.hexCode(entry.block.scaleCode, bits: scaleFormat.bits) : "",
                              first ? RoundTripText.format(entry.block.scale) : "",
                              RoundTripText.format(entry.inputs[i]),
                              NumberText.hexCode(UInt32(code), bits: element.bits),
                              NumberText.binaryCode(UInt32(code), bits: element.bits),
                              RoundTripText.format(entry.block.values[i])])
            }
        }
        return caption + "\n" + table.render()
    }
}
