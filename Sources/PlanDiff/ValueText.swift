import PlanModel

/// How values are written in every report, so text, JSON, CSV and Markdown agree.
enum ValueText {
    /// `minutes / per` rounded half away from zero to hundredths, trailing zeros dropped: `2`, `-0.5`.
    static func decimal(_ minutes: Int, per: Int) -> String {
        let per = max(per, 1)
        let scaled = minutes * 100
        let hundredths = scaled >= 0 ? (scaled + per / 2) / per : -((-scaled + per / 2) / per)
        let magnitude = hundredths.magnitude
        var text = (hundredths < 0 ? "-" : "") + String(magnitude / 100)
        let fraction = Int(magnitude % 100)
        if fraction != 0 { text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)") }
        return text
    }

    /// `2024-03-04 08:00` (seconds shown only when there are some).
    static func date(_ moment: CivilDateTime?) -> String? {
        guard let moment else { return nil }
        let text = moment.description
        let seconds = moment.secondOfDay % 60
        return text.prefix(10) + " " + text.dropFirst(11).prefix(seconds == 0 ? 5 : 8)
    }

    /// A duration in working days (`2.5d`), elapsed days as `3ed`.
    static func duration(_ duration: WorkDuration?, _ conventions: TimeConventions) -> String? {
        guard let duration else { return nil }
        if duration.isElapsed { return decimal(duration.minutes, per: 1440) + "ed" }
        return decimal(duration.minutes, per: conventions.minutesPerDay) + "d"
    }

    /// Work in hours: `16h`.
    static func work(_ work: WorkDuration?) -> String? {
        guard let work else { return nil }
        return decimal(work.minutes, per: 60) + "h"
    }

    static func percent(_ value: Int?) -> String { "\(value ?? 0)%" }

    /// `SNET 2024-03-04 08:00`, `ASAP`.
    static func constraint(_ constraint: Constraint?) -> String {
        guard let constraint else { return "ASAP" }
        return constraint.type.code + (date(constraint.date).map { " " + $0 } ?? "")
    }

    /// `FS`, `FS+1d`, `SS-2d`, `FF+50%`.
    static func link(_ type: DependencyType, _ lag: Lag, _ conventions: TimeConventions) -> String {
        switch lag {
        case .time(let d) where d.minutes == 0: return type.rawValue
        case .time(let d):
            let text = d.isElapsed ? decimal(d.minutes, per: 1440) + "ed" : decimal(d.minutes, per: conventions.minutesPerDay) + "d"
            return type.rawValue + (d.minutes > 0 ? "+" : "") + text
        case .percent(let p, let elapsed):
            return type.rawValue + (p > 0 ? "+" : "") + "\(p)" + (elapsed ? "e%" : "%")
        }
    }

    /// Units as a percentage: `100%`, `50%`, `12.5%`.
    static func units(_ units: Double?) -> String? {
        guard let units else { return nil }
        return decimal(Int((units * 10_000).rounded()), per: 100) + "%"
    }

    static func amount(_ amount: Amount?) -> String? { amount?.description }

    static func rate(_ rate: Rate?) -> String? {
        guard let rate else { return nil }
        return "\(rate.amount)/\(rate.per.rawValue)"
    }

    static func customValue(_ value: CustomFieldValue?, _ conventions: TimeConventions) -> String? {
        switch value {
        case nil: return nil
        case .text(let t): return t
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .date(let d): return date(d)
        case .duration(let d): return duration(d, conventions)
        case .flag(let f): return f ? "yes" : "no"
        case .cost(let a): return a.description
        }
    }

    /// Dates of a calendar exception: `2024-12-25` or `2024-12-24..2024-12-26`, with its hours when
    /// it is a working exception and its recurrence when it repeats.
    static func exception(_ exception: CalendarException) -> String {
        var text = exception.from == exception.to ? "\(exception.from)" : "\(exception.from)..\(exception.to)"
        if exception.isWorking {
            text += " working " + hours(exception.intervals)
        }
        if exception.recurrence != nil { text += " (recurring)" }
        return text
    }

    /// A weekday's hours in a calendar: `08:00-12:00,13:00-17:00`, `non-working`, or `inherited`
    /// when the calendar leaves the day to its base (or to MS Project's standard week without one).
    static func weekday(_ calendar: WorkCalendar, _ day: Weekday) -> String {
        guard let intervals = calendar.week[day] ?? (calendar.baseCalendar == nil ? WeekPattern.standard[day] : nil) else {
            return "inherited"
        }
        return hours(intervals)
    }

    static func hours(_ intervals: [WorkingInterval]) -> String {
        intervals.isEmpty ? "non-working" : intervals.map { clock($0.from) + "-" + clock($0.to) }.joined(separator: ",")
    }

    /// `08:00`: a calendar's hours never carry seconds.
    static func clock(_ time: TimeOfDay) -> String {
        String(time.description.prefix(5))
    }

    /// `2024-07-01..2024-08-30 Summer: friday non-working, monday 08:00-12:00`, its days in week order.
    static func workWeek(_ week: WorkWeek) -> String {
        let days = Weekday.allCases.compactMap { day in week.week[day].map { "\(day.name) " + hours($0) } }
        return "\(week.from)..\(week.to)" + (week.name.map { " " + $0 } ?? "") + ": " + days.joined(separator: ", ")
    }

    /// Notes for a one-line table: newlines as spaces, at most `limit` characters.
    static func oneLine(_ text: String, limit: Int) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
