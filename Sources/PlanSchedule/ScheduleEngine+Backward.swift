import PlanModel

/// The backward pass: late finish and start, in reverse topological order.
extension ScheduleEngine {
    mutating func backwardPass() {
        for node in order.reversed() {
            let t = node / 2
            if !network.isSummary[t] {
                backwardLeaf(t)
            } else if node % 2 == 1 {
                backwardSummaryExit(t)
            } else {
                backwardSummaryEntry(t)
            }
        }
    }

    /// The late dates a predecessor must respect: a leaf's own, or for a summary the earliest of
    /// its children's (a link into a summary binds every child). Nil for a finished successor,
    /// which no longer constrains anything.
    private func successorDates(_ s: Int) -> (start: CivilDateTime, finish: CivilDateTime)? {
        if network.isSummary[s] { return (minimumLateStart[s], minimumLateFinish[s]) }
        if actualFinish[s] != nil { return nil }
        return (drivingLateStart[s], lateFinish[s])
    }

    /// The latest moment link `link` allows: a finish for FS and FF links, a start for SS and SF.
    private mutating func latestMoment(by link: Int) -> (moment: CivilDateTime, isStart: Bool)? {
        guard let (start, finish) = successorDates(network.linkSuccessor[link]) else { return nil }
        switch network.linkType[link] {
        case .finishToStart: return (shift(start, byLagOf: link, sign: -1), false)
        case .startToStart: return (shift(start, byLagOf: link, sign: -1), true)
        case .finishToFinish: return (shift(finish, byLagOf: link, sign: -1), false)
        case .startToFinish: return (shift(finish, byLagOf: link, sign: -1), true)
        }
    }

    private mutating func backwardLeaf(_ t: Int) {
        if let finished = actualFinish[t] {
            lateFinish[t] = finished
            lateStart[t] = actualStart[t] ?? finished
            drivingLateStart[t] = lateStart[t]
            return
        }
        var late: CivilDateTime? = nil
        func lower(_ candidate: CivilDateTime) {
            let capped = min(candidate, projectFinish)
            if late == nil || capped < late! { late = capped }
        }
        // SS and SF links (and a start-no-later-than date) bound the start itself. Turned into a
        // finish and back, the start can come out later than the bound: with resources on
        // different calendars, the one that cannot work at the bound still finishes in time,
        // while the other would start after it. An ALAP task placed there would then push its
        // successor, and the project's finish, later.
        var latestStart: CivilDateTime? = nil
        func lowerStart(_ candidate: CivilDateTime) {
            lower(self.finish(t, after: candidate, minutes: remaining[t]))
            if latestStart == nil || candidate < latestStart! { latestStart = candidate }
        }
        for link in network.linksOut(of: t) {
            guard let (moment, isStart) = latestMoment(by: link) else { continue }
            if isStart { lowerStart(moment) } else { lower(moment) }
        }
        let parent = network.parent[t]
        if parent >= 0, let ceiling = finishCeiling[parent] { lower(ceiling) }
        if let ceiling = startCeiling[t] { lowerStart(ceiling) }

        var finish = late ?? projectFinish
        var fixed = false
        if let date = constraintDate[t] {
            switch constraintType[t] {
            case .mustStartOn:
                finish = self.finish(t, after: date, minutes: remaining[t])
                fixed = true
            case .mustFinishOn:
                finish = date
                fixed = true
            case .startNoLaterThan:
                finish = min(finish, self.finish(t, after: date, minutes: remaining[t]))
                if latestStart == nil || date < latestStart! { latestStart = date }
            case .finishNoLaterThan: finish = min(finish, date)
            default: break
            }
        }
        if let deadline = deadline[t] { finish = min(finish, deadline) }
        finish = snapFinish(t, finish)
        var start = self.start(t, before: finish, minutes: remaining[t])
        // A started task's start is its actual start, so the cap has nothing to move.
        if !fixed, actualStart[t] == nil, let bound = latestStart {
            let boundStart = snapStart(t, bound)
            if boundStart < start {
                start = boundStart
                finish = snapFinish(t, self.finish(t, after: start, minutes: remaining[t]))
            }
        }
        lateFinish[t] = finish
        drivingLateStart[t] = start
        lateStart[t] = actualStart[t] ?? start
    }

    /// What links out of summary `s` (and out of its ancestors) allow its children: FS and FF links
    /// cap every child's finish, SS and SF links the start of its earliest-starting leaf.
    private mutating func backwardSummaryExit(_ s: Int) {
        let parent = network.parent[s]
        var ceiling = parent >= 0 ? finishCeiling[parent] : nil
        func lower(_ value: inout CivilDateTime?, _ candidate: CivilDateTime) {
            let capped = min(candidate, projectFinish)
            if value == nil || capped < value! { value = capped }
        }
        for link in network.linksOut(of: s) {
            guard let (moment, isStart) = latestMoment(by: link) else { continue }
            if isStart {
                let leaf = earliestLeaf[s]
                if !network.isSummary[leaf] { lower(&startCeiling[leaf], moment) }
            } else {
                lower(&ceiling, moment)
            }
        }
        if let date = constraintDate[s], constraintType[s] == .finishNoLaterThan || constraintType[s] == .mustFinishOn {
            lower(&ceiling, date)
        }
        if let deadline = deadline[s] { lower(&ceiling, deadline) }
        finishCeiling[s] = ceiling
    }

    /// A summary's late dates span its children's; links into it see the earliest of them.
    private mutating func backwardSummaryEntry(_ s: Int) {
        var earliestStart = CivilDateTime(secondsSinceEpoch: Int.max)
        var earliestFinish = earliestStart
        var first = earliestStart
        var last = CivilDateTime(secondsSinceEpoch: Int.min)
        for child in network.children(of: s) {
            let driving = network.isSummary[child] ? minimumLateStart[child] : drivingLateStart[child]
            let finish = network.isSummary[child] ? minimumLateFinish[child] : lateFinish[child]
            earliestStart = min(earliestStart, driving)
            earliestFinish = min(earliestFinish, finish)
            first = min(first, lateStart[child])
            last = max(last, lateFinish[child])
        }
        minimumLateStart[s] = earliestStart
        minimumLateFinish[s] = earliestFinish
        drivingLateStart[s] = earliestStart
        lateStart[s] = first
        lateFinish[s] = last
    }
}
