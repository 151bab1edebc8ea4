import PlanModel

/// A date format in the Java `SimpleDateFormat` letters that Jira's admins and its CSV importer
/// use (`dd/MMM/yy h:mm a`, `yyyy-MM-dd HH:mm`). Only the letters dates in Jira exports need:
/// `d` day, `M`/`MM` month number, `MMM`+ month name, `yy`/`yyyy` year, `H` hour 0–23,
/// `h` hour 1–12, `m` minute, `s` second, `S` fraction (read, ignored), `a` AM/PM, `'…'` literal.
public struct JiraDatePattern: Hashable, Sendable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case day, monthNumber, monthName, twoDigitYear, fourDigitYear, hour24, hour12, minute, second, fraction
        case amPm
        case literal([UInt8])
    }

    public let description: String
    let tokens: [Token]
    let hasTime: Bool

    /// Nil when the pattern uses a letter this reader does not know (`E`, `z`, `Z`, `X` …).
    public init?(_ pattern: String) {
        var tokens: [Token] = []
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                // A quoted literal ('T'); '' is a quote.
                if i + 1 < chars.count && chars[i + 1] == "'" {
                    tokens.append(.literal([0x27]))
                    i += 2
                    continue
                }
                guard let close = chars[(i + 1)...].firstIndex(of: "'") else { return nil }
                tokens.append(.literal(Array(String(chars[(i + 1)..<close]).utf8)))
                i = close + 1
                continue
            }
            var run = 1
            while i + run < chars.count && chars[i + run] == c { run += 1 }
            switch c {
            case "d": tokens.append(.day)
            case "M": tokens.append(run >= 3 ? .monthName : .monthNumber)
            case "y": tokens.append(run == 2 ? .twoDigitYear : .fourDigitYear)
            case "H": tokens.append(.hour24)
            case "h": tokens.append(.hour12)
            case "m": tokens.append(.minute)
            case "s": tokens.append(.second)
            case "S": tokens.append(.fraction)
            case "a": tokens.append(.amPm)
            default:
                if c.isLetter { return nil }
                tokens.append(.literal(Array(String(repeating: c, count: run).utf8)))
            }
            i += run
        }
        guard !tokens.isEmpty else { return nil }
        self.tokens = tokens
        self.description = pattern
        hasTime = tokens.contains { $0 == .hour12 || $0 == .hour24 }
    }

    /// Jira's default, and what the writer uses unless told otherwise.
    public static let jiraDefault = JiraDatePattern("dd/MMM/yy h:mm a")!

    /// Tried in this order when a column's format is detected. The first that reads every value
    /// of the column wins, so the 12-hour form is preferred where both fit.
    static let candidates: [JiraDatePattern] = [
        "dd/MMM/yy h:mm a", "dd/MMM/yy H:mm", "dd/MMM/yy", "dd/MMM/yyyy h:mm a", "dd/MMM/yyyy H:mm", "dd/MMM/yyyy",
        "yyyy-MM-dd HH:mm:ss.S", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ].map { JiraDatePattern($0)! }

    /// Reads a whole value; nil unless every byte is accounted for.
    public func parse(_ text: String) -> CivilDateTime? { parse(text, months: JiraVocabulary.shared.months) }

    func parse(_ text: String, months: [String: Int]) -> CivilDateTime? {
        var utf8 = Array(text.utf8)[...]
        while let last = utf8.last, last == 0x20 { utf8.removeLast() }
        var day = 1, month = 1, year = 1970, hour = 0, minute = 0, second = 0
        var pm: Bool?
        for (index, token) in tokens.enumerated() {
            switch token {
            case .literal(let bytes):
                // Spaces in the pattern match any run of spaces ("10/oct./16  11:54").
                if bytes.allSatisfy({ $0 == 0x20 }) {
                    guard utf8.first == 0x20 else { return nil }
                    while utf8.first == 0x20 { utf8.removeFirst() }
                } else {
                    guard utf8.starts(with: bytes) else { return nil }
                    utf8.removeFirst(bytes.count)
                }
            case .day: guard let v = Self.number(&utf8, maxDigits: 2) else { return nil }; day = v
            case .monthNumber: guard let v = Self.number(&utf8, maxDigits: 2) else { return nil }; month = v
            case .twoDigitYear:
                guard let v = Self.number(&utf8, maxDigits: 2, minDigits: 2) else { return nil }
                // A fixed window instead of SimpleDateFormat's "80 years back from today", so that
                // reading does not depend on the clock: 00–69 are 2000s, 70–99 are 1900s.
                year = v < 70 ? 2000 + v : 1900 + v
            case .fourDigitYear: guard let v = Self.number(&utf8, maxDigits: 4, minDigits: 4) else { return nil }; year = v
            case .hour24: guard let v = Self.number(&utf8, maxDigits: 2), v < 24 else { return nil }; hour = v
            case .hour12: guard let v = Self.number(&utf8, maxDigits: 2), (1...12).contains(v) else { return nil }; hour = v
            case .minute: guard let v = Self.number(&utf8, maxDigits: 2), v < 60 else { return nil }; minute = v
            case .second: guard let v = Self.number(&utf8, maxDigits: 2), v < 60 else { return nil }; second = v
            case .fraction: guard Self.number(&utf8, maxDigits: 9) != nil else { return nil }
            case .monthName:
                let stop = Self.stopByte(after: index, in: tokens)
                var word: [UInt8] = []
                while let b = utf8.first, b != stop, !(0x30...0x39).contains(b) {
                    word.append(b)
                    utf8.removeFirst()
                }
                let name = String(decoding: word, as: UTF8.self).lowercased()
                let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
                guard let v = months[trimmed] else { return nil }
                month = v
            case .amPm:
                guard let marker = Self.amPm(&utf8) else { return nil }
                pm = marker
            }
        }
        guard utf8.isEmpty else { return nil }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        return CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// The value in this pattern, with English month abbreviations and AM/PM.
    public func format(_ moment: CivilDateTime) -> String {
        let (year, month, day) = moment.date.components
        let secondOfDay = moment.secondOfDay
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60
        var out = ""
        for token in tokens {
            switch token {
            case .literal(let bytes): out += String(decoding: bytes, as: UTF8.self)
            case .day: out += Self.padded(day, 2)
            case .monthNumber: out += Self.padded(month, 2)
            case .monthName: out += Self.englishMonths[month - 1]
            case .twoDigitYear: out += Self.padded(((year % 100) + 100) % 100, 2)
            case .fourDigitYear: out += Self.padded(year, 4)
            case .hour24: out += Self.padded(hour, 2)
            case .hour12: out += String(hour % 12 == 0 ? 12 : hour % 12)
            case .minute: out += Self.padded(minute, 2)
            case .second: out += Self.padded(second, 2)
            case .fraction: out += "0"
            case .amPm: out += hour < 12 ? "AM" : "PM"
            }
        }
        return out
    }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func number(_ utf8: inout ArraySlice<UInt8>, maxDigits: Int, minDigits: Int = 1) -> Int? {
        var value = 0, count = 0
        while count < maxDigits, let b = utf8.first, (0x30...0x39).contains(b) {
            value = value * 10 + Int(b - 0x30)
            utf8.removeFirst()
            count += 1
        }
        return count >= minDigits ? value : nil
    }

    /// `AM`/`PM`, also `a. m.`/`p. m.` and lower case, as Spanish-locale exports may write them.
    private static func amPm(_ utf8: inout ArraySlice<UInt8>) -> Bool? {
        guard let first = utf8.first else { return nil }
        let letter = first | 0x20
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return nil }
        var rest = utf8.dropFirst()
        if rest.first == UInt8(ascii: ".") { rest = rest.dropFirst() }
        while rest.first == 0x20 || rest.first == 0xC2 || rest.first == 0xA0 { rest = rest.dropFirst() }
        guard let m = rest.first, m | 0x20 == UInt8(ascii: "m") else { return nil }
        rest = rest.dropFirst()
        if rest.first == UInt8(ascii: ".") { rest = rest.dropFirst() }
        utf8 = rest
        return letter == UInt8(ascii: "p")
    }

    /// The first byte of the literal after a month name, where the name ends.
    private static func stopByte(after index: Int, in tokens: [Token]) -> UInt8? {
        guard index + 1 < tokens.count, case .literal(let bytes) = tokens[index + 1] else { return nil }
        return bytes.first
    }
}
