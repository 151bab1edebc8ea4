import PlanModel

extension JiraPlanBuilder {
    /// Extension of a child whose parent is not in the file: the reference as the file gave it.
    static let missingParentKey = "jira:Parent (not in file)"
    static let parentSummaryKey = "jira:" + JiraField.parentSummary.header
    static let issueTypeKey = "jira:" + JiraField.issueType.header

    /// The parent row of each row. References are tried keys first (`Parent key`, then the numeric
    /// `Parent`/`Parent id`, then `Epic Link`); a parent not in the file is reported once per parent
    /// and its children stay at the top level with the reference kept.
    mutating func resolveParents() -> [Int?] {
        var parents: [Int?] = Array(repeating: nil, count: table.rowCount)
        var reported: Set<String> = []
        let rank = { (reference: ParentReference) in JiraField.parentSources.firstIndex(of: reference.field)! }
        var next = 0
        for row in 0..<table.rowCount {
            let begin = next
            while next < parentReferences.count && parentReferences[next].row == row { next += 1 }
            let references = parentReferences[begin..<next]
            // The first of the most trusted field; a row gives one reference per column group.
            guard let chosenIndex = references.indices.min(by: { rank(references[$0]) < rank(references[$1]) }) else {
                if let summary = parentSummaries[row] { tasks[row].extensions[Self.parentSummaryKey] = summary }
                continue
            }
            let chosen = references[chosenIndex]
            if let parent = self.row(named: chosen.text), parent != row {
                parents[row] = parent
                // A second reference that names another issue is not silently dropped.
                for index in references.indices where index != chosenIndex {
                    let other = references[index]
                    guard self.row(named: other.text) != parent else { continue }
                    tasks[row].extensions["jira:" + other.field.header] = other.text
                }
                continue
            }
            tasks[row].extensions[Self.missingParentKey] = chosen.text
            if let summary = parentSummaries[row] { tasks[row].extensions[Self.parentSummaryKey] = summary }
            if reported.insert(chosen.text).inserted {
                diagnostics.add(
                    .jiraParentMissing,
                    chosen.text == tasks[row].id.rawValue || self.row(named: chosen.text) == row
                        ? "the issue names itself as its parent; it stays at the top level"
                        : "parent \(chosen.text) is not in the file; its children stay at the top level",
                    row: table.rowNumbers[row], column: layout.headers[chosen.column], entity: tasks[row].id)
            }
        }
        breakCycles(&parents)
        return parents
    }

    /// Rearranges `items` so that position `p` holds what was at `order[p]` (a permutation), by
    /// swapping along each cycle of it.
    static func permute<T>(_ items: UnsafeMutableBufferPointer<T>, into order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            var position = start
            while order[position] != start {
                items.swapAt(position, order[position])
                placed[position] = true
                position = order[position]
            }
            placed[position] = true
        }
    }

    /// Parent chains that come back to where they started (a hand-edited file can do that) are cut
    /// at the first issue found on the circle.
    private mutating func breakCycles(_ parents: inout [Int?]) {
        // 0 unvisited, 1 on the current path, 2 known to reach the top.
        var state = [UInt8](repeating: 0, count: parents.count)
        for start in parents.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let row = current, state[row] == 0 {
                state[row] = 1
                path.append(row)
                current = parents[row]
            }
            if let row = current, state[row] == 1 {
                diagnostics.add(
                    .jiraParentCycle, "the parent references go round in a circle; \(tasks[row].id) is put at the top level",
                    row: table.rowNumbers[row], entity: tasks[row].id)
                parents[row] = nil
            }
            for row in path { state[row] = 2 }
        }
    }

    /// Outline order (parents before children, siblings in file order), levels, kinds and the
    /// plan itself.
    mutating func assemble(parents: [Int?], dependencies: [RowDependency]) -> Plan {
        var children: [[Int]] = Array(repeating: [], count: tasks.count)
        var roots: [Int] = []
        for row in tasks.indices {
            if let parent = parents[row] { children[parent].append(row) } else { roots.append(row) }
        }
        var order: [Int] = []
        order.reserveCapacity(tasks.count)
        var stack: [(row: Int, level: Int)] = roots.reversed().map { ($0, 1) }
        var levels = [Int](repeating: 1, count: tasks.count)
        while let (row, level) = stack.popLast() {
            order.append(row)
            levels[row] = level
            for child in children[row].reversed() { stack.append((child, level + 1)) }
        }
        var position = [Int](repeating: 0, count: tasks.count)
        for (index, row) in order.enumerated() { position[row] = index }

        var plan = Plan()
        plan.project.name = projectName
        // The issue type is kept only where it is not what the outline implies (the writer's
        // default), so that a plan read from a file without types reads back the same.
        let types = JiraIssueTypes()
        var implied = [String](repeating: types.standard, count: tasks.count)
        // The tasks are put into outline order where they are, cycle by cycle: a new array of
        // them would be as large again, in fresh memory.
        plan.tasks = tasks
        tasks = []
        plan.tasks.withUnsafeMutableBufferPointer { Self.permute($0, into: order) }
        for (position, row) in order.enumerated() {
            plan.tasks[position].outlineLevel = levels[row]
            plan.tasks[position].parent = parents[row].map { identities[$0] }
            if !children[row].isEmpty { plan.tasks[position].kind = .summary }
            if let parent = parents[row] {
                implied[row] = implied[parent] == types.epic ? types.standard : types.subtask
            } else {
                implied[row] = plan.tasks[position].kind == .summary ? types.epic : types.standard
            }
            if let type = issueTypes[row], type != implied[row] { plan.tasks[position].extensions[Self.issueTypeKey] = type }
        }
        plan.assignments = order.compactMap { assignments[$0] }
        // Resources in the order the outline first names them, like the assignments.
        var listed: Set<ResourceID> = []
        plan.resources = plan.assignments.compactMap { assignment in
            guard let id = assignment.resource, listed.insert(id).inserted else { return nil }
            return resources[resourceIndex[id]!]
        }
        // Links are listed by predecessor, then successor, in outline order: the order a file's
        // rows happen to be in does not change the plan.
        let keyed = dependencies.enumerated().map { (position[$0.element.from], position[$0.element.to], $0.offset) }
        plan.dependencies = keyed.sorted { $0 < $1 }.map { dependencies[$0.2].dependency }
        plan.customFieldDefinitions = customFieldDefinitions.sorted { $0.key < $1.key }.map(\.value)
        return plan
    }
}
