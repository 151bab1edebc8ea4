import PlanModel

/// Plan-wide choices made once per seed: how ids look, the working day, which baselines exist,
/// how far the project has progressed.
struct PlanFlavor {
    /// Jira-like keys (`PB-12`, hex account ids) instead of MSPDI-like numeric UIDs.
    let usesKeys: Bool
    let keyPrefix: String
    /// Prefixed onto outline numbers to make WBS codes (`NB-1.2`), or empty.
    let wbsPrefix: String
    let conventions: TimeConventions
    let clock: WorkingClock
    let hasBaseline0: Bool
    /// Baselines 1–10 saved in this plan, besides 0.
    let extraBaselines: [Int]
    /// Where the status date falls, as a share of the project's span; nil for a plan not started.
    let statusShare: Double?
    let scheduleFrom: ScheduleFrom

    init(rng: inout SplitMix64) {
        usesKeys = rng.chance(0.25)
        keyPrefix = rng.pick(["PB", "NEU", "OPS", "APP"])
        wbsPrefix = rng.chance(0.2) ? rng.pick(["NB-", "P26.", "WBS "]) : ""
        // Offices on a 7.5-hour day are common in the UK and Germany; durations in days then mean
        // 450 minutes, which is exactly where floating-point days drift.
        if rng.chance(0.3) {
            conventions = TimeConventions(minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: rng.pick([20, 21]))
            clock = WorkingClock(dayStart: 9 * 60, morning: 210, lunch: 60, minutesPerDay: 450)
        } else {
            conventions = TimeConventions(minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20)
            clock = WorkingClock(dayStart: 8 * 60, morning: 240, lunch: 60, minutesPerDay: 480)
        }
        hasBaseline0 = rng.chance(0.8)
        if rng.chance(0.35) {
            var numbers = Set<Int>()
            for _ in 0..<rng.int(1...3) { numbers.insert(rng.int(1...10)) }
            extraBaselines = numbers.sorted()
        } else {
            extraBaselines = []
        }
        statusShare = rng.chance(0.8) ? 0.1 + rng.unit() * 0.5 : nil
        scheduleFrom = rng.chance(0.1) ? .finish : .start
    }
}

/// Maps working minutes counted from the project start onto civil date-times, on a Monday–Friday
/// week with a lunch break. Holidays are ignored: the dates need to be plausible, not scheduled.
struct WorkingClock {
    /// 2026-01-05, a Monday.
    let origin = CivilDate(year: 2026, month: 1, day: 5)!
    /// Minute of the day work begins.
    let dayStart: Int
    /// Working minutes before the lunch break.
    let morning: Int
    let lunch: Int
    let minutesPerDay: Int

    func date(workingDay: Int) -> CivilDate {
        let week = workingDay.floorDivided(by: 5)
        return origin.adding(days: week * 7 + (workingDay - week * 5))
    }

    /// The moment work resumes after `minute` working minutes (a start: after lunch, next morning).
    func start(_ minute: Int) -> CivilDateTime {
        let day = minute.floorDivided(by: minutesPerDay)
        let inDay = minute - day * minutesPerDay
        return moment(day: day, inDay: inDay, afterLunch: inDay >= morning)
    }

    /// The moment work stops after `minute` working minutes (a finish: before lunch, at day end).
    func finish(_ minute: Int) -> CivilDateTime {
        var day = minute.floorDivided(by: minutesPerDay)
        var inDay = minute - day * minutesPerDay
        if inDay == 0 && minute > 0 {
            day -= 1
            inDay = minutesPerDay
        }
        return moment(day: day, inDay: inDay, afterLunch: inDay > morning)
    }

    private func moment(day: Int, inDay: Int, afterLunch: Bool) -> CivilDateTime {
        let clockMinute = dayStart + inDay + (afterLunch ? lunch : 0)
        return CivilDateTime(date: date(workingDay: day), time: TimeOfDay(minutes: clockMinute)!)
    }

    /// The working intervals of one day: morning and afternoon.
    var intervals: [WorkingInterval] {
        [
            WorkingInterval(from: TimeOfDay(minutes: dayStart)!, to: TimeOfDay(minutes: dayStart + morning)!),
            WorkingInterval(
                from: TimeOfDay(minutes: dayStart + morning + lunch)!,
                to: TimeOfDay(minutes: dayStart + minutesPerDay + lunch)!),
        ]
    }
}

extension Int {
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && self < 0) ? quotient - 1 : quotient
    }
}
