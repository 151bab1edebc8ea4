/// A wall-clock date and time with no zone ("floating"), as MSPDI writes them. Stored as seconds
/// since 1970-01-01T00:00:00 on the same civil clock, so comparisons and elapsed arithmetic are
/// integer operations. The zone a source declared, if any, lives on the project, not here.
public struct CivilDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSinceEpoch: Int

    public init(secondsSinceEpoch: Int) { self.secondsSinceEpoch = secondsSinceEpoch }

    public init(date: CivilDate, time: TimeOfDay = .midnight, second: Int = 0) {
        secondsSinceEpoch = date.daysSinceEpoch * 86_400 + time.minutes * 60 + second
    }

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard let date = CivilDate(year: year, month: month, day: day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        secondsSinceEpoch = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// The calendar day this moment falls on.
    public var date: CivilDate { CivilDate(daysSinceEpoch: secondsSinceEpoch.floorDiv(86_400)) }

    /// Seconds after midnight of `date`.
    public var secondOfDay: Int { secondsSinceEpoch - date.daysSinceEpoch * 86_400 }

    /// Minutes after midnight of `date` (seconds dropped).
    public var minuteOfDay: Int { secondOfDay / 60 }

    public var timeOfDay: TimeOfDay { TimeOfDay(uncheckedMinutes: minuteOfDay) }

    public func adding(minutes: Int) -> CivilDateTime {
        CivilDateTime(secondsSinceEpoch: secondsSinceEpoch + minutes * 60)
    }

    public func adding(seconds: Int) -> CivilDateTime {
        CivilDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// Whole minutes from `self` to `other` (negative when `other` is earlier), rounded toward zero.
    public func minutes(to other: CivilDateTime) -> Int {
        (other.secondsSinceEpoch - secondsSinceEpoch) / 60
    }

    public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// `YYYY-MM-DDTHH:MM:SS`, the MSPDI and PlanBridge JSON form.
    public var description: String {
        let (y, m, d) = date.components
        let s = secondOfDay
        var out = [UInt8]()
        out.reserveCapacity(19)
        ISODigits.append(y, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        ISODigits.append(m, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        ISODigits.append(d, width: 2, to: &out)
        out.append(UInt8(ascii: "T"))
        ISODigits.append(s / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        ISODigits.append((s / 60) % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        ISODigits.append(s % 60, width: 2, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DDTHH:MM`; a zone suffix or fraction is rejected,
    /// because a zone is never silently dropped (readers that accept zones convert first).
    public init?(iso text: some StringProtocol) {
        self.init(isoBytes: Array(text.utf8))
    }

    public init?(isoBytes bytes: [UInt8]) {
        guard bytes.count == 16 || bytes.count == 19,
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            let date = ISODigits.date(bytes, at: 0),
            let hour = ISODigits.number(bytes, 11, 2),
            let minute = ISODigits.number(bytes, 14, 2)
        else { return nil }
        var second = 0
        if bytes.count == 19 {
            guard bytes[16] == UInt8(ascii: ":"), let s = ISODigits.number(bytes, 17, 2) else { return nil }
            second = s
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            return nil
        }
        self.init(secondsSinceEpoch: date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second)
    }
}

extension Int {
    /// Division rounding toward negative infinity, for dates before 1970.
    func floorDiv(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
