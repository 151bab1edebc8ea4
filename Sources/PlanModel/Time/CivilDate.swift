/// A calendar date with no time and no zone, stored as days since 1970-01-01 (proleptic
/// Gregorian), so that date arithmetic is integer arithmetic.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Returns nil for impossible dates (2024-02-30) and years outside 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        daysSinceEpoch = CivilDate.days(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) {
        CivilDate.civil(fromDays: daysSinceEpoch)
    }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// 1970-01-01 was a Thursday.
    public var weekday: Weekday {
        let index = ((daysSinceEpoch % 7) + 7 + 4) % 7  // 0 = Sunday
        return Weekday(rawValue: index + 1)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        var out = [UInt8]()
        out.reserveCapacity(10)
        ISODigits.append(y, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        ISODigits.append(m, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        ISODigits.append(d, width: 2, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, let value = ISODigits.date(utf8, at: 0) else { return nil }
        self = value
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Days-from-civil and its inverse, after Howard Hinnant's public-domain date algorithms.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// Days of the week numbered as MSPDI's `DayType` and iCalendar's order: Sunday = 1 … Saturday = 7.
public enum Weekday: Int, CaseIterable, Hashable, Comparable, Sendable {
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Lower-case English name, used as the JSON spelling.
    public var name: String {
        switch self {
        case .sunday: return "sunday"
        case .monday: return "monday"
        case .tuesday: return "tuesday"
        case .wednesday: return "wednesday"
        case .thursday: return "thursday"
        case .friday: return "friday"
        case .saturday: return "saturday"
        }
    }

    public init?(name: String) {
        guard let match = Weekday.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
