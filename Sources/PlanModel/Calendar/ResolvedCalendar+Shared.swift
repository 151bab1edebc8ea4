/// The working time two calendars have in common. MS Project schedules the work of a resource on
/// a task that has a calendar of its own only when both the task's calendar and the resource's
/// calendar say it is working time (unless the task ignores resource calendars).
extension ResolvedCalendar {
    /// Working time only where this calendar and `other` both have it; named after both.
    public func sharingWorkingTime(with other: ResolvedCalendar) -> ResolvedCalendar {
        ResolvedCalendar(self, sharedWith: [other], name: "\(name) ∩ \(other.name)")
    }

    /// Two plain runs from (or through) the same day: plain as long as both are, on the common
    /// working time of their weeks.
    static func shared(
        _ a: (count: Int?, week: WeekSchedule), _ b: (count: Int?, week: WeekSchedule)
    ) -> (count: Int?, week: WeekSchedule) {
        let count: Int? = switch (a.count, b.count) {
        case (nil, nil): nil
        case (let x?, nil): x
        case (nil, let y?): y
        case (let x?, let y?): min(x, y)
        }
        return (count, a.week.shared(with: b.week))
    }
}

extension WeekSchedule {
    func shared(with other: WeekSchedule) -> WeekSchedule {
        WeekSchedule(zip(days, other.days).map { $0.shared(with: $1) })
    }
}

extension DaySchedule {
    /// The overlap of two days' working intervals (both sorted and merged, so one pass does it).
    func shared(with other: DaySchedule) -> DaySchedule {
        var result: [WorkingInterval] = []
        var i = 0
        var j = 0
        while i < intervals.count && j < other.intervals.count {
            let a = intervals[i]
            let b = other.intervals[j]
            let from = max(a.from, b.from)
            let to = min(a.to, b.to)
            if from < to { result.append(WorkingInterval(from: from, to: to)) }
            if a.to < b.to { i += 1 } else { j += 1 }
        }
        return DaySchedule(result)
    }
}
