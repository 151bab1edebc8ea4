import PlanModel

/// What project managers add once the network exists: constraints, deadlines, priorities, notes,
/// saved baselines, task calendars, custom field values and tool-specific leftovers; and the
/// project's own properties.
extension PlanBuilder {
    mutating func addTaskDetails() {
        let taskFields = customFields(of: .task)
        let perDay = clock.minutesPerDay
        for index in plan.tasks.indices {
            var task = plan.tasks[index]
            let isLeaf = task.kind != .summary
            if isLeaf && rng.chance(0.1) { task.constraint = randomConstraint(index) }
            if isLeaf && rng.chance(task.kind == .milestone ? 0.3 : 0.05) {
                task.deadline = clock.finish(finishMinute[index] + rng.int(0...10) * perDay)
            }
            if rng.chance(0.9) {
                task.priority = rng.chance(0.75) ? 500 : rng.pick([0, 100, 200, 300, 400, 600, 700, 800, 900, 1000])
            }
            if rng.chance(0.1) { task.notes = rng.pick(Vocabulary.notes) }
            if isLeaf && !otherBaseCalendars.isEmpty && rng.chance(0.03) {
                let calendar = rng.pick(otherBaseCalendars)
                // Work resources work only where the task's calendar and theirs overlap, and the
                // night shift shares no working time with the day calendars every resource here
                // is on: MS Project cannot schedule such a task, so no planner leaves one.
                if calendar != nightShiftCalendar || !hasWorkAssignments(index) { task.calendar = calendar }
            }
            if isLeaf && rng.chance(0.03) { task.isManuallyScheduled = true }
            if rng.chance(0.01) { task.isActive = false }
            // MS Project inactivates a summary's subtasks with it, so no file has an active task
            // under an inactive summary. Parents come first, so the parent is already settled.
            if parentIndex[index] >= 0 && !plan.tasks[parentIndex[index]].isActive { task.isActive = false }
            task.baselines = baselines(of: index, task)
            if rng.chance(0.35) {
                for _ in 0..<rng.int(1...4) {
                    let field = rng.pick(taskFields)
                    task.customFields[field.id] = customFieldValue(of: field.type)
                }
            }
            if rng.chance(0.03) {
                if flavor.usesKeys {
                    task.extensions["jira:Sprint"] = "Sprint \(rng.int(1...40))"
                    task.extensions["jira:Labels"] = rng.pick(["backend", "backend ops", "ux,urgent", "größe-L"])
                } else {
                    task.extensions["mspdi:Task/Hyperlink"] = "Wiki"
                    task.extensions["mspdi:Task/HyperlinkAddress"] = "https://intranet.example/wiki/Task_\(task.id)?a=1&b=2"
                }
            }
            plan.tasks[index] = task
        }
    }

    private func hasWorkAssignments(_ index: Int) -> Bool {
        assignmentRange[index].contains { a in
            plan.assignments[a].resource.map { id in plan.resources.contains { $0.id == id && $0.type == .work } } ?? false
        }
    }

    /// One constraint of the eight types; the dated ones fall on the task's own start or finish,
    /// or a few days off it, as a planner would set them.
    private mutating func randomConstraint(_ index: Int) -> Constraint {
        let type = ConstraintType.allCases[rng.int(0...7)]
        let shift = rng.chance(0.5) ? 0 : rng.int(-3...5) * clock.minutesPerDay
        switch type {
        case .asSoonAsPossible, .asLateAsPossible:
            return Constraint(type: type)
        case .mustStartOn, .startNoEarlierThan, .startNoLaterThan:
            return Constraint(type: type, date: clock.start(max(0, startMinute[index] + shift)))
        case .mustFinishOn, .finishNoEarlierThan, .finishNoLaterThan:
            return Constraint(type: type, date: clock.finish(max(1, finishMinute[index] + shift)))
        }
    }

    /// Baseline 0 as the plan was first approved (some tasks have slipped since), and the extra
    /// baselines the plan saved. Tasks added after baselining have none; fields go missing now
    /// and then, as they do in real files.
    private mutating func baselines(of index: Int, _ task: PlanTask) -> [Baseline] {
        var numbers: [Int] = []
        if flavor.hasBaseline0 && rng.chance(0.9) { numbers.append(0) }
        for number in flavor.extraBaselines where rng.chance(0.5) { numbers.append(number) }
        var result: [Baseline] = []
        for number in numbers {
            let slip = rng.chance(0.6) ? 0 : rng.int(1...5) * clock.minutesPerDay
            let start = max(0, startMinute[index] - slip)
            let finish = max(start, finishMinute[index] - slip)
            var baseline = Baseline(number: number)
            let (plannedStart, plannedFinish) = leafDates(index, from: start, to: finish)
            if rng.chance(0.95) { baseline.start = plannedStart }
            if rng.chance(0.95) { baseline.finish = plannedFinish }
            if rng.chance(0.9) { baseline.duration = task.duration }
            if rng.chance(0.8) { baseline.work = task.work }
            if rng.chance(0.7) { baseline.cost = task.cost ?? Amount(units: rng.int(0...10_000)) }
            result.append(baseline)
        }
        return result
    }

    mutating func makeProject() -> Project {
        let perDay = clock.minutesPerDay
        var project = Project(conventions: flavor.conventions, scheduleFrom: flavor.scheduleFrom)
        let name = rng.pick(Vocabulary.projectNames)
        project.name = name
        if rng.chance(0.8) { project.title = name }
        if rng.chance(0.5) { project.subject = rng.pick(["Umbau", "Digital programme", "Infrastructure"]) }
        if rng.chance(0.8) { project.author = rng.pick(Vocabulary.people) }
        if rng.chance(0.7) { project.company = rng.pick(Vocabulary.companies) }
        if rng.chance(0.7) { project.manager = rng.pick(Vocabulary.people) }
        project.start = clock.start(0)
        project.finish = plan.tasks.lazy.compactMap(\.finish).max()
        if let status = statusMinute {
            project.statusDate = clock.finish(max(status, perDay))
            if rng.chance(0.7) { project.currentDate = clock.start(status) }
        }
        if rng.chance(0.8) {
            let created = clock.origin.adding(days: -rng.int(5...60))
            project.creationDate = CivilDateTime(
                date: created, time: TimeOfDay(hour: 9, minute: rng.int(0...59))!, second: rng.int(0...59))
        }
        if rng.chance(0.8) {
            project.lastSaved = CivilDateTime(
                date: clock.date(workingDay: rng.int(0...60)), time: TimeOfDay(hour: 17, minute: 42)!, second: 7)
        }
        if rng.chance(0.9) {
            let (code, symbol, digits) = rng.pick(Vocabulary.currencies)
            project.currencyCode = code
            if rng.chance(0.9) { project.currencySymbol = symbol }
            if rng.chance(0.9) { project.currencyDigits = digits }
        }
        project.defaultCalendar = standardCalendar
        if rng.chance(0.8) {
            project.defaultStartTime = TimeOfDay(minutes: clock.dayStart)
            project.defaultFinishTime = TimeOfDay(minutes: clock.dayStart + clock.minutesPerDay + clock.lunch)
        }
        if rng.chance(0.7) { project.timeZone = rng.pick(Vocabulary.timeZones) }
        for field in customFields(of: .project) where rng.chance(0.8) {
            project.customFields[field.id] = customFieldValue(of: field.type)
        }
        if rng.chance(0.3) { project.extensions["mspdi:Project/WeekStartDay"] = "1" }
        return project
    }
}
