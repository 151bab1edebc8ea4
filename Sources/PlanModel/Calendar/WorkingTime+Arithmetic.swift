/// Which end of a piece of work a computed moment stands for; it decides where a result lands when
/// the same amount of working time could end at several clock times.
///
/// Adding 8 working hours to Friday 09:00 on the standard calendar reaches its eighth hour at Friday
/// 17:00; from then until Monday 08:00 no more work happens, so every moment in that gap is
/// "8 working hours later". As in MS Project:
/// - a **start** lands at the *latest* such moment, where work can actually begin: Monday 08:00.
///   Adding 0 minutes to a start in non-working time moves it to the next working moment.
/// - a **finish** lands at the *earliest* such moment, the end of the last working interval used:
///   Friday 17:00, never "Monday 08:00". Adding 0 minutes to a finish in non-working time moves it
///   back to the previous working moment.
/// The rule is the same whichever way the arithmetic runs: going back 4 hours from Friday 17:00
/// reaches 13:00, which is a start's answer, while a finish's answer is the end of the morning
/// shift, 12:00.
public enum MomentRole: Hashable, Sendable {
    case start
    case finish
}

/// Working-time arithmetic on a resolved calendar.
///
/// Time is counted in seconds internally, so moments that carry seconds are kept exactly; the
/// public results are whole minutes where the answer is a length. Working intervals of consecutive
/// days join up: a night shift written as Monday 22:00–24:00 plus Tuesday 00:00–06:00 is one
/// continuous eight-hour stretch, and Monday 24:00 and Tuesday 00:00 are the same moment.
///
/// Searches never run forever: when no working time turns up for `searchLimitDays` days in a row
/// (a calendar with no working time, a holiday that never ends), the functions that look for a
/// moment return nil. Ordinary weeks are crossed a week or a whole run of weeks at a time, so long
/// durations and long non-working stretches cost a few steps per exception day, not per minute.
extension ResolvedCalendar {
    /// About ten years: the longest stretch without any working time a search crosses.
    public static let searchLimitDays = 3_653

    /// Whether work can happen during the minute that begins at `moment`.
    public func isWorking(at moment: CivilDateTime) -> Bool {
        let seconds = moment.secondsSinceEpoch
        let day = seconds.floorDiv(86_400)
        let offset = seconds - day * 86_400
        return schedule(onDay: day).intervals.contains { $0.from.minutes * 60 <= offset && offset < $0.to.minutes * 60 }
    }

    /// `moment` itself if work can happen right then, otherwise the start of the next working
    /// interval; nil when there is none within `searchLimitDays`.
    public func nextWorkingMoment(atOrAfter moment: CivilDateTime) -> CivilDateTime? {
        forwardReach(from: moment.secondsSinceEpoch, seconds: 0).map(CivilDateTime.init(secondsSinceEpoch:))
    }

    /// `moment` itself if work was happening right before it, otherwise the end of the previous
    /// working interval; nil when there is none within `searchLimitDays`.
    public func previousWorkingMoment(atOrBefore moment: CivilDateTime) -> CivilDateTime? {
        backwardReach(from: moment.secondsSinceEpoch, seconds: 0).map(CivilDateTime.init(secondsSinceEpoch:))
    }

    /// The moment `minutes` working minutes after `moment` (before it when negative), landing as
    /// `role` describes (see `MomentRole`). Nil when the calendar runs out of working time (or for
    /// an absurd amount that would overflow).
    public func adding(workingMinutes minutes: Int, to moment: CivilDateTime, as role: MomentRole = .start) -> CivilDateTime? {
        // Roughly 9,500 years of minutes: anything larger is garbage input, and keeping far below
        // Int.max means the day arithmetic below can never overflow.
        guard minutes.magnitude <= 5_000_000_000 else { return nil }
        return adding(workingSeconds: minutes * 60, to: moment, as: role)
    }

    /// The same to the second, for lengths that are not whole minutes (an assignment's work
    /// divided by its units).
    public func adding(workingSeconds seconds: Int, to moment: CivilDateTime, as role: MomentRole = .start) -> CivilDateTime? {
        let start = moment.secondsSinceEpoch
        guard seconds.magnitude <= 300_000_000_000 else { return nil }
        let amount = Int(seconds.magnitude)
        let result: Int?
        switch (seconds.signum(), role) {
        case (0, .start): result = forwardReach(from: start, seconds: 0)
        case (0, _): result = backwardReach(from: start, seconds: 0)
        case (1, .start): result = forwardReach(from: start, seconds: amount).flatMap { forwardReach(from: $0, seconds: 0) }
        case (1, _): result = forwardReach(from: start, seconds: amount)
        case (_, .start): result = backwardReach(from: start, seconds: amount)
        case (_, _): result = backwardReach(from: start, seconds: amount).flatMap { backwardReach(from: $0, seconds: 0) }
        }
        return result.map(CivilDateTime.init(secondsSinceEpoch:))
    }

    /// Working minutes from `start` to `end`: negative when `end` is earlier, whole minutes rounded
    /// toward zero. Always answers, however far apart the moments are.
    public func workingMinutes(from start: CivilDateTime, to end: CivilDateTime) -> Int {
        let (a, b) = (start.secondsSinceEpoch, end.secondsSinceEpoch)
        return a <= b ? workingSeconds(from: a, to: b) / 60 : -(workingSeconds(from: b, to: a) / 60)
    }

    // MARK: - Walks over working time, in seconds since 1970

    /// Walks forward from `start` until `amount` seconds of working time have passed and returns
    /// that point (the earliest one). With `amount == 0` it returns the first working moment at or
    /// after `start`.
    func forwardReach(from start: Int, seconds amount: Int) -> Int? {
        var remaining = amount
        var day = start.floorDiv(86_400)
        var cursor = start
        var lastWorkingDay = day
        while true {
            let dayStart = day * 86_400
            if cursor == dayStart {
                let run = plainRun(from: day)
                let weekSeconds = run.week.minutes * 60
                if weekSeconds == 0 {
                    // Nothing to find before the run ends, so jump to its end in one step.
                    guard let count = run.count, day + count - lastWorkingDay <= Self.searchLimitDays else { return nil }
                    if count > 0 {
                        day += count
                        cursor = day * 86_400
                        continue
                    }
                } else if remaining > 0 {
                    // Whole ordinary weeks, leaving at least one second to place precisely below.
                    let weeks = min((run.count ?? Int.max) / 7, (remaining - 1) / weekSeconds)
                    if weeks > 0 {
                        remaining -= weeks * weekSeconds
                        day += 7 * weeks
                        cursor = day * 86_400
                        lastWorkingDay = day - 1
                        continue
                    }
                }
            }
            for interval in schedule(onDay: day).intervals {
                let intervalEnd = dayStart + interval.to.minutes * 60
                guard intervalEnd > cursor else { continue }
                let from = max(dayStart + interval.from.minutes * 60, cursor)
                if intervalEnd - from >= remaining { return from + remaining }
                remaining -= intervalEnd - from
                lastWorkingDay = day
            }
            day += 1
            cursor = day * 86_400
            if day - lastWorkingDay > Self.searchLimitDays { return nil }
        }
    }

    /// Walks backward from `start` until `amount` seconds of working time lie between the point and
    /// `start`, and returns that point (the latest one). With `amount == 0` it returns the last
    /// working moment at or before `start`.
    func backwardReach(from start: Int, seconds amount: Int) -> Int? {
        var remaining = amount
        var day = start.floorDiv(86_400)
        var cursor = start
        var lastWorkingDay = day
        while true {
            let dayStart = day * 86_400
            if cursor == dayStart + 86_400 {
                let run = plainRun(through: day)
                let weekSeconds = run.week.minutes * 60
                if weekSeconds == 0 {
                    guard let count = run.count, lastWorkingDay - (day - count) <= Self.searchLimitDays else { return nil }
                    if count > 0 {
                        day -= count
                        cursor = (day + 1) * 86_400
                        continue
                    }
                } else if remaining > 0 {
                    let weeks = min((run.count ?? Int.max) / 7, (remaining - 1) / weekSeconds)
                    if weeks > 0 {
                        remaining -= weeks * weekSeconds
                        day -= 7 * weeks
                        cursor = (day + 1) * 86_400
                        lastWorkingDay = day + 1
                        continue
                    }
                }
            }
            for interval in schedule(onDay: day).intervals.reversed() {
                let intervalStart = dayStart + interval.from.minutes * 60
                guard intervalStart < cursor else { continue }
                let to = min(dayStart + interval.to.minutes * 60, cursor)
                if to - intervalStart >= remaining { return to - remaining }
                remaining -= to - intervalStart
                lastWorkingDay = day
            }
            cursor = dayStart
            day -= 1
            if lastWorkingDay - day > Self.searchLimitDays { return nil }
        }
    }

    /// Seconds of working time in `[start, end)`, `start <= end`.
    func workingSeconds(from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        var total = 0
        var day = start.floorDiv(86_400)
        let lastDay = (end - 1).floorDiv(86_400)
        while day <= lastDay {
            let dayStart = day * 86_400
            if dayStart >= start && day < lastDay {
                // Whole days strictly before the last one: take ordinary weeks in bulk.
                let run = plainRun(from: day)
                let plainDays = min(run.count ?? Int.max, lastDay - day)
                let step = run.week.minutes == 0 ? plainDays : plainDays / 7 * 7
                if step > 0 {
                    total += step / 7 * run.week.minutes * 60
                    day += step
                    continue
                }
            }
            for interval in schedule(onDay: day).intervals {
                let from = max(dayStart + interval.from.minutes * 60, start)
                let to = min(dayStart + interval.to.minutes * 60, end)
                if to > from { total += to - from }
            }
            day += 1
        }
        return total
    }
}
