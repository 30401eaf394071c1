/// Finds the known name closest to a misspelt one, for "did you mean" help.
enum NearestName {
    /// The closest candidate within a few edits, or `nil`.
    static func to(_ name: String, in candidates: [String]) -> String? {
        let folded = name.lowercased()
        let scored = candidates.map { (candidate: $0, distance: distance(folded, $0.lowercased())) }
        guard let best = scored.min(by: { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }) else { return nil }
        let allowed = max(2, name.count / 3)
        let containsEither = folded.contains(best.candidate.lowercased()) || best.candidate.lowercased().contains(folded)
        return best.distance <= allowed || (containsEither && !folded.isEmpty) ? best.candidate : nil
    }

    /// "did you mean "x"?" or, when nothing is close, the names that exist.
    static func help(for name: String, in candidates: [String], noun: String) -> String {
        if let nearest = to(name, in: candidates) { return "did you mean \"\(nearest)\"?" }
        if candidates.isEmpty { return "no \(noun) is defined yet" }
        let shown = candidates.sorted().prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
        return "the \(noun)s are \(shown)\(candidates.count > 8 ? ", ..." : "")"
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
