/// A wall-clock time as minutes after midnight, 0...1440. 1440 is the end of the day: MSPDI writes
/// a shift that ends at midnight as `ToTime 00:00`, and readers store that as 1440 so that every
/// working interval has `from < to`.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public static let midnight = TimeOfDay(uncheckedMinutes: 0)
    public static let endOfDay = TimeOfDay(uncheckedMinutes: 1440)

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            if hour == 24 && minute == 0 { self.minutes = 1440; return }
            return nil
        }
        self.minutes = hour * 60 + minute
    }

    init(uncheckedMinutes: Int) { self.minutes = uncheckedMinutes }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    /// `HH:MM:SS`; the end of the day prints as `24:00:00`.
    public var description: String {
        var out = [UInt8]()
        ISODigits.append(hour, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        ISODigits.append(minute, width: 2, to: &out)
        out.append(contentsOf: Array(":00".utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `HH:MM` or `HH:MM:SS` (seconds must be 00); `24:00` is the end of the day.
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 5 || (utf8.count == 8 && utf8[5] == UInt8(ascii: ":")),
            utf8[2] == UInt8(ascii: ":"),
            let h = ISODigits.number(utf8, 0, 2), let m = ISODigits.number(utf8, 3, 2)
        else { return nil }
        if utf8.count == 8 {
            guard ISODigits.number(utf8, 6, 2) == 0 else { return nil }
        }
        self.init(hour: h, minute: m)
    }
}
