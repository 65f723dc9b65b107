import Foundation

/// Line-aware mutation of SCALE-Sim's text inputs (config `.cfg`, topology `.csv`): values
/// after `:`/`=` or between commas become extremes (`JSONMutator.extremeNumbers`) or other
/// words, lines and sections are deleted, duplicated or swapped, known keys and section
/// headers are inserted, the text is truncated; one mutant in four gets `JSONMutator`'s
/// byte-level changes instead (bit flips, invalid UTF-8, NUL).
///
/// ```swift
/// var rng = FuzzRandom(seed: 1)
/// ScaleSimTextMutator.mutate(Data("[general]\nrun_name = a\n".utf8), &rng)   // e.g. "[general]\nrun_name = 1e400\n"
/// ```
enum ScaleSimTextMutator {
    static let words = ["", " ", "os", "ws", "is", "OS", "True", "False", "CALC", "USER", "x", "-", "[general]",
                        "[architecture_presets]", "[run_presets]", "ArrayHeight: 8", "ArrayWidth: 8", "Dataflow: ws",
                        "Bandwidth: 10,20", "run_name = r", "Layer, M, N, K,", "g, 1, 1, 1,", "# comment", ";", ",", ":", "=",
                        "\t", "\u{FEFF}", "é", String(repeating: "9", count: 400)]

    static func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data {
        if rng.oneIn(4) { return JSONMutator.mutate(input, &rng) }
        guard let text = String(data: input, encoding: .utf8) else { return JSONMutator.mutate(input, &rng) }
        // Mutants join the seed pool; keeping them to 64 lines of 512 characters keeps the
        // rate up (the parsers' limits are tested by their own tests, not by size here).
        var lines = text.components(separatedBy: "\n").prefix(64).map { String($0.prefix(512)) }
        for _ in 0..<(rng.oneIn(4) ? 1 + rng.below(4) : 1) { mutateOnce(&lines, &rng) }
        return Data(lines.joined(separator: "\n").utf8)
    }

    static func mutateOnce(_ lines: inout [String], _ rng: inout FuzzRandom) {
        guard !lines.isEmpty else { lines = [rng.pick(words)]; return }
        let i = rng.below(lines.count)
        switch rng.below(7) {
        case 0, 1:   // a value: after a separator, or one CSV field
            let value = rng.oneIn(3) ? rng.pick(words) : rng.pick(JSONMutator.extremeNumbers)
            var fields = lines[i].components(separatedBy: ",")
            let f = rng.below(fields.count)
            if let sep = fields[f].firstIndex(where: { $0 == ":" || $0 == "=" }) {
                fields[f] = String(fields[f][...sep]) + " " + value
            } else {
                fields[f] = " " + value
            }
            lines[i] = fields.joined(separator: ",")
        case 2: lines.remove(at: i)
        case 3: lines.insert(lines[i], at: rng.below(lines.count + 1))
        case 4: lines.swapAt(i, rng.below(lines.count))
        case 5: lines.insert(rng.pick(words), at: rng.below(lines.count + 1))
        default:   // truncate inside a line
            let cut = rng.below(lines[i].count + 1)
            lines = Array(lines[..<i]) + [String(lines[i].prefix(cut))]
        }
    }
}
