import PlanModel

/// The offsets a VTIMEZONE defines, from its STANDARD and DAYLIGHT observances: each has a
/// first onset (DTSTART, local time in the offset before it), the offsets before and after, and
/// further onsets from a yearly RRULE (`BYMONTH`, `BYDAY=-1SU`, `BYMONTHDAY`, `UNTIL`, `COUNT`)
/// and/or RDATEs. That covers what Outlook, Exchange (1601-based rules), Apple, Google and
/// Thunderbird (full history in RDATEs) write. Other RRULE shapes fall back to the first onset.
struct VTimeZoneRules: Sendable {
    struct Observance: Sendable {
        /// Local seconds (in `offsetFrom`) of the first onset.
        var start: Int
        var offsetFrom: Int
        var offsetTo: Int
        var rule: YearlyRule?
        /// Further onsets, local seconds in `offsetFrom`, sorted.
        var extraOnsets: [Int]
    }

    /// `FREQ=YEARLY` rules as time zones use them.
    struct YearlyRule: Sendable {
        var month: Int
        /// Weekday (1 = Sunday) and ordinal (1…5, or -1 for the last) — or a day of the month.
        var weekday: Int?
        var ordinal: Int
        var monthDay: Int?
        var interval: Int
        /// Seconds (UTC) of the last onset allowed, from UNTIL.
        var untilUTC: Int?
        var count: Int?
    }

    var observances: [Observance]

    /// Seconds east of UTC at a UTC instant.
    func offset(atUTC instant: Int) -> Int {
        var best: (onset: Int, offset: Int)?
        for observance in observances {
            guard let onset = latestOnset(observance, notAfterUTC: instant) else { continue }
            if best == nil || onset > best!.onset { best = (onset, observance.offsetTo) }
        }
        if let best { return best.offset }
        // Before the first onset: the offset in force before the earliest observance.
        return observances.min { $0.start - $0.offsetFrom < $1.start - $1.offsetFrom }?.offsetFrom ?? 0
    }

    /// Seconds east of UTC for a local wall-clock time (the usual two-step guess: a local time
    /// in a DST gap or overlap gets one of the two offsets around it).
    func offset(atLocal local: Int) -> Int {
        let first = offset(atUTC: local)
        let second = offset(atUTC: local - first)
        return second == first ? first : offset(atUTC: local - second)
    }

    /// The UTC instant of the latest onset of `observance` at or before `instant`.
    private func latestOnset(_ observance: Observance, notAfterUTC instant: Int) -> Int? {
        let shift = observance.offsetFrom
        var best: Int?
        func consider(_ localOnset: Int) {
            let utc = localOnset - shift
            if utc <= instant, best == nil || utc > best! { best = utc }
        }
        consider(observance.start)
        for onset in observance.extraOnsets { consider(onset) }
        if let rule = observance.rule {
            let startDate = CivilDateTime(secondsSinceEpoch: observance.start)
            let timeOfDay = startDate.secondOfDay
            let firstYear = startDate.date.year
            let targetYear = CivilDateTime(secondsSinceEpoch: instant + shift).date.year
            for year in [targetYear - 1, targetYear] where year >= firstYear {
                let index = year - firstYear
                guard index % max(rule.interval, 1) == 0 else { continue }
                if let count = rule.count, index / max(rule.interval, 1) >= count { continue }
                guard let day = rule.day(in: year) else { continue }
                let local = day.daysSinceEpoch * 86_400 + timeOfDay
                guard local >= observance.start else { continue }
                if let until = rule.untilUTC, local - shift > until { continue }
                consider(local)
            }
        }
        return best
    }
}

extension VTimeZoneRules.YearlyRule {
    func day(in year: Int) -> CivilDate? {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        if let monthDay {
            let last = CivilDate.daysIn(month: month, year: year)
            let day = monthDay > 0 ? monthDay : last + 1 + monthDay
            return CivilDate(year: year, month: month, day: day)
        }
        guard let weekday, let first = CivilDate(year: year, month: month, day: 1) else { return nil }
        if ordinal > 0 {
            let shift = (weekday - first.weekday.rawValue + 7) % 7
            let day = 1 + shift + (ordinal - 1) * 7
            return day <= CivilDate.daysIn(month: month, year: year) ? first.adding(days: day - 1) : nil
        }
        let lastDay = CivilDate.daysIn(month: month, year: year)
        let last = first.adding(days: lastDay - 1)
        let back = (last.weekday.rawValue - weekday + 7) % 7
        let day = lastDay - back + (ordinal + 1) * 7
        return day >= 1 ? first.adding(days: day - 1) : nil
    }
}

extension VTimeZoneRules {
    /// Reads the observances of a VTIMEZONE component; nil when it has none that can be read.
    init?(_ component: Component) {
        var observances: [Observance] = []
        for child in component.children where child.name == "STANDARD" || child.name == "DAYLIGHT" {
            guard let start = child.property("DTSTART").flatMap(ICalendarValues.time(of:)),
                let to = child.property("TZOFFSETTO").flatMap({ ICalendarValues.utcOffset($0.value) })
            else { continue }
            let from = child.property("TZOFFSETFROM").flatMap { ICalendarValues.utcOffset($0.value) } ?? to
            var extra: [Int] = []
            for rdate in child.properties(named: "RDATE") {
                for item in rdate.value.split(separator: ",") {
                    if let time = ICalendarValues.time(String(item), tzid: nil, valueIsDate: false) {
                        extra.append(time.form == .utc ? time.civil.secondsSinceEpoch + from : time.civil.secondsSinceEpoch)
                    }
                }
            }
            let rule = child.property("RRULE").flatMap { Self.yearlyRule($0.value, start: start.civil) }
            observances.append(Observance(
                start: start.civil.secondsSinceEpoch, offsetFrom: from, offsetTo: to, rule: rule, extraOnsets: extra.sorted()))
        }
        guard !observances.isEmpty else { return nil }
        self.observances = observances
    }

    static func yearlyRule(_ text: String, start: CivilDateTime) -> YearlyRule? {
        var parts: [String: String] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[pair[0].uppercased()] = String(pair[1]) }
        }
        guard parts["FREQ"]?.uppercased() == "YEARLY" else { return nil }
        var rule = YearlyRule(
            month: parts["BYMONTH"].flatMap { Int($0) } ?? start.date.month, weekday: nil, ordinal: 0, monthDay: nil,
            interval: parts["INTERVAL"].flatMap { Int($0) } ?? 1, untilUTC: nil, count: parts["COUNT"].flatMap { Int($0) })
        if let until = parts["UNTIL"], let time = ICalendarValues.time(until, tzid: nil, valueIsDate: false) {
            rule.untilUTC = time.civil.secondsSinceEpoch
        }
        if let byDay = parts["BYDAY"]?.uppercased().split(separator: ",").first {
            let names = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
            let name = String(byDay.suffix(2))
            guard let index = names.firstIndex(of: name) else { return nil }
            rule.weekday = index + 1
            let ordinalText = byDay.dropLast(2)
            rule.ordinal = ordinalText.isEmpty ? 1 : Int(String(ordinalText.filter { $0 != "+" })) ?? 1
            // BYMONTHDAY with BYDAY ("the Sunday on or after the 8th") narrows the weekday.
            if let monthDay = parts["BYMONTHDAY"]?.split(separator: ",").compactMap({ Int($0) }).min(), monthDay > 0 {
                rule.ordinal = (monthDay - 1) / 7 + 1
            }
        } else if let monthDay = parts["BYMONTHDAY"].flatMap({ Int($0.split(separator: ",").first ?? "") }) {
            rule.monthDay = monthDay
        } else {
            rule.monthDay = start.date.day
        }
        return rule
    }
}
