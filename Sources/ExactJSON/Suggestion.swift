/// "Did you mean" suggestions for misspelled names.
///
/// ```swift
/// Suggestion.closest(to: "rowz", in: ["rows", "cols"])   // "rows"
/// Suggestion.closest(to: "xyz", in: ["rows", "cols"])    // nil
/// ```
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if close enough to be a likely typo
    /// (at least 3 characters, distance ≤ max(1, length/3)), or nil.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        guard w.count >= 3, w.count <= 64 else { return nil }   // one or two letters: any guess is noise
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            if d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        guard let (name, d) = best, d <= max(1, w.count / 3) else { return nil }
        return name
    }

    /// The Levenshtein distance between `a` and `b`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// ` (did you mean 'x'?)` or the empty string.
    ///
    /// ```swift
    /// Suggestion.hint(for: "rowz", in: ["rows"])   // " (did you mean 'rows'?)"
    /// ```
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
