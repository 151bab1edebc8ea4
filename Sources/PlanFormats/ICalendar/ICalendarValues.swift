import PlanModel

/// A DATE or DATE-TIME value as written, before any zone is applied.
struct ICalendarTime: Hashable, Sendable {
    enum Form: Hashable, Sendable {
        /// `VALUE=DATE`: a calendar day.
        case date
        /// No zone: the same wall-clock time wherever it is read.
        case floating
        case utc
        /// Local time in the zone the TZID parameter names (as written, not yet resolved).
        case zoned(String)
    }

    var civil: CivilDateTime
    var form: Form

    var isDate: Bool { form == .date }
}

/// Parsers for the value types the reader needs, lenient in the ways real files require
/// (ICAL.md §2.9): DATE with a stray `Z`, `VALUE=DATE` on a date-time, missing seconds,
/// lower-case `z`, UTC offsets with seconds.
enum ICalendarValues {
    /// `YYYYMMDD`, `YYYYMMDDTHHMM[SS][Z]`. Nil for anything else, or an impossible date.
    static func time(_ text: String, tzid: String?, valueIsDate: Bool) -> ICalendarTime? {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        var isUTC = false
        if let last = bytes.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
            isUTC = true
            bytes.removeLast()
        }
        guard bytes.count >= 8, let year = digits(bytes, 0, 4), let month = digits(bytes, 4, 2),
            let day = digits(bytes, 6, 2), let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        if bytes.count == 8 {
            return ICalendarTime(civil: CivilDateTime(date: date), form: .date)
        }
        guard bytes[8] == UInt8(ascii: "T") || bytes[8] == UInt8(ascii: "t"), bytes.count == 13 || bytes.count == 15,
            let hour = digits(bytes, 9, 2), let minute = digits(bytes, 11, 2)
        else { return nil }
        let second = bytes.count == 15 ? digits(bytes, 13, 2) : 0
        // 60 is a leap second: read it as the last second of the minute.
        guard let second, (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let civil = CivilDateTime(date: date).adding(seconds: hour * 3600 + minute * 60 + min(second, 59))
        if valueIsDate {
            // `DTSTART;VALUE=DATE:20171227T000000Z` (gcalcli #328): the day is what was meant.
            return ICalendarTime(civil: CivilDateTime(date: date), form: .date)
        }
        if isUTC { return ICalendarTime(civil: civil, form: .utc) }
        if let tzid { return ICalendarTime(civil: civil, form: .zoned(tzid)) }
        return ICalendarTime(civil: civil, form: .floating)
    }

    /// The time of a DTSTART-like property, honouring `VALUE=DATE` and `TZID`.
    static func time(of property: ContentLine) -> ICalendarTime? {
        let valueType = property.parameter("VALUE")?.uppercased()
        return time(property.value, tzid: property.parameter("TZID"), valueIsDate: valueType == "DATE")
    }

    /// A signed duration, `[+-]P[nW]` or `[+-]P[nD][T[nH][nM][nS]]`, in seconds. Days are nominal
    /// days: `nominalDays` and `seconds` come back apart so that a caller can add days on the
    /// civil calendar (a day across a DST change is not 24 h).
    static func duration(_ text: String) -> (nominalDays: Int, seconds: Int)? {
        var bytes = Array(text.utf8)[...]
        while let last = bytes.last, last == 0x20 { bytes.removeLast() }
        var sign = 1
        if bytes.first == UInt8(ascii: "-") { sign = -1; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard bytes.first == UInt8(ascii: "P") || bytes.first == UInt8(ascii: "p") else { return nil }
        bytes = bytes.dropFirst()
        var days = 0, seconds = 0
        var number: Int?
        var inTime = false
        var sawUnit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (value, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
                guard !overflow, value < 10_000_000_000 else { return nil }
                number = value + Int(byte - 0x30)
            case UInt8(ascii: "T"), UInt8(ascii: "t"):
                guard number == nil, !inTime else { return nil }
                inTime = true
            default:
                guard let n = number else { return nil }
                switch (byte | 0x20, inTime) {
                case (UInt8(ascii: "w"), false): days += n * 7
                case (UInt8(ascii: "d"), false): days += n
                case (UInt8(ascii: "h"), true): seconds += n * 3600
                case (UInt8(ascii: "m"), true): seconds += n * 60
                case (UInt8(ascii: "s"), true): seconds += n
                default: return nil
                }
                number = nil
                sawUnit = true
            }
        }
        guard sawUnit, number == nil, days < 4_000_000 else { return nil }
        return (sign * days, sign * seconds)
    }

    /// `+hhmm`, `-hhmm` or `±hhmmss` (Thunderbird's `-000115`) in seconds east of UTC.
    static func utcOffset(_ text: String) -> Int? {
        let bytes = Array(text.trimmingWhitespace().utf8)
        guard bytes.count == 5 || bytes.count == 7, let signByte = bytes.first,
            signByte == UInt8(ascii: "+") || signByte == UInt8(ascii: "-"),
            let hours = digits(bytes, 1, 2), let minutes = digits(bytes, 3, 2), hours < 24, minutes < 60
        else { return nil }
        var seconds = hours * 3600 + minutes * 60
        if bytes.count == 7 {
            guard let s = digits(bytes, 5, 2), s < 60 else { return nil }
            seconds += s
        }
        return signByte == UInt8(ascii: "-") ? -seconds : seconds
    }

    static func digits(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at + count <= bytes.count else { return nil }
        var value = 0
        for i in at..<(at + count) {
            let b = bytes[i]
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }
}
