/// Byte-level helpers for the fixed-width ISO 8601 forms the formats use. Working on UTF-8 bytes
/// keeps parsing and printing of dates off Foundation's `DateFormatter`, which is slow and
/// locale-sensitive.
public enum ISODigits {
    /// The number written by `count` ASCII digits at `start`, or nil.
    static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let digit = Int(bytes[i]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `YYYY-MM-DD` at `start`.
    static func date(_ bytes: [UInt8], at start: Int) -> CivilDate? {
        guard start + 10 <= bytes.count,
            bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let y = number(bytes, start, 4), let m = number(bytes, start + 5, 2),
            let d = number(bytes, start + 8, 2)
        else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// Decimal digits, zero-padded to at least `width`: a wider value keeps all its digits, and a
    /// negative one its sign before them. Straight into `out`, because writers call this for every
    /// date part of every row.
    public static func append(_ value: Int, width: Int, to out: inout [UInt8]) {
        guard value >= 0 else {
            out.append(UInt8(ascii: "-"))
            append(value == .min ? .max : -value, width: width, to: &out)
            return
        }
        var digits = 1, divisor = 1
        while value / divisor >= 10 {
            digits += 1
            divisor *= 10
        }
        for _ in digits..<max(width, digits) { out.append(UInt8(ascii: "0")) }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
