import PlanModel

/// The text forms PlanBridge JSON gives to model values that JSON has no type for, printed into
/// and parsed from UTF-8 bytes directly (no `String` round trips, no Foundation formatters):
///
/// - date-time `YYYY-MM-DDTHH:MM:SS`, date `YYYY-MM-DD` (years outside 0000–9999 as `+10000`/`-0001`);
/// - time of day `HH:MM`, `24:00` being the end of the day;
/// - amount: plain decimal, at most four fraction digits, no trailing zeros (`12`, `-0.5`, `1.0001`).
enum PlanJSONText {
    private static let zero = UInt8(ascii: "0")
    private static let dash = UInt8(ascii: "-")
    private static let plus = UInt8(ascii: "+")
    private static let colon = UInt8(ascii: ":")

    // MARK: Printing

    static func appendDate(days: Int, to out: inout [UInt8]) {
        let (year, month, day) = CivilArithmetic.civil(days: days)
        appendYear(year, to: &out)
        out.append(dash)
        appendTwoDigits(month, to: &out)
        out.append(dash)
        appendTwoDigits(day, to: &out)
    }

    static func appendDateTime(seconds: Int, to out: inout [UInt8]) {
        let (days, second) = CivilArithmetic.split(seconds: seconds)
        appendDate(days: days, to: &out)
        out.append(UInt8(ascii: "T"))
        appendTwoDigits(second / 3600, to: &out)
        out.append(colon)
        appendTwoDigits(second / 60 % 60, to: &out)
        out.append(colon)
        appendTwoDigits(second % 60, to: &out)
    }

    static func appendTime(minutes: Int, to out: inout [UInt8]) {
        appendTwoDigits(minutes / 60, to: &out)
        out.append(colon)
        appendTwoDigits(minutes % 60, to: &out)
    }

    static func appendAmount(_ amount: Amount, to out: inout [UInt8]) {
        let magnitude = amount.tenThousandths.magnitude
        if amount.tenThousandths < 0 { out.append(dash) }
        appendUnsigned(magnitude / UInt(Amount.scale), to: &out)
        var fraction = Int(magnitude % UInt(Amount.scale))
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var divisor = 1000
        while fraction != 0 {
            out.append(zero + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(dash) }
        appendUnsigned(value.magnitude, to: &out)
    }

    static func appendUnsigned(_ value: UInt, to out: inout [UInt8]) {
        if value < 10 {
            out.append(zero + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest != 0 {
                count += 1
                buffer[24 - count] = zero + UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    private static func appendYear(_ year: Int, to out: inout [UInt8]) {
        if year >= 0 && year <= 9999 {
            appendFourDigits(year, to: &out)
            return
        }
        out.append(year < 0 ? dash : plus)
        if year.magnitude < 1000 {
            appendFourDigits(Int(year.magnitude), to: &out)
        } else {
            appendUnsigned(year.magnitude, to: &out)
        }
    }

    private static func appendFourDigits(_ value: Int, to out: inout [UInt8]) {
        out.append(zero + UInt8(value / 1000))
        out.append(zero + UInt8(value / 100 % 10))
        out.append(zero + UInt8(value / 10 % 10))
        out.append(zero + UInt8(value % 10))
    }

    private static func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
        out.append(zero + UInt8(value / 10))
        out.append(zero + UInt8(value % 10))
    }

    // MARK: Parsing

    /// `YYYY-MM-DD`.
    static func date(_ text: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard let (days, end) = date(text, from: 0), end == text.count else { return nil }
        return CivilDate(daysSinceEpoch: days)
    }

    /// `YYYY-MM-DDTHH:MM:SS`; `YYYY-MM-DDTHH:MM` is accepted too (seconds zero).
    static func dateTime(_ text: UnsafeBufferPointer<UInt8>) -> CivilDateTime? {
        guard let (days, end) = date(text, from: 0),
            end < text.count, text[end] == UInt8(ascii: "T"),
            text.count == end + 6 || text.count == end + 9,
            let hour = twoDigits(text, end + 1), hour < 24, text[end + 3] == colon,
            let minute = twoDigits(text, end + 4), minute < 60
        else { return nil }
        var second = 0
        if text.count == end + 9 {
            guard text[end + 6] == colon, let s = twoDigits(text, end + 7), s < 60 else { return nil }
            second = s
        }
        let (dayPart, overflow) = days.multipliedReportingOverflow(by: CivilArithmetic.secondsPerDay)
        let timePart = hour * 3600 + minute * 60 + second
        if !overflow {
            let (total, overflowAgain) = dayPart.addingReportingOverflow(timePart)
            return overflowAgain ? nil : CivilDateTime(secondsSinceEpoch: total)
        }
        // Only the earliest representable day overflows on its own while the sum still fits.
        guard days < 0 else { return nil }
        let (wide, wideOverflow) = (days + 1).multipliedReportingOverflow(by: CivilArithmetic.secondsPerDay)
        let (total, overflowAgain) = wide.addingReportingOverflow(timePart - CivilArithmetic.secondsPerDay)
        return wideOverflow || overflowAgain ? nil : CivilDateTime(secondsSinceEpoch: total)
    }

    /// `HH:MM`, 00:00 to 24:00.
    static func time(_ text: UnsafeBufferPointer<UInt8>) -> TimeOfDay? {
        guard text.count == 5, text[2] == colon,
            let hour = twoDigits(text, 0), let minute = twoDigits(text, 3)
        else { return nil }
        return TimeOfDay(hour: hour, minute: minute)
    }

    /// Plain decimal (`-12.5`); fraction digits beyond the fourth must be zeros, never rounded.
    static func amount(_ text: UnsafeBufferPointer<UInt8>) -> Amount? {
        var i = 0
        var negative = false
        if i < text.count && text[i] == dash {
            negative = true
            i += 1
        }
        let wholeStart = i
        var magnitude: UInt64 = 0
        while i < text.count, let digit = digit(text[i]) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            guard !o1 && !o2 else { return nil }
            magnitude = sum
            i += 1
        }
        let wholeDigits = i - wholeStart
        guard wholeDigits > 0, wholeDigits == 1 || text[wholeStart] != zero else { return nil }
        var fraction: UInt64 = 0
        if i < text.count {
            guard text[i] == UInt8(ascii: "."), i + 1 < text.count else { return nil }
            i += 1
            var position = 0
            while i < text.count, let digit = digit(text[i]) {
                if position < 4 {
                    fraction = fraction * 10 + UInt64(digit)
                } else if digit != 0 {
                    return nil
                }
                position += 1
                i += 1
            }
            guard i == text.count else { return nil }
            for _ in position..<max(position, 4) { fraction *= 10 }
        }
        let (scaled, o1) = magnitude.multipliedReportingOverflow(by: UInt64(Amount.scale))
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        guard !o1 && !o2 else { return nil }
        if negative {
            guard total <= UInt64(Int.max) + 1 else { return nil }
            return Amount(tenThousandths: total == UInt64(Int.max) + 1 ? Int.min : -Int(total))
        }
        guard total <= UInt64(Int.max) else { return nil }
        return Amount(tenThousandths: Int(total))
    }

    /// The date at `start` and the index after it. Four-digit years, or a sign and four or more.
    private static func date(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> (days: Int, end: Int)? {
        var i = start
        var negative = false
        var signed = false
        if i < text.count && (text[i] == plus || text[i] == dash) {
            signed = true
            negative = text[i] == dash
            i += 1
        }
        let digitsStart = i
        var year: Int128 = 0
        while i < text.count, let digit = digit(text[i]) {
            guard i - digitsStart < 30 else { return nil }
            year = year * 10 + Int128(digit)
            i += 1
        }
        let digitCount = i - digitsStart
        guard signed ? digitCount >= 4 : digitCount == 4 else { return nil }
        if negative { year = -year }
        guard i + 6 <= text.count, text[i] == dash, text[i + 3] == dash,
            let month = twoDigits(text, i + 1), (1...12).contains(month),
            let day = twoDigits(text, i + 4), day >= 1, day <= CivilArithmetic.daysIn(month: month, year: year),
            let days = CivilArithmetic.days(year: year, month: month, day: day)
        else { return nil }
        return (days, i + 6)
    }

    private static func twoDigits(_ text: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int? {
        guard at + 2 <= text.count, let high = digit(text[at]), let low = digit(text[at + 1]) else { return nil }
        return high * 10 + low
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= zero && byte <= zero + 9 ? Int(byte - zero) : nil
    }
}
