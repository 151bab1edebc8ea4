import PlanModel

/// How a baseline task was paired with a current one, in the order the matcher tries the rules.
public enum MatchRule: String, CaseIterable, Hashable, Sendable {
    /// The same identity (UID, Jira key, iCalendar UID).
    case identity
    /// The same names all the way from the top of the outline.
    case outlinePath = "outline-path"
    /// The same name under the same (matched) parent, whose own name may have changed.
    case parentAndName = "parent-and-name"
    /// A name that occurs once among the unmatched tasks of each plan, found elsewhere in the outline:
    /// a task moved under another parent.
    case uniqueName = "unique-name"
    /// A similar name under the same (matched) parent: a task renamed in place.
    case renamedInPlace = "renamed-in-place"
}

/// The pairing of baseline tasks with current tasks, by position in each plan.
public struct TaskMatching: Sendable {
    /// For each baseline task, its current counterpart.
    public internal(set) var currentOf: [Int?]
    /// For each current task, its baseline counterpart.
    public internal(set) var baselineOf: [Int?]
    /// For each current task, the rule that matched it.
    public internal(set) var rule: [MatchRule?]
    /// Auto mode found the identities of the two plans unrelated and matched by names only.
    public internal(set) var identitiesSetAside = false

    init(baselineCount: Int, currentCount: Int) {
        currentOf = Array(repeating: nil, count: baselineCount)
        baselineOf = Array(repeating: nil, count: currentCount)
        rule = Array(repeating: nil, count: currentCount)
    }

    mutating func link(_ b: Int, _ c: Int, _ how: MatchRule) {
        currentOf[b] = c
        baselineOf[c] = b
        rule[c] = how
    }

    /// Matches per rule.
    public var counts: [MatchRule: Int] {
        var counts: [MatchRule: Int] = [:]
        for case let r? in rule { counts[r, default: 0] += 1 }
        return counts
    }
}

/// Pairs tasks: identity first, then outline path, then in rounds parent + name, a unique name
/// elsewhere (moves) and a similar name under the same parent (renames). Every step is a pass over
/// the tasks with dictionaries, so matching is linear in the number of tasks apart from the
/// similarity comparison inside one parent's unmatched children, which is capped.
enum TaskMatcher {
    /// Unmatched siblings compared pairwise for renames, at most, per side and parent.
    static let renameGroupLimit = 64

    static func match(_ b: OutlineIndex, _ c: OutlineIndex, mode: MatchMode) -> TaskMatching {
        var m = TaskMatching(baselineCount: b.count, currentCount: c.count)
        if mode != .name {
            var pairs: [(Int, Int)] = []
            for (i, task) in b.tasks.enumerated() {
                if let j = c.position[task.id], b.position[task.id] == i { pairs.append((i, j)) }
            }
            if mode == .auto, !pairs.isEmpty {
                let agreeing = pairs.reduce(0) { $0 + (b.key[$1.0] == c.key[$1.1] ? 1 : 0) }
                if agreeing * 2 < pairs.count {
                    m.identitiesSetAside = true
                    pairs = []
                }
            }
            for (i, j) in pairs { m.link(i, j, .identity) }
        }
        guard mode != .id else { return m }

        var byPath: [String: [Int]] = [:]
        for j in (0..<c.count).reversed() where m.baselineOf[j] == nil { byPath[c.path[j], default: []].append(j) }
        for i in 0..<b.count where m.currentOf[i] == nil {
            if let j = byPath[b.path[i]]?.popLast() { m.link(i, j, .outlinePath) }
        }

        for _ in 0..<4 {
            var progress = matchParentAndName(b, c, &m)
            progress = matchUniqueName(b, c, &m) || progress
            progress = matchRenamedInPlace(b, c, &m) || progress
            if !progress { break }
        }
        return m
    }

    /// The current position of a baseline task's parent: -1 at the top, nil when the parent is unmatched.
    static func mappedParent(_ i: Int, _ b: OutlineIndex, _ m: TaskMatching) -> Int? {
        guard let p = b.parent[i] else { return -1 }
        return m.currentOf[p]
    }

    private struct ParentKey: Hashable {
        var parent: Int
        var key: String
    }

    private static func matchParentAndName(_ b: OutlineIndex, _ c: OutlineIndex, _ m: inout TaskMatching) -> Bool {
        var open: [ParentKey: [Int]] = [:]
        for j in (0..<c.count).reversed() where m.baselineOf[j] == nil {
            open[ParentKey(parent: c.parent[j] ?? -1, key: c.key[j]), default: []].append(j)
        }
        guard !open.isEmpty else { return false }
        var progress = false
        for i in 0..<b.count where m.currentOf[i] == nil {
            guard let parent = mappedParent(i, b, m) else { continue }
            if let j = open[ParentKey(parent: parent, key: b.key[i])]?.popLast() {
                m.link(i, j, .parentAndName)
                progress = true
            }
        }
        return progress
    }

    private static func matchUniqueName(_ b: OutlineIndex, _ c: OutlineIndex, _ m: inout TaskMatching) -> Bool {
        var inBaseline: [String: (count: Int, index: Int)] = [:]
        for i in 0..<b.count where m.currentOf[i] == nil {
            inBaseline[b.key[i], default: (0, i)].count += 1
        }
        var inCurrent: [String: (count: Int, index: Int)] = [:]
        for j in 0..<c.count where m.baselineOf[j] == nil {
            inCurrent[c.key[j], default: (0, j)].count += 1
        }
        var progress = false
        for i in 0..<b.count where m.currentOf[i] == nil {
            guard let one = inBaseline[b.key[i]], one.count == 1, let other = inCurrent[b.key[i]], other.count == 1 else { continue }
            m.link(i, other.index, .uniqueName)
            progress = true
        }
        return progress
    }

    private static func matchRenamedInPlace(_ b: OutlineIndex, _ c: OutlineIndex, _ m: inout TaskMatching) -> Bool {
        var baselineGroups: [Int: [Int]] = [:]
        for i in 0..<b.count where m.currentOf[i] == nil {
            if let parent = mappedParent(i, b, m) { baselineGroups[parent, default: []].append(i) }
        }
        guard !baselineGroups.isEmpty else { return false }
        var currentGroups: [Int: [Int]] = [:]
        for j in 0..<c.count where m.baselineOf[j] == nil { currentGroups[c.parent[j] ?? -1, default: []].append(j) }
        var progress = false
        for parent in baselineGroups.keys.sorted() {
            guard let olds = baselineGroups[parent], let news = currentGroups[parent],
                  olds.count <= renameGroupLimit, news.count <= renameGroupLimit else { continue }
            var candidates: [(score: Double, i: Int, j: Int)] = []
            for i in olds {
                let grams = NameSimilarity.bigrams(b.key[i])
                for j in news where b.tasks[i].kind == c.tasks[j].kind {
                    let score = NameSimilarity.dice(grams, NameSimilarity.bigrams(c.key[j]))
                    let sameShape = b.tasks[i].start == c.tasks[j].start && b.tasks[i].duration?.minutes == c.tasks[j].duration?.minutes
                    // A lone pair under one parent with unchanged dates is a rename even with little
                    // in common; otherwise the names must share at least half their letter pairs.
                    if score >= 0.5 || (olds.count == 1 && news.count == 1 && (score >= 0.3 || sameShape)) {
                        candidates.append((score, i, j))
                    }
                }
            }
            candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.i, $0.j) < ($1.i, $1.j) }
            for candidate in candidates where m.currentOf[candidate.i] == nil && m.baselineOf[candidate.j] == nil {
                m.link(candidate.i, candidate.j, .renamedInPlace)
                progress = true
            }
        }
        return progress
    }
}

/// Dice's coefficient over adjacent character pairs: 1 for equal names, 0 for nothing shared.
enum NameSimilarity {
    static func bigrams(_ text: String) -> [UInt64] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 1 else { return scalars.map { UInt64($0.value) } }
        var grams: [UInt64] = []
        grams.reserveCapacity(scalars.count - 1)
        for k in 1..<scalars.count { grams.append(UInt64(scalars[k - 1].value) << 32 | UInt64(scalars[k].value)) }
        return grams.sorted()
    }

    static func dice(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var (x, y, shared) = (0, 0, 0)
        while x < a.count && y < b.count {
            if a[x] == b[y] {
                shared += 1
                x += 1
                y += 1
            } else if a[x] < b[y] {
                x += 1
            } else {
                y += 1
            }
        }
        return Double(2 * shared) / Double(a.count + b.count)
    }
}

/// Pairs resources or calendars: identity, then a name unique on both sides.
enum NamedMatcher {
    enum Rule: String, Sendable { case identity, name }

    static func match(baseline: [(id: String, name: String)], current: [(id: String, name: String)], mode: MatchMode) -> [Int?] {
        var currentOf = [Int?](repeating: nil, count: baseline.count)
        var taken = [Bool](repeating: false, count: current.count)
        if mode != .name {
            var position: [String: Int] = [:]
            for (j, entity) in current.enumerated() where position[entity.id] == nil { position[entity.id] = j }
            var pairs: [(Int, Int)] = []
            for (i, entity) in baseline.enumerated() {
                if let j = position[entity.id], !taken[j] {
                    pairs.append((i, j))
                    taken[j] = true
                }
            }
            if mode == .auto, !pairs.isEmpty {
                let agreeing = pairs.reduce(0) { $0 + (OutlineIndex.fold(baseline[$1.0].name) == OutlineIndex.fold(current[$1.1].name) ? 1 : 0) }
                if agreeing * 2 < pairs.count {
                    pairs = []
                    taken = Array(repeating: false, count: current.count)
                }
            }
            for (i, j) in pairs { currentOf[i] = j }
        }
        guard mode != .id else { return currentOf }
        var byName: [String: [Int]] = [:]
        for j in current.indices.reversed() where !taken[j] { byName[OutlineIndex.fold(current[j].name), default: []].append(j) }
        for i in baseline.indices where currentOf[i] == nil {
            if let j = byName[OutlineIndex.fold(baseline[i].name)]?.popLast() {
                currentOf[i] = j
                taken[j] = true
            }
        }
        return currentOf
    }
}
