import PlanModel

/// The plan's tasks and links as integer-indexed arrays, built once so that the passes never hash
/// an identity. Task `t` is `plan.tasks` position of the kept task; links refer to tasks by index.
///
/// The graph the passes walk has one node per leaf task and two per summary task: the summary's
/// *entry* node carries what links into the summary impose on all of its children (it is ordered
/// before them), its *exit* node rolls the children's dates up (ordered after them) and is where
/// links out of the summary start. Node `2t` is a task's entry (a leaf's only node), `2t + 1` a
/// summary's exit.
struct ScheduleNetwork {
    var ids: [TaskID] = []
    var names: [String] = []
    /// Position in `plan.tasks` of each kept task.
    var planIndex: [Int] = []
    var parent: [Int] = []
    var isSummary: [Bool] = []
    /// Children of task t: `children[childStart[t]..<childStart[t + 1]]`.
    var childStart: [Int] = []
    var children: [Int] = []

    var linkPredecessor: [Int] = []
    var linkSuccessor: [Int] = []
    var linkType: [DependencyType] = []
    var linkLag: [Lag] = []
    /// Links leaving task t: `outLinks[outStart[t]..<outStart[t + 1]]`; likewise `inLinks`.
    var outStart: [Int] = []
    var outLinks: [Int] = []
    var inStart: [Int] = []
    var inLinks: [Int] = []

    var count: Int { ids.count }
    var linkCount: Int { linkPredecessor.count }

    static func entry(_ t: Int) -> Int { 2 * t }
    func exit(_ t: Int) -> Int { isSummary[t] ? 2 * t + 1 : 2 * t }

    init(_ plan: Plan, diagnostics: inout [Diagnostic]) {
        var indexByID: [TaskID: Int] = [:]
        indexByID.reserveCapacity(plan.tasks.count)
        var inactive = Set<TaskID>()
        for (position, task) in plan.tasks.enumerated() {
            // A task under an inactive summary is inactive too, as in MS Project.
            if !task.isActive || task.parent.map(inactive.contains) == true {
                inactive.insert(task.id)
                continue
            }
            guard indexByID[task.id] == nil else {
                diagnostics.append(Diagnostic(
                    .scheduleDuplicateTask, "Two tasks have the identity \(task.id); '\(task.name)' is not scheduled.",
                    entity: .task(task.id)))
                continue
            }
            indexByID[task.id] = ids.count
            ids.append(task.id)
            names.append(task.name)
            planIndex.append(position)
        }

        parent = planIndex.map { position in plan.tasks[position].parent.flatMap { indexByID[$0] } ?? -1 }
        var childCount = Array(repeating: 0, count: count + 1)
        for p in parent where p >= 0 { childCount[p] += 1 }
        isSummary = (0..<count).map { childCount[$0] > 0 }
        (childStart, children) = Self.groups(count: count, items: Array(0..<count), key: { parent[$0] })

        for dependency in plan.dependencies {
            let from = indexByID[dependency.predecessor]
            let to = indexByID[dependency.successor]
            guard let from, let to else {
                let missing = [dependency.predecessor, dependency.successor].filter { indexByID[$0] == nil && !inactive.contains($0) }
                if !missing.isEmpty {
                    let names = missing.map(\.rawValue).joined(separator: " and ")
                    diagnostics.append(Diagnostic(
                        .scheduleDanglingLink,
                        "The link \(dependency.predecessor) → \(dependency.successor) names task \(names), which the plan does not contain; it is ignored.",
                        entity: .dependency(predecessor: dependency.predecessor, successor: dependency.successor)))
                }
                continue
            }
            linkPredecessor.append(from)
            linkSuccessor.append(to)
            linkType.append(dependency.type)
            linkLag.append(dependency.lag)
        }
        let links = Array(0..<linkCount)
        (outStart, outLinks) = Self.groups(count: count, items: links, key: { linkPredecessor[$0] })
        (inStart, inLinks) = Self.groups(count: count, items: links, key: { linkSuccessor[$0] })
    }

    /// Counting sort of `items` by `key` into compressed rows: row r is `members[starts[r]..<starts[r + 1]]`,
    /// items with a negative key are left out; order within a row follows `items`.
    private static func groups(count: Int, items: [Int], key: (Int) -> Int) -> (starts: [Int], members: [Int]) {
        var starts = Array(repeating: 0, count: count + 1)
        for item in items {
            let k = key(item)
            if k >= 0 { starts[k + 1] += 1 }
        }
        for r in 0..<count { starts[r + 1] += starts[r] }
        var fill = starts
        var members = Array(repeating: 0, count: starts[count])
        for item in items {
            let k = key(item)
            guard k >= 0 else { continue }
            members[fill[k]] = item
            fill[k] += 1
        }
        return (starts, members)
    }

    func children(of t: Int) -> ArraySlice<Int> { children[childStart[t]..<childStart[t + 1]] }
    func linksOut(of t: Int) -> ArraySlice<Int> { outLinks[outStart[t]..<outStart[t + 1]] }
    func linksIn(of t: Int) -> ArraySlice<Int> { inLinks[inStart[t]..<inStart[t + 1]] }

    /// `'Design' (12)`, how diagnostics name a task.
    func label(_ t: Int) -> String { "'\(names[t])' (\(ids[t]))" }

    /// Reports a cycle given as task indices, the first repeated at the end.
    func cycleDiagnostic(_ cycle: [Int]) -> Diagnostic {
        let path = cycle.map(label).joined(separator: " → ")
        let summaryNote = cycle.contains { isSummary[$0] }
            ? " (a link between a task and its own summary, or into a summary whose task it waits for, closes the loop)" : ""
        return Diagnostic(
            .scheduleDependencyCycle,
            "Dependency cycle: \(path)\(summaryNote); nothing is scheduled until one of these links is removed.",
            entity: .task(ids[cycle[0]]))
    }
}
