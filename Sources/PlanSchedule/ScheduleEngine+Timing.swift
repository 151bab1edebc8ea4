import PlanModel

/// Moving dates on one task's calendar. When a calendar runs out of working time the date is left
/// where it was and the task is reported once, so a broken calendar never stops the run.
extension ScheduleEngine {
    func calendar(of t: Int) -> ResolvedCalendar { calendars[calendarIndex[t]] }

    /// Where task `t` can start if it may start at `date`: the next working moment, except that
    /// a milestone may stay at the very end of a working period. An elapsed task too starts in
    /// working time (as MPXJ's scheduler has it), although its finish is wherever the clock says.
    mutating func snapStart(_ t: Int, _ date: CivilDateTime) -> CivilDateTime {
        if !loads[t].isEmpty {
            // Work begins when the first resource can begin.
            var earliest: CivilDateTime? = nil
            for load in loads[t] {
                let moment = checked(t, calendars[load.calendar].nextWorkingMoment(atOrAfter: date), else: date)
                if earliest == nil || moment < earliest! { earliest = moment }
            }
            return earliest!
        }
        let calendar = calendar(of: t)
        if isMilestone[t], calendar.previousWorkingMoment(atOrBefore: date) == date { return date }
        return checked(t, calendar.nextWorkingMoment(atOrAfter: date), else: date)
    }

    /// A late finish at the start of a working period moves back to the end of the previous one
    /// (no work lies between them, so it is the same finish). An elapsed task runs on the clock,
    /// so for it every moment is a different finish and none moves.
    mutating func snapFinish(_ t: Int, _ date: CivilDateTime) -> CivilDateTime {
        if isElapsed[t] { return date }
        if !loads[t].isEmpty {
            var latest: CivilDateTime? = nil
            for load in loads[t] {
                let moment = checked(t, calendars[load.calendar].previousWorkingMoment(atOrBefore: date), else: date)
                if latest == nil || moment > latest! { latest = moment }
            }
            return latest!
        }
        return checked(t, calendar(of: t).previousWorkingMoment(atOrBefore: date), else: date)
    }

    /// The finish of `minutes` of task `t`'s work starting at `start`.
    mutating func finish(_ t: Int, after start: CivilDateTime, minutes: Int) -> CivilDateTime {
        if minutes == 0 { return start }
        if isElapsed[t] { return start.adding(minutes: minutes) }
        if !loads[t].isEmpty {
            // The task ends when the last resource is done with its share.
            var latest = start
            for load in loads[t] {
                let work = share(of: load, minutes: minutes, t)
                latest = max(latest, checked(t, calendars[load.calendar].adding(workingSeconds: work, to: start, as: .finish), else: start))
            }
            return latest
        }
        return checked(t, calendar(of: t).adding(workingMinutes: minutes, to: start, as: .finish), else: start)
    }

    /// The start of `minutes` of task `t`'s work finishing at `finish`.
    mutating func start(_ t: Int, before finish: CivilDateTime, minutes: Int) -> CivilDateTime {
        if minutes == 0 { return finish }
        if isElapsed[t] { return finish.adding(minutes: -minutes) }
        if !loads[t].isEmpty {
            var earliest = finish
            for load in loads[t] {
                let work = share(of: load, minutes: minutes, t)
                earliest = min(earliest, checked(t, calendars[load.calendar].adding(workingSeconds: -work, to: finish, as: .start), else: finish))
            }
            return earliest
        }
        return checked(t, calendar(of: t).adding(workingMinutes: -minutes, to: finish, as: .start), else: finish)
    }

    /// The part of a resource's working seconds that `minutes` of the task's duration stands for
    /// (all of them for the whole duration, the remaining share for a task in progress).
    private func share(of load: ResourceLoad, minutes: Int, _ t: Int) -> Int {
        minutes == duration[t] ? load.seconds : Int((Double(load.seconds) * Double(minutes) / Double(duration[t])).rounded())
    }

    /// `date` moved by link `link`'s lag (`sign` −1 removes it), on the successor's calendar.
    /// A forward move lands at the earliest moment that many working minutes away and a backward
    /// one at the latest, so the task's own snapping decides between equivalent moments.
    mutating func shift(_ date: CivilDateTime, byLagOf link: Int, sign: Int = 1) -> CivilDateTime {
        let lag = network.linkLag[link]
        if lag.isZero { return date }
        let predecessor = network.linkPredecessor[link]
        let successor = network.linkSuccessor[link]
        let amount = lag.duration(predecessorDuration: durationValue[predecessor])
        // A percentage is kept to the second: 25 % of 7.5 hours is 112.5 minutes, and MS Project
        // (tenths of a minute) moves the date by exactly that, not by 113.
        var seconds = sign * amount.minutes * 60
        if case .percent(let percent, _) = lag {
            let product = sign * percent * durationValue[predecessor].minutes * 60
            seconds = (product + (product >= 0 ? 50 : -50)) / 100
        }
        if seconds == 0 { return date }
        if amount.isElapsed { return CivilDateTime(secondsSinceEpoch: date.secondsSinceEpoch + seconds) }
        let moved = calendar(of: successor).adding(workingSeconds: seconds, to: date, as: seconds > 0 ? .finish : .start)
        return checked(successor, moved, else: date)
    }

    /// Working minutes from `a` to `b` on task `t`'s calendar (clock minutes for elapsed tasks).
    func minutes(_ t: Int, from a: CivilDateTime, to b: CivilDateTime) -> Int {
        isElapsed[t] ? a.minutes(to: b) : calendar(of: t).workingMinutes(from: a, to: b)
    }

    mutating func checked(_ t: Int, _ value: CivilDateTime?, else fallback: CivilDateTime) -> CivilDateTime {
        if let value { return value }
        if exhausted.insert(t).inserted {
            diagnostics.append(Diagnostic(
                .scheduleNoWorkingTime,
                "Task \(network.label(t)) uses calendar '\(calendar(of: t).name)', which has no working time near \(fallback); its dates are not reliable.",
                entity: .task(network.ids[t])))
        }
        return fallback
    }
}
