import NumberFormats
import QArchSupport

/// Runs the bit-exact checks of NumberFormats against the MPFR reference.
///
/// What each op covers, per format (a case is one compared code):
/// - `decode`: every code (≤ 16 bits; fp32: anchors plus `samples` random codes) decodes
///   to MPFR's value, and every canonical non-NaN code survives `encode(decode(c))`.
/// - `encode`: every rule, on `samples` random reals aimed at the rounding edges, plus
///   (≤ 16 bits) every value, every midpoint and the Doubles beside them, and extremes.
/// - `add`, `mul`: every ordered pair of non-NaN codes (≤ 8 bits; else `samples` random
///   pairs), rounded to the format and to fp32 under every rule and overflow policy.
/// - `fma`: `samples` random cases; `dot`: `dotCases(samples:)` (samples/20, at least 1)
///   random cases of length 1…64, exact and sequential fp32 accumulation.
///
/// A check that ran no case (e.g. `samples: 0`) reports one mismatch instead of passing.
///
/// Work is split into fixed chunks with their own seeds, so results are identical for any `jobs`.
///
/// ```swift
/// let checks = Verifier.run(formats: [.e2m1], ops: [.add], samples: 1000, seed: 1, jobs: 2)
/// checks[0].mismatches   // 0
/// ```
public enum Verifier {
    /// The `samples` the CLI uses when none is given.
    public static let defaultSamples = 100_000

    /// Check `ops` for each of `formats`: exhaustive where the input space is small, else
    /// `samples` seeded random cases. Deterministic for a given seed whatever `jobs` is.
    public static func run(formats: [ElementFormat], ops: [VerifyOp], samples: Int, seed: UInt64,
                           jobs: Int) -> [VerificationCheck] {
        var plans: [CheckPlan] = []
        var chunks: [Chunk] = []
        for format in formats {
            let reference = ReferenceFormat.named(format.name)
            for op in ops {
                let plan = CheckPlan(format: format, reference: reference, op: op, samples: max(0, samples))
                let (count, perChunk) = plan.units
                for start in stride(from: 0, to: count, by: perChunk) {
                    let chunkSeed = mix(seed, format.name, op, start)
                    chunks.append(Chunk(check: plans.count, start: start, count: min(perChunk, count - start), seed: chunkSeed))
                }
                plans.append(plan)
            }
        }
        let (allChunks, allPlans) = (chunks, plans)
        let tallies = WorkQueue.map(count: allChunks.count, jobs: jobs, makeWorker: { CheckRunner() }) { runner, i in
            runner.run(allChunks[i], allPlans[allChunks[i].check])
        }
        var totals = [Tally](repeating: Tally(), count: plans.count)
        for (chunk, tally) in zip(chunks, tallies) { totals[chunk.check].merge(tally) }
        return zip(plans, totals).map { plan, total in
            if plan.reference == nil {
                return VerificationCheck(format: plan.format.name, op: plan.op.rawValue, cases: 0, mismatches: 1,
                                         firstMismatch: "no MPFR reference definition for format \(plan.format.name)")
            }
            if total.cases == 0 {
                // A check that compared nothing proves nothing: it fails rather than passing vacuously.
                return VerificationCheck(format: plan.format.name, op: plan.op.rawValue, cases: 0, mismatches: 1,
                                         firstMismatch: "no cases were run (samples \(plan.samples))")
            }
            return VerificationCheck(format: plan.format.name, op: plan.op.rawValue, cases: total.cases,
                                     mismatches: total.mismatches, firstMismatch: total.first)
        }
    }

    /// Dot-product cases per format for a `samples` budget: a twentieth, since one case is on
    /// average 32 products (and, sequentially accumulated, 32 roundings), so the products
    /// checked still number about 1.6 · `samples`; at least one case for any budget ≥ 1.
    ///
    /// ```swift
    /// Verifier.dotCases(samples: 100_000)   // 5000
    /// Verifier.dotCases(samples: 10)        // 1
    /// ```
    public static func dotCases(samples: Int) -> Int { samples > 0 ? max(1, samples / 20) : 0 }

    /// A chunk's seed: the run seed mixed with the format name, the op and the chunk start.
    static func mix(_ seed: UInt64, _ name: String, _ op: VerifyOp, _ start: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the name and op
        for byte in (name + "/" + op.rawValue).utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var rng = SplitMix64(seed: seed ^ h ^ (UInt64(start) &* 0x9E37_79B9_7F4A_7C15))
        return rng.next()
    }
}
