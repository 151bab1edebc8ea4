import PlanModel

/// One plan's tasks with what matching needs: positions by identity, parents by position,
/// normalised names and outline paths of names (which survive MS Project renumbering IDs and WBS
/// codes, unlike `displayID` or `wbs`).
struct OutlineIndex {
    let tasks: [PlanTask]
    /// First position of each identity.
    let position: [TaskID: Int]
    let parent: [Int?]
    /// The name folded for comparison: lower case, runs of white space as one space.
    let key: [String]
    /// Keys of the ancestors and the task, joined by U+001F.
    let path: [String]

    init(_ tasks: [PlanTask]) {
        self.tasks = tasks
        var position = [TaskID: Int](minimumCapacity: tasks.count)
        for (index, task) in tasks.enumerated() where position[task.id] == nil { position[task.id] = index }
        var parent = [Int?](repeating: nil, count: tasks.count)
        var key: [String] = []
        var path: [String] = []
        key.reserveCapacity(tasks.count)
        path.reserveCapacity(tasks.count)
        for (index, task) in tasks.enumerated() {
            let folded = Self.fold(task.name)
            key.append(folded)
            // Tasks come parents first; a parent listed later (or missing) leaves the task at the top.
            if let p = task.parent.flatMap({ position[$0] }), p < index {
                parent[index] = p
                path.append(path[p] + "\u{1F}" + folded)
            } else {
                path.append(folded)
            }
        }
        self.position = position
        self.parent = parent
        self.key = key
        self.path = path
    }

    var count: Int { tasks.count }

    static func fold(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `Phase 1 > Design`, the names of the task's ancestors; `(top level)` for none.
    func parentPath(of index: Int) -> String {
        var names: [String] = []
        var cursor = parent[index]
        while let p = cursor {
            names.append(tasks[p].name)
            cursor = parent[p]
        }
        return names.isEmpty ? "(top level)" : names.reversed().joined(separator: " > ")
    }
}
