/// Byte-level helpers for the fixed-width ISO 8601 forms the formats use. Working on UTF-8 bytes
/// keeps parsing and printing of dates off Foundation's `DateFormatter`, which is slow and
/// locale-sensitive.
enum ISODigits {
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

    static func append(_ value: Int, width: Int, to out: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        var i = width - 1
        while i >= 0 {
            digits[i] = UInt8(48 + rest % 10)
            rest /= 10
            i -= 1
        }
        out.append(contentsOf: digits)
    }
}
