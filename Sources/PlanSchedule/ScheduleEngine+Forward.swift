import PlanModel

/// The forward pass: early start and finish, in topological order.
extension ScheduleEngine {
    mutating func forwardPass() {
        for node in order {
            let t = node / 2
            if !network.isSummary[t] {
                forwardLeaf(t)
            } else if node % 2 == 0 {
                forwardSummaryEntry(t)
            } else {
                forwardSummaryExit(t)
            }
        }
    }

    /// The dates a successor is scheduled from: the early dates, or, once the late dates exist,
    /// an ALAP predecessor's late dates (where it will actually be).
    func predecessorDates(_ p: Int) -> (start: CivilDateTime, finish: CivilDateTime) {
        if alapPredecessorsUseLateDates && constraintType[p] == .asLateAsPossible && actualStart[p] == nil && !isManual[p] {
            return (lateStart[p], lateFinish[p])
        }
        return (earlyStart[p], earlyFinish[p])
    }

    /// The earliest start link `link` allows its (leaf) successor `t`.
    private mutating func earliestStart(_ t: Int, by link: Int) -> CivilDateTime {
        let (start, finish) = predecessorDates(network.linkPredecessor[link])
        switch network.linkType[link] {
        case .finishToStart:
            return shift(finish, byLagOf: link)
        case .startToStart:
            return shift(start, byLagOf: link)
        // FF and SF bind the successor's finish: the lag moves the predecessor's date to the
        // finish required, and the successor starts its duration before that. (MPXJ subtracts the
        // duration first; with an elapsed lag across a weekend that order misses the link.)
        case .finishToFinish:
            let candidate = self.start(t, before: shift(finish, byLagOf: link), minutes: remaining[t])
            return max(candidate, projectStart)
        case .startToFinish:
            return self.start(t, before: shift(start, byLagOf: link), minutes: remaining[t])
        }
    }

    private mutating func forwardLeaf(_ t: Int) {
        if isManual[t], let start = plannedStart[t] {
            earlyStart[t] = start
            earlyFinish[t] = plannedFinish[t].map { max($0, start) } ?? finish(t, after: start, minutes: duration[t])
            return
        }
        if let started = actualStart[t] {
            earlyStart[t] = started
            if let finished = actualFinish[t] {
                earlyFinish[t] = finished
                return
            }
            var resume = resumeFloor[t] ?? started
            if let statusDate, statusDate > resume { resume = statusDate }
            var end = finish(t, after: snapStart(t, resume), minutes: remaining[t])
            if constraintType[t] == .finishNoEarlierThan, let date = constraintDate[t], date > end { end = date }
            earlyFinish[t] = end
            return
        }

        var start: CivilDateTime? = nil
        for link in network.linksIn(of: t) {
            let candidate = earliestStart(t, by: link)
            if start == nil || candidate > start! { start = candidate }
        }
        let parent = network.parent[t]
        if parent >= 0 {
            if let floor = startFloor[parent], start == nil || floor > start! { start = floor }
            if let floor = finishFloor[parent] {
                let candidate = self.start(t, before: floor, minutes: remaining[t])
                if start == nil || candidate > start! { start = candidate }
            }
        }
        let type = constraintType[t]
        let date = constraintDate[t]
        if start == nil {
            switch (type, date) {
            case (.startNoEarlierThan, let date?): start = date
            case (.finishNoEarlierThan, let date?): start = self.start(t, before: date, minutes: remaining[t])
            default: start = projectStart
            }
        }
        var early = snapStart(t, start!)
        var fixedFinish: CivilDateTime? = nil
        if let date {
            switch type {
            case .startNoEarlierThan: early = max(early, snapStart(t, date))
            case .startNoLaterThan: early = min(early, date)
            case .finishNoEarlierThan: early = max(early, self.start(t, before: date, minutes: remaining[t]))
            case .finishNoLaterThan: early = min(early, self.start(t, before: date, minutes: remaining[t]))
            case .mustStartOn: early = date
            case .mustFinishOn:
                fixedFinish = date
                early = self.start(t, before: date, minutes: remaining[t])
            case .asSoonAsPossible, .asLateAsPossible: break
            }
        }
        earlyStart[t] = early
        earlyFinish[t] = fixedFinish ?? finish(t, after: early, minutes: remaining[t])
    }

    /// What links into summary `s` (and into its ancestors) require of every child.
    private mutating func forwardSummaryEntry(_ s: Int) {
        let parent = network.parent[s]
        var floorStart = parent >= 0 ? startFloor[parent] : nil
        var floorFinish = parent >= 0 ? finishFloor[parent] : nil
        func raise(_ value: inout CivilDateTime?, _ candidate: CivilDateTime) {
            if value == nil || candidate > value! { value = candidate }
        }
        for link in network.linksIn(of: s) {
            let (start, finish) = predecessorDates(network.linkPredecessor[link])
            switch network.linkType[link] {
            case .finishToStart: raise(&floorStart, shift(finish, byLagOf: link))
            case .startToStart: raise(&floorStart, shift(start, byLagOf: link))
            case .finishToFinish: raise(&floorFinish, shift(finish, byLagOf: link))
            case .startToFinish: raise(&floorFinish, shift(start, byLagOf: link))
            }
        }
        if let date = constraintDate[s] {
            if constraintType[s] == .startNoEarlierThan { raise(&floorStart, date) }
            if constraintType[s] == .finishNoEarlierThan { raise(&floorFinish, date) }
        }
        startFloor[s] = floorStart
        finishFloor[s] = floorFinish
    }

    /// A summary spans its children: from the earliest start to the latest finish.
    private mutating func forwardSummaryExit(_ s: Int) {
        var first: Int? = nil
        var start = CivilDateTime(secondsSinceEpoch: Int.max)
        var end = CivilDateTime(secondsSinceEpoch: Int.min)
        for child in network.children(of: s) {
            let (childStart, childFinish) = predecessorDates(child)
            if childStart < start {
                start = childStart
                first = child
            }
            end = max(end, childFinish)
        }
        earlyStart[s] = start
        earlyFinish[s] = end
        if let first { earliestLeaf[s] = earliestLeaf[first] }
    }
}
