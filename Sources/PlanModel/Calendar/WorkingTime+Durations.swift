/// Durations and lags on a resolved calendar: working durations use working time, elapsed ones
/// (`WorkDuration.isElapsed`, MS Project's `3ed`) plain clock time.
extension ResolvedCalendar {
    /// `moment` moved by `duration`: working minutes landing as `role` says (see `MomentRole`), or,
    /// for an elapsed duration, exactly that many clock minutes with no snapping to working time
    /// (a task that must start in working time snaps afterwards, on its own calendar).
    /// Nil only when a working duration runs out of working time.
    public func adding(_ duration: WorkDuration, to moment: CivilDateTime, as role: MomentRole = .start) -> CivilDateTime? {
        duration.isElapsed
            ? moment.adding(minutes: duration.minutes)
            : adding(workingMinutes: duration.minutes, to: moment, as: role)
    }

    /// Minutes from `start` to `end` (negative when `end` is earlier): working minutes on this
    /// calendar, or clock minutes when `elapsed`.
    public func minutes(from start: CivilDateTime, to end: CivilDateTime, elapsed: Bool) -> Int {
        elapsed ? start.minutes(to: end) : workingMinutes(from: start, to: end)
    }

    /// `moment` moved by a dependency lag. A percentage lag is a share of `predecessorDuration`
    /// (see `Lag.duration(predecessorDuration:)`), so callers pass the predecessor's duration even
    /// when they expect a time lag.
    public func adding(_ lag: Lag, to moment: CivilDateTime, predecessorDuration: WorkDuration, as role: MomentRole = .start) -> CivilDateTime? {
        adding(lag.duration(predecessorDuration: predecessorDuration), to: moment, as: role)
    }
}

extension Lag {
    /// The lag as a duration. A percentage takes that share of the predecessor's duration minutes,
    /// rounded to the nearest minute (halves away from zero), shown in the predecessor's unit; it is
    /// elapsed when the lag says so (`50e%`) or the predecessor's duration is (10 % of `7ed` is
    /// 0.7 elapsed days, not 1,008 working minutes), working time otherwise.
    public func duration(predecessorDuration: WorkDuration) -> WorkDuration {
        switch self {
        case .time(let duration):
            return duration
        case .percent(let percent, let elapsed):
            let product = percent * predecessorDuration.minutes
            let minutes = (product + (product >= 0 ? 50 : -50)) / 100
            return WorkDuration(minutes: minutes, unit: predecessorDuration.unit, isElapsed: elapsed || predecessorDuration.isElapsed)
        }
    }
}
