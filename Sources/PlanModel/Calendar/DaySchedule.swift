/// The working time of one day after normalisation: intervals sorted, overlapping or touching ones
/// merged, empty or inverted ones dropped. The arithmetic relies on this shape (it walks intervals
/// in order and never sees two that overlap), so every schedule is built through `init(_:)`.
///
/// An interval that ends at 00:00 but starts later in the day (22:00–00:00) is read as ending at
/// midnight, 24:00: that is how MSPDI writes it, and a reader that forgot to convert should not
/// silently lose a night shift.
struct DaySchedule: Hashable, Sendable {
    let intervals: [WorkingInterval]
    /// Total working minutes of the day.
    let minutes: Int

    static let nonWorking = DaySchedule(normalized: [])

    init(_ raw: [WorkingInterval]) {
        let sorted = raw.map(\.endingAtMidnightIfWrappedToZero).filter { $0.from < $0.to }.sorted { $0.from < $1.from }
        var merged: [WorkingInterval] = []
        merged.reserveCapacity(sorted.count)
        for interval in sorted {
            if let last = merged.last, interval.from <= last.to {
                if interval.to > last.to { merged[merged.count - 1].to = interval.to }
            } else {
                merged.append(interval)
            }
        }
        self.init(normalized: merged)
    }

    private init(normalized: [WorkingInterval]) {
        intervals = normalized
        minutes = normalized.reduce(0) { $0 + $1.minutes }
    }
}

/// Seven day schedules indexed by `Weekday.rawValue - 1`, with the week's total precomputed so
/// that runs of ordinary weeks can be skipped in one step.
struct WeekSchedule: Hashable, Sendable {
    let days: [DaySchedule]
    let minutes: Int

    init(_ days: [DaySchedule]) {
        precondition(days.count == 7, "a week has seven days")
        self.days = days
        minutes = days.reduce(0) { $0 + $1.minutes }
    }

    subscript(weekday: Weekday) -> DaySchedule { days[weekday.rawValue - 1] }
}

extension WorkingInterval {
    /// `22:00–00:00` as `22:00–24:00`; every other interval unchanged.
    var endingAtMidnightIfWrappedToZero: WorkingInterval {
        to == .midnight && from > .midnight ? WorkingInterval(from: from, to: .endOfDay) : self
    }
}
