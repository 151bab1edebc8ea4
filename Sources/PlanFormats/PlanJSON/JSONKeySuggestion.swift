/// "Did you mean …?" for misspelt keys: a known key equal up to case, or at most two edits away.
enum JSONKeySuggestion {
    static func closest(to name: String, among keys: [String]) -> String? {
        let lowered = name.lowercased()
        if let match = keys.first(where: { $0.lowercased() == lowered }) { return match }
        guard name.count >= 4, name.count <= 40 else { return nil }
        let scored = keys.map { ($0, distance(Array(lowered), Array($0.lowercased()))) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance, one row at a time.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
