/// The weekly pattern in force on each date, flattened over a calendar's chain of bases and its work
/// weeks once, so that a day lookup is one binary search over a handful of segments.
///
/// For weekday W on day d the first of these that says anything about W wins, walking from the
/// calendar itself to its root base:
/// 1. the level's first work week (in listed order) that covers d and specifies W;
/// 2. the level's default week, if it specifies W;
/// and, when no level specifies W, the fallback pattern (`WeekPattern.standard`).
struct WeekTimeline: Sendable {
    /// Where each segment begins (day number); the first segment begins at `Int.min`.
    let starts: [Int]
    let weeks: [WeekSchedule]

    /// `levels` runs from the calendar itself to its root base.
    init(levels: [WorkCalendar], fallback: WeekPattern) {
        let usable = levels.map { level in level.workWeeks.filter { $0.from <= $0.to } }
        var boundaries = Set<Int>()
        for weeks in usable {
            for week in weeks {
                boundaries.insert(week.from.daysSinceEpoch)
                boundaries.insert(week.to.daysSinceEpoch + 1)
            }
        }
        var starts: [Int] = []
        var weeks: [WeekSchedule] = []
        for start in [Int.min] + boundaries.sorted() {
            let days = Weekday.allCases.map { weekday -> DaySchedule in
                for (level, workWeeks) in zip(levels, usable) {
                    let covering = workWeeks.first {
                        $0.from.daysSinceEpoch <= start && start <= $0.to.daysSinceEpoch && $0.week[weekday] != nil
                    }
                    if let intervals = covering?.week[weekday] ?? level.week[weekday] { return DaySchedule(intervals) }
                }
                return DaySchedule(fallback[weekday] ?? [])
            }
            let week = WeekSchedule(days)
            if week == weeks.last { continue }  // same pattern as before: no new segment needed
            starts.append(start)
            weeks.append(week)
        }
        self.starts = starts
        self.weeks = weeks
    }

    /// The segment holding `day`.
    func segment(ofDay day: Int) -> Int {
        starts.count == 1 ? 0 : starts.insertionIndex(atOrAfter: day + 1) - 1
    }

    func week(ofDay day: Int) -> WeekSchedule { weeks[segment(ofDay: day)] }

    /// The first day after `day` on which a different segment begins, or nil.
    func nextBoundary(after day: Int) -> Int? {
        let next = segment(ofDay: day) + 1
        return next < starts.count ? starts[next] : nil
    }

    /// The first day of the segment holding `day` (`Int.min` for the first segment).
    func segmentStart(ofDay day: Int) -> Int { starts[segment(ofDay: day)] }
}
