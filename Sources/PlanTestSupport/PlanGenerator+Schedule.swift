import PlanModel

/// Durations, dependencies and dates. Links only run from an earlier leaf to a later one in outline
/// order, so the network is acyclic by construction, and one forward pass in that order gives
/// every leaf dates that respect its links.
extension PlanBuilder {
    /// Links per task (summaries included) a generated plan aims for.
    static let linksPerTask = 1.3

    mutating func scheduleLeaves() {
        let count = plan.tasks.count
        span = Array(repeating: 0, count: count)
        startMinute = Array(repeating: 0, count: count)
        finishMinute = Array(repeating: 0, count: count)
        let leaves = leafIndices.count
        guard leaves > 0 else { return }
        let linksPerLeaf = leaves > 1 ? Self.linksPerTask * Double(count) / Double(leaves - 1) : 0
        plan.dependencies.reserveCapacity(Int(Double(count) * Self.linksPerTask) + 8)

        var predecessors: [Int] = []
        for position in 0..<leaves {
            let task = leafIndices[position]
            let (minutes, duration) = leafDuration(isMilestone: plan.tasks[task].kind == .milestone)
            span[task] = minutes
            plan.tasks[task].duration = duration

            var earliest = 0
            var linkCount = Int(linksPerLeaf)
            if rng.chance(linksPerLeaf - Double(linkCount)) { linkCount += 1 }
            linkCount = min(linkCount, position)
            choosePredecessors(count: linkCount, forLeafAt: position, into: &predecessors)
            for predecessor in predecessors {
                let (dependency, start) = link(from: predecessor, to: task)
                plan.dependencies.append(dependency)
                earliest = max(earliest, start)
            }
            startMinute[task] = earliest
            finishMinute[task] = earliest + minutes
        }
    }

    /// Distinct earlier leaves (as task indices): mostly the previous sibling, so that work
    /// packages run in sequence, plus leaves anywhere earlier. Far-reaching links keep the longest
    /// path logarithmic in the plan size, so that 100,000 tasks still fit in a few years.
    private mutating func choosePredecessors(count: Int, forLeafAt position: Int, into chosen: inout [Int]) {
        chosen.removeAll(keepingCapacity: true)
        guard count > 0 else { return }
        let task = leafIndices[position]
        let previous = leafIndices[position - 1]
        if parentIndex[previous] == parentIndex[task] && rng.chance(0.7) {
            chosen.append(previous)
        }
        var attempts = 0
        while chosen.count < count && attempts < 8 {
            attempts += 1
            let candidate = leafIndices[rng.int(0...(position - 1))]
            if !chosen.contains(candidate) { chosen.append(candidate) }
        }
    }

    /// A link of a random type and lag, and the earliest start it allows the successor.
    private mutating func link(from predecessor: Int, to successor: Int) -> (Dependency, Int) {
        let type = DependencyType.allCases[rng.weighted([80, 10, 7, 3])]
        let (lag, lagMinutes) = randomLag(predecessorSpan: span[predecessor])
        var extensions: Extensions = [:]
        if rng.chance(0.01) { extensions["mspdi:PredecessorLink/CrossProject"] = "0" }
        let dependency = Dependency(
            predecessor: plan.tasks[predecessor].id, successor: plan.tasks[successor].id, type: type, lag: lag,
            extensions: extensions)
        let ownSpan = span[successor]
        let start: Int
        switch type {
        case .finishToStart: start = finishMinute[predecessor] + lagMinutes
        case .startToStart: start = startMinute[predecessor] + lagMinutes
        case .finishToFinish: start = finishMinute[predecessor] + lagMinutes - ownSpan
        case .startToFinish: start = startMinute[predecessor] + lagMinutes - ownSpan
        }
        return (dependency, max(0, start))
    }

    /// Mostly no lag; otherwise working or elapsed time, or a percentage of the predecessor, and
    /// a quarter of those negative (leads). Returns the lag and its effect in working minutes.
    private mutating func randomLag(predecessorSpan: Int) -> (Lag, Int) {
        let perDay = clock.minutesPerDay
        let sign = rng.chance(0.25) ? -1 : 1
        switch rng.weighted([68, 4, 12, 5, 4, 5, 2]) {
        case 0:
            return (.zero, 0)
        case 1:
            return (.time(WorkDuration(minutes: 0, unit: .days)), 0)
        case 2:
            let days = sign * rng.int(1...5)
            return (.time(WorkDuration(minutes: days * perDay, unit: .days)), days * perDay)
        case 3:
            let hours = sign * rng.int(1...16)
            return (.time(WorkDuration(minutes: hours * 60, unit: .hours)), hours * 60)
        case 4:
            let days = sign * rng.int(1...7)
            return (.time(WorkDuration(minutes: days * 1440, unit: .days, isElapsed: true)), days * perDay * 5 / 7)
        case 5:
            let percent = sign * rng.pick([10, 25, 50, 75, 100])
            return (.percent(percent, elapsed: rng.chance(0.2)), predecessorSpan * percent / 100)
        default:
            let weeks = sign * rng.int(1...2)
            let minutes = weeks * flavor.conventions.minutesPerWeek
            return (.time(WorkDuration(minutes: minutes, unit: .weeks, isEstimated: rng.chance(0.1))), minutes)
        }
    }

    /// A leaf's duration as the user saw it, and the working minutes it takes. Mostly days, also
    /// hours, weeks, months, minutes, fractions of days and elapsed time.
    private mutating func leafDuration(isMilestone: Bool) -> (Int, WorkDuration) {
        guard !isMilestone else { return (0, WorkDuration(minutes: 0, unit: .days)) }
        let perDay = clock.minutesPerDay
        let estimated = rng.chance(0.04)
        switch rng.weighted([55, 8, 12, 10, 5, 3, 2, 2]) {
        case 0:
            let days = rng.chance(0.8) ? rng.int(1...5) : rng.int(6...15)
            return (days * perDay, WorkDuration(minutes: days * perDay, unit: .days, isEstimated: estimated))
        case 1:
            let halfDays = 2 * rng.int(0...4) + 1
            let minutes = halfDays * perDay / 2
            return (minutes, WorkDuration(minutes: minutes, unit: .days, isEstimated: estimated))
        case 2:
            let minutes = rng.int(1...24) * 60
            return (minutes, WorkDuration(minutes: minutes, unit: .hours, isEstimated: estimated))
        case 3:
            let minutes = rng.int(1...4) * flavor.conventions.minutesPerWeek
            return (minutes, WorkDuration(minutes: minutes, unit: .weeks, isEstimated: estimated))
        case 4:
            let days = rng.int(1...14)
            let working = max(1, days * 5 / 7) * perDay
            return (working, WorkDuration(minutes: days * 1440, unit: .days, isElapsed: true, isEstimated: estimated))
        case 5:
            let minutes = rng.int(1...2) * perDay * flavor.conventions.daysPerMonth
            return (minutes, WorkDuration(minutes: minutes, unit: .months, isEstimated: estimated))
        case 6:
            let minutes = rng.int(1...16) * 15
            return (minutes, WorkDuration(minutes: minutes, unit: .minutes, isEstimated: estimated))
        default:
            let hours = rng.int(2...48)
            // Elapsed hours scaled to working time, to the quarter hour.
            let working = max(15, hours * 60 * perDay / 1440 / 15 * 15)
            return (working, WorkDuration(minutes: hours * 60, unit: .hours, isElapsed: true))
        }
    }

    /// Summaries span their children; work and cost add up. Children follow their parent, so one
    /// backward pass sees every child before its parent.
    mutating func rollUpSummaries() {
        let count = plan.tasks.count
        var seen = Array(repeating: false, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            if plan.tasks[index].kind == .summary {
                span[index] = finishMinute[index] - startMinute[index]
                let duration = WorkDuration(minutes: span[index], unit: .days)
                plan.tasks[index].duration = duration
                if workMinutes[index] > 0 {
                    plan.tasks[index].work = WorkDuration(minutes: workMinutes[index], unit: .hours)
                }
                if costTenThousandths[index] != 0 {
                    plan.tasks[index].cost = Amount(tenThousandths: costTenThousandths[index])
                }
            }
            let parent = parentIndex[index]
            guard parent >= 0 else { continue }
            if seen[parent] {
                startMinute[parent] = min(startMinute[parent], startMinute[index])
                finishMinute[parent] = max(finishMinute[parent], finishMinute[index])
            } else {
                seen[parent] = true
                startMinute[parent] = startMinute[index]
                finishMinute[parent] = finishMinute[index]
            }
            workMinutes[parent] += workMinutes[index]
            costTenThousandths[parent] += costTenThousandths[index]
        }
        // Civil dates bottom-up as well: a milestone sits at the end of the working time before
        // it, so a summary's dates come from its children's dates, not from working minutes.
        var starts = [CivilDateTime?](repeating: nil, count: count)
        var finishes = [CivilDateTime?](repeating: nil, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            if plan.tasks[index].kind != .summary {
                (starts[index], finishes[index]) = leafDates(index, from: startMinute[index], to: finishMinute[index])
            }
            plan.tasks[index].start = starts[index]
            plan.tasks[index].finish = finishes[index]
            let parent = parentIndex[index]
            guard parent >= 0 else { continue }
            starts[parent] = min(starts[parent] ?? starts[index]!, starts[index]!)
            finishes[parent] = max(finishes[parent] ?? finishes[index]!, finishes[index]!)
        }
    }

    /// A leaf's start and finish for working minutes `from` and `to`. Milestones sit where the
    /// work before them stops, as MS Project shows them (17:00, not 08:00 the next day).
    func leafDates(_ index: Int, from: Int, to: Int) -> (CivilDateTime, CivilDateTime) {
        guard span[index] > 0 else {
            let moment = clock.finish(from)
            return (moment, moment)
        }
        return (clock.start(from), clock.finish(to))
    }

    /// The status date falls a share into the project: tasks before it are done, tasks across it
    /// partly done with actuals, later ones not started. Assignments follow their tasks.
    mutating func recordProgress() {
        guard let share = flavor.statusShare, let last = finishMinute.max() else { return }
        let perDay = clock.minutesPerDay
        let status = Int(Double(last) * share) / perDay * perDay
        statusMinute = status
        for index in plan.tasks.indices {
            let start = startMinute[index]
            let finish = finishMinute[index]
            let percent: Int
            if finish <= status && start < status {
                percent = 100
            } else if start < status {
                percent = finish > start ? (status - start) * 100 / (finish - start) : 0
            } else {
                percent = 0
            }
            setProgress(percent, ofTask: index)
        }
    }

    private mutating func setProgress(_ percent: Int, ofTask index: Int) {
        var task = plan.tasks[index]
        defer { plan.tasks[index] = task }
        if flavor.usesKeys {
            task.status = percent == 100 ? "Done" : percent > 0 ? "In Progress" : "To Do"
        } else if rng.chance(0.05) {
            task.status = rng.pick(Vocabulary.statuses)
        }
        guard percent > 0 else {
            if rng.chance(0.7) { task.percentComplete = 0 }
            if rng.chance(0.5) { task.percentWorkComplete = 0 }
            if rng.chance(0.3), let duration = task.duration { task.remainingDuration = duration }
            for a in assignmentRange[index] where rng.chance(0.5) {
                plan.assignments[a].remainingWork = plan.assignments[a].work
            }
            return
        }
        task.percentComplete = percent
        task.percentWorkComplete = percent
        task.actualStart = task.start
        if percent == 100 { task.actualFinish = task.finish }
        if let duration = task.duration {
            var done = duration
            done.minutes = duration.minutes * percent / 100
            done.isEstimated = false
            var left = done
            left.minutes = duration.minutes - done.minutes
            task.actualDuration = done
            task.remainingDuration = left
        }
        if let work = task.work {
            task.actualWork = WorkDuration(minutes: work.minutes * percent / 100, unit: work.unit)
        }
        for a in assignmentRange[index] {
            guard let work = plan.assignments[a].work else { continue }
            let actual = work.minutes * percent / 100
            plan.assignments[a].actualWork = WorkDuration(minutes: actual, unit: work.unit)
            plan.assignments[a].remainingWork = WorkDuration(minutes: work.minutes - actual, unit: work.unit)
        }
    }
}
