import Foundation

/// Runs one family in this process: mutates its seeds (and the accepted mutants kept as
/// further seeds) `count` times, decodes each input, and saves every distinct finding,
/// shrunk to a minimal reproducer, into `folder`.
///
/// ```swift
/// let tally = FuzzRunner(family: NpyFuzzFamily(), seed: 1, folder: "/tmp/f").run(count: 10_000)
/// tally.findings   // 0
/// ```
struct FuzzRunner {
    let family: any FuzzFamily
    let seed: UInt64
    let folder: String

    struct Tally {
        var inputs = 0, accepted = 0, rejected = 0, findings = 0
        var seconds = 0.0
        var saved: [String] = []
    }

    /// The most accepted mutants kept as further seeds.
    static let poolLimit = 512

    func run(count: Int) -> Tally {
        var rng = FuzzRandom(seed: seed)
        var pool = family.seeds()
        let seedCount = pool.count
        var tally = Tally()
        var seen = Set<String>()
        let start = Date()
        if pool.isEmpty { pool = [Data()] }
        // `QARCH_FUZZ_SELF_TEST=crash` traps on the first input, to test that a crash is caught.
        let selfTest = ProcessInfo.processInfo.environment["QARCH_FUZZ_SELF_TEST"] == "crash"
        for _ in 0..<count {
            let parent = pool[rng.below(pool.count)]
            let input = family.mutate(parent, &rng)
            FuzzCrashGuard.begin(input)
            let began = Date()
            if selfTest { _ = [UInt8]()[input.count] }
            var verdict = family.check(input)
            if Date().timeIntervalSince(began) > FuzzCrashGuard.hangSeconds { verdict = .finding("one input took over \(FuzzCrashGuard.hangSeconds) s") }
            tally.inputs += 1
            switch verdict {
            case .accepted:
                tally.accepted += 1
                if pool.count < seedCount + Self.poolLimit { pool.append(input) } else { pool[seedCount + rng.below(Self.poolLimit)] = input }
            case .rejected:
                tally.rejected += 1
            case .finding(let why):
                tally.findings += 1
                let kind = String(why.prefix { $0 != ":" && !$0.isNumber })
                guard seen.insert(kind).inserted else { continue }
                let small = shrink(input, kind: kind)
                let name = "\(family.name)-\(seen.count)"
                _ = FileManager.default.createFile(atPath: "\(folder)/\(name).bin", contents: small)
                _ = FileManager.default.createFile(atPath: "\(folder)/\(name).txt", contents: Data((why + "\n").utf8))
                tally.saved.append("\(folder)/\(name).bin: \(why)")
            }
        }
        tally.seconds = Date().timeIntervalSince(start)
        return tally
    }

    /// `input` with as many bytes removed as keep a finding of the same kind (delta debugging).
    func shrink(_ input: Data, kind: String) -> Data {
        func sameFinding(_ d: Data) -> Bool {
            FuzzCrashGuard.begin(d)
            if case .finding(let why) = family.check(d) { return why.hasPrefix(kind) }
            return false
        }
        var best = [UInt8](input)
        var chunk = max(1, best.count / 2)
        var tries = 0
        while chunk >= 1, tries < 4_000 {
            var i = 0, removed = false
            while i < best.count, tries < 4_000 {
                let candidate = Array(best[..<i]) + Array(best[min(best.count, i + chunk)...])
                tries += 1
                if sameFinding(Data(candidate)) { best = candidate; removed = true } else { i += chunk }
            }
            if !removed { if chunk == 1 { break }; chunk /= 2 }
        }
        return Data(best)
    }
}
