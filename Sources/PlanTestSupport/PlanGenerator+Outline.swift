import PlanModel

/// The work breakdown structure: summaries with 3–12 children, emitted depth-first so that
/// parents precede their children, with outline numbers, WBS codes and levels that agree.
extension PlanBuilder {
    mutating func buildOutline() {
        plan.tasks.reserveCapacity(taskCount)
        appendForest(size: taskCount, parent: -1, level: 1, numberPrefix: "", phase: "")
    }

    /// Appends `size` tasks as the children (and their descendants) of `parent`.
    private mutating func appendForest(size: Int, parent: Int, level: Int, numberPrefix: String, phase: String) {
        let sizes = subtreeSizes(forestSize: size)
        for (position, subtree) in sizes.enumerated() {
            let number = numberPrefix + String(position + 1)
            let isSummary = subtree > 1
            let name: String
            let kind: TaskKind
            if isSummary {
                kind = .summary
                let phase = rng.pick(Vocabulary.phases)
                name = level == 1 ? phase : phase + ": " + rng.pick(Vocabulary.objects)
            } else if rng.chance(0.06) {
                kind = .milestone
                name = (phase.isEmpty ? "Project" : phase) + " " + rng.pick(Vocabulary.milestones)
            } else {
                kind = .task
                name = rng.pick(Vocabulary.verbs) + " " + rng.pick(Vocabulary.objects)
            }
            let index = appendTask(name: name, kind: kind, number: number, level: level, parent: parent)
            if isSummary {
                appendForest(size: subtree - 1, parent: index, level: level + 1, numberPrefix: number + ".", phase: name)
            }
        }
    }

    private mutating func appendTask(name: String, kind: TaskKind, number: String, level: Int, parent: Int) -> Int {
        let index = plan.tasks.count
        // Deleted tasks leave gaps in MSPDI UIDs and Jira keys alike.
        nextTaskNumber += rng.chance(0.03) ? rng.int(2...9) : 1
        let id: TaskID
        let displayID: Int?
        if flavor.usesKeys {
            id = TaskID(flavor.keyPrefix + "-" + String(nextTaskNumber))
            displayID = rng.chance(0.9) ? 10_000 + nextTaskNumber : nil
        } else {
            id = TaskID(String(nextTaskNumber))
            displayID = index + 1
        }
        plan.tasks.append(
            PlanTask(
                id: id, displayID: displayID, name: name, wbs: flavor.wbsPrefix + number, outlineNumber: number,
                outlineLevel: level, parent: parent >= 0 ? plan.tasks[parent].id : nil, kind: kind))
        parentIndex.append(parent)
        if kind != .summary { leafIndices.append(index) }
        return index
    }

    /// How `forestSize` tasks split into 3–12 sibling subtrees (1 = a leaf, n > 1 = a summary with
    /// n - 1 descendants). Fewer than 3 tasks can only form a short forest; every summary made
    /// here gets at least 3 descendants, so only a whole plan of 1 or 2 tasks is short.
    private mutating func subtreeSizes(forestSize size: Int) -> [Int] {
        guard size >= 3 else { return Array(repeating: 1, count: size) }
        var siblings = rng.int(3...min(12, size))
        var rest = size - siblings
        // A summary needs 3 descendants, so 1 or 2 left over go to siblings, or 3 come from them.
        if rest == 1 || rest == 2 {
            if siblings + rest <= 12 {
                siblings += rest
                rest = 0
            } else {
                siblings -= 3 - rest
                rest = 3
            }
        }
        var sizes = Array(repeating: 1, count: siblings)
        guard rest > 0 else { return sizes }

        // Large forests are mostly summaries, so that depth grows with the logarithm of the size.
        let most = min(siblings, rest / 3)
        let summaries = rest >= 3 * siblings ? most - (most > 3 && rng.chance(0.3) ? 1 : 0) : rng.int(1...most)
        var positions = Array(0..<siblings)
        for i in 0..<summaries {
            positions.swapAt(i, rng.int(i...(siblings - 1)))
        }
        let extra = rest - 3 * summaries
        var weights = [Int]()
        for _ in 0..<summaries { weights.append(rng.int(1...4)) }
        let totalWeight = weights.reduce(0, +)
        var given = 0
        for i in 0..<summaries {
            let share = i == summaries - 1 ? extra - given : extra * weights[i] / totalWeight
            given += share
            sizes[positions[i]] = 1 + 3 + share
        }
        return sizes
    }
}
