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
    public func parse(_ text: String) -> CivilDateTime? {
        var text = text
        return text.withUTF8 { parse($0, months: JiraDatePattern.monthWords) }
    }

    /// Reads a whole value from its UTF-8 bytes; nil unless every byte is accounted for.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, months: [(word: [UInt8], month: Int)]) -> CivilDateTime? {
        var i = 0
        var end = bytes.count
        while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
        var day = 1, month = 1, year = 1970, hour = 0, minute = 0, second = 0
        var pm: Bool?
        func number(maxDigits: Int, minDigits: Int = 1) -> Int? {
            var value = 0, count = 0
            while count < maxDigits, i < end, (0x30...0x39).contains(bytes[i]) {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
                count += 1
            }
            return count >= minDigits ? value : nil
        }
        for (index, token) in tokens.enumerated() {
            switch token {
            case .literal(let literal):
                // Spaces in the pattern match any run of spaces ("10/oct./16  11:54").
                if literal.allSatisfy({ $0 == 0x20 }) {
                    guard i < end, bytes[i] == 0x20 else { return nil }
                    while i < end && bytes[i] == 0x20 { i += 1 }
                } else {
                    guard end - i >= literal.count else { return nil }
                    for (offset, byte) in literal.enumerated() where bytes[i + offset] != byte { return nil }
                    i += literal.count
                }
            case .day: guard let v = number(maxDigits: 2) else { return nil }; day = v
            case .monthNumber: guard let v = number(maxDigits: 2) else { return nil }; month = v
            case .twoDigitYear:
                guard let v = number(maxDigits: 2, minDigits: 2) else { return nil }
                // A fixed window instead of SimpleDateFormat's "80 years back from today", so that
                // reading does not depend on the clock: 00–69 are 2000s, 70–99 are 1900s.
                year = v < 70 ? 2000 + v : 1900 + v
            case .fourDigitYear: guard let v = number(maxDigits: 4, minDigits: 4) else { return nil }; year = v
            case .hour24: guard let v = number(maxDigits: 2), v < 24 else { return nil }; hour = v
            case .hour12: guard let v = number(maxDigits: 2), (1...12).contains(v) else { return nil }; hour = v
            case .minute: guard let v = number(maxDigits: 2), v < 60 else { return nil }; minute = v
            case .second: guard let v = number(maxDigits: 2), v < 60 else { return nil }; second = v
            case .fraction: guard number(maxDigits: 9) != nil else { return nil }
            case .monthName:
                let stop = Self.stopByte(after: index, in: tokens)
                let start = i
                while i < end, bytes[i] != stop, !(0x30...0x39).contains(bytes[i]) { i += 1 }
                var wordEnd = i
                if wordEnd > start && bytes[wordEnd - 1] == UInt8(ascii: ".") { wordEnd -= 1 }
                guard let v = Self.month(bytes, start..<wordEnd, in: months) else { return nil }
                month = v
            case .amPm:
                guard let marker = Self.amPm(bytes, &i, end: end) else { return nil }
                pm = marker
            }
        }
        guard i == end else { return nil }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        return CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Every language's month words as lower-case bytes.
    static let monthWords: [(word: [UInt8], month: Int)] = JiraVocabulary.shared.months.map { (Array($0.key.utf8), $0.value) }

    /// The month a word names, ignoring ASCII case.
    private static func month(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in months: [(word: [UInt8], month: Int)]) -> Int? {
        for (word, month) in months where word.count == range.count {
            var same = true
            for (offset, byte) in word.enumerated() {
                var b = bytes[range.lowerBound + offset]
                if (0x41...0x5A).contains(b) { b |= 0x20 }
                if b != byte { same = false; break }
            }
            if same { return month }
        }
        // Non-ASCII capitals (a month written "AGO." is ASCII; "DÉC" is not): the slow way.
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
        return months.first { $0.word == Array(word.utf8) }?.month
    }

    /// The value in this pattern, with English month abbreviations and AM/PM.
    public func format(_ moment: CivilDateTime) -> String {
        var out: [UInt8] = []
        append(moment, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value in this pattern as UTF-8: a writer formats a date or more per row, so
    /// the digits go straight into its buffer, without a String per part.
    func append(_ moment: CivilDateTime, to out: inout [UInt8]) {
        let (year, month, day) = moment.date.components
        let secondOfDay = moment.secondOfDay
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60
        for token in tokens {
            switch token {
            case .literal(let bytes): out.append(contentsOf: bytes)
            case .day: ISODigits.append(day, width: 2, to: &out)
            case .monthNumber: ISODigits.append(month, width: 2, to: &out)
            case .monthName: out.append(contentsOf: Self.englishMonths[month - 1].utf8)
            case .twoDigitYear: ISODigits.append(((year % 100) + 100) % 100, width: 2, to: &out)
            case .fourDigitYear: ISODigits.append(year, width: 4, to: &out)
            case .hour24: ISODigits.append(hour, width: 2, to: &out)
            case .hour12: ISODigits.append(hour % 12 == 0 ? 12 : hour % 12, width: 1, to: &out)
            case .minute: ISODigits.append(minute, width: 2, to: &out)
            case .second: ISODigits.append(second, width: 2, to: &out)
            case .fraction: out.append(UInt8(ascii: "0"))
            case .amPm: out.append(contentsOf: (hour < 12 ? "AM" : "PM").utf8)
            }
        }
    }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `AM`/`PM`, also `a. m.`/`p. m.` and lower case, as Spanish-locale exports may write them.
    private static func amPm(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, end: Int) -> Bool? {
        guard i < end else { return nil }
        let letter = bytes[i] | 0x20
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return nil }
        var j = i + 1
        if j < end && bytes[j] == UInt8(ascii: ".") { j += 1 }
        // Spaces, also the no-break space (C2 A0) some locales put in "a. m.".
        while j < end && (bytes[j] == 0x20 || bytes[j] == 0xC2 || bytes[j] == 0xA0) { j += 1 }
        guard j < end, bytes[j] | 0x20 == UInt8(ascii: "m") else { return nil }
        j += 1
        if j < end && bytes[j] == UInt8(ascii: ".") { j += 1 }
        i = j
        return letter == UInt8(ascii: "p")
    }

    /// The first byte of the literal after a month name, where the name ends.
    private static func stopByte(after index: Int, in tokens: [Token]) -> UInt8? {
        guard index + 1 < tokens.count, case .literal(let bytes) = tokens[index + 1] else { return nil }
        return bytes.first
    }
}
