import NumberFormats

/// Cases run, mismatches found and the first mismatch, of one chunk or one check.
struct Tally: Sendable {
    var cases = 0
    var mismatches = 0
    var first: String?

    mutating func record(_ ok: Bool, _ describe: @autoclosure () -> String) {
        cases += 1
        if !ok {
            mismatches += 1
            if first == nil { first = describe() }
        }
    }

    mutating func merge(_ other: Tally) {
        cases += other.cases
        mismatches += other.mismatches
        if first == nil { first = other.first }
    }
}
