import PlanModel

/// Civil-calendar arithmetic that is total over every `Int`: the model stores days and seconds
/// since 1970 as plain integers, so PlanBridge JSON must print and read back any of them, not
/// only years 1–9999, and never trap on overflow. Years outside 0000–9999 use ISO 8601's expanded
/// form with a sign (`+10000-01-01`, `-0001-12-31`).
enum CivilArithmetic {
    static let secondsPerDay = 86_400
    /// Days in a 400-year Gregorian cycle.
    static let daysPerEra = 146_097
    /// Days from 0000-03-01 (the start of the shifted year used below) to 1970-01-01.
    static let epochShift = 719_468

    /// Floor division of seconds into days and the second within the day, without overflow.
    static func split(seconds: Int) -> (days: Int, secondOfDay: Int) {
        var days = seconds / secondsPerDay
        var rest = seconds % secondsPerDay
        if rest < 0 {
            days -= 1
            rest += secondsPerDay
        }
        return (days, rest)
    }

    /// Year, month and day of a day count, for every `Int` (after Howard Hinnant's public-domain
    /// civil-from-days, with the era split first so that nothing overflows).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        var cycles = days / daysPerEra
        var rest = days % daysPerEra
        if rest < 0 {
            cycles -= 1
            rest += daysPerEra
        }
        let shifted = rest + epochShift
        let era = cycles + shifted / daysPerEra
        let dayOfEra = shifted % daysPerEra
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day count of a valid civil date, or nil when it does not fit in an `Int`. Years of
    /// ordinary size take the `Int` path; only expanded years pay for 128-bit division.
    static func days(year: Int128, month: Int, day: Int) -> Int? {
        if let small = Int(exactly: year), small.magnitude < 1_000_000_000 {
            return days(year: small, month: month, day: day)
        }
        return Int(exactly: days(year: year, month: Int128(month), day: Int128(day)))
    }

    private static func days<N: FixedWidthInteger & SignedInteger>(year: N, month: N, day: N) -> N {
        let y = month <= 2 ? year - 1 : year
        let era = y >= 0 ? y / 400 : (y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * N(daysPerEra) + dayOfEra - N(epochShift)
    }

    static func isLeap(_ year: Int128) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int128) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
