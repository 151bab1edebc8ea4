import PlanModel

extension Plan {
    /// The plan as it stood when Baseline `number` was saved: every task's start, finish, duration,
    /// work and cost replaced by that baseline's, assignments' work likewise. Tasks without that
    /// baseline were added after it and are left out (unless a baselined task sits under them).
    /// Fields a baseline does not save (names, notes, progress, links) stay as they are now, so a
    /// diff against this plan reports only what the baseline can tell.
    public func baselinePlan(_ number: Int) -> Plan {
        var result = self
        var keep = [Bool](repeating: false, count: tasks.count)
        var position: [TaskID: Int] = [:]
        for (index, task) in tasks.enumerated() where position[task.id] == nil { position[task.id] = index }
        for (index, task) in tasks.enumerated() where task.baseline(number) != nil {
            var cursor: Int? = index
            while let at = cursor, !keep[at] {
                keep[at] = true
                cursor = tasks[at].parent.flatMap { position[$0] }
            }
        }
        result.tasks = []
        result.tasks.reserveCapacity(tasks.count)
        var kept: Set<TaskID> = []
        for (index, var task) in tasks.enumerated() where keep[index] {
            if let saved = task.baseline(number) {
                if let start = saved.start { task.start = start }
                if let finish = saved.finish { task.finish = finish }
                if let duration = saved.duration { task.duration = duration }
                if let work = saved.work { task.work = work }
                if let cost = saved.cost { task.cost = cost }
            }
            kept.insert(task.id)
            result.tasks.append(task)
        }
        result.dependencies = dependencies.filter { kept.contains($0.predecessor) && kept.contains($0.successor) }
        result.assignments = assignments.compactMap { assignment in
            guard kept.contains(assignment.task) else { return nil }
            var copy = assignment
            if let saved = assignment.baselines.first(where: { $0.number == number }) {
                if let work = saved.work { copy.work = work }
                if let start = saved.start { copy.start = start }
                if let finish = saved.finish { copy.finish = finish }
                if let cost = saved.cost { copy.cost = cost }
            }
            return copy
        }
        if let finish = result.tasks.compactMap(\.finish).max() { result.project.finish = finish }
        if let start = result.tasks.compactMap(\.start).min() { result.project.start = start }
        return result
    }

    /// How many tasks carry Baseline `number`.
    public func tasksWithBaseline(_ number: Int) -> Int {
        tasks.reduce(0) { $0 + ($1.baseline(number) != nil ? 1 : 0) }
    }
}
