import PlanModel

/// Builds the bytes of an iCalendar stream one content line at a time: each line is assembled in
/// a scratch buffer and then appended folded, with CRLF. Values are appended either as TEXT
/// (escaped here) or as already-formatted values (dates, numbers, enumerations).
struct ICalendarOutput {
    private(set) var bytes: [UInt8] = []
    private var line: [UInt8] = []

    init(expectedSize: Int) {
        bytes.reserveCapacity(expectedSize)
        line.reserveCapacity(512)
    }

    mutating func begin(_ component: String) { raw("BEGIN", component) }
    mutating func end(_ component: String) { raw("END", component) }

    /// `NAME[;params]:value` with the value written as it is.
    mutating func raw(_ name: String, _ value: String, parameters: String = "") {
        start(name, parameters)
        line.append(contentsOf: value.utf8)
        finish()
    }

    /// `NAME[;params]:value` with the value escaped as TEXT.
    mutating func text(_ name: String, _ value: String, parameters: String = "") {
        start(name, parameters)
        ICalendarText.appendEscaped(value, to: &line)
        finish()
    }

    /// A comma-separated TEXT list (CATEGORIES): commas inside an item are escaped, between items not.
    mutating func list(_ name: String, _ items: [String], rawTail: String? = nil) {
        start(name, "")
        for (i, item) in items.enumerated() {
            if i > 0 { line.append(UInt8(ascii: ",")) }
            ICalendarText.appendEscaped(item, to: &line)
        }
        if let rawTail, !rawTail.isEmpty {
            if !items.isEmpty { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: rawTail.utf8)
        }
        finish()
    }

    /// `NAME;VALUE=DATE:YYYYMMDD`.
    mutating func date(_ name: String, _ date: CivilDate) {
        start(name, ";VALUE=DATE")
        Self.appendDate(date, to: &line)
        finish()
    }

    /// `NAME:YYYYMMDDTHHMMSS[Z]` or with `;TZID=…`.
    mutating func dateTime(_ name: String, _ time: CivilDateTime, utc: Bool, tzid: String? = nil) {
        start(name, tzid.map { ";TZID=" + Self.parameterValue($0) } ?? "")
        Self.appendDateTime(time, utc: utc, to: &line)
        finish()
    }

    private mutating func start(_ name: String, _ parameters: String) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name.utf8)
        line.append(contentsOf: parameters.utf8)
        line.append(UInt8(ascii: ":"))
    }

    private mutating func finish() {
        ICalendarText.appendFolded(line, to: &bytes)
    }

    /// A parameter value, quoted when it holds `:` `;` or `,` (RFC 5545 §3.2); double quotes cannot
    /// appear inside and are dropped.
    static func parameterValue(_ value: String) -> String {
        let clean = value.filter { $0 != "\"" && !$0.isNewline }
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    static func appendDate(_ date: CivilDate, to out: inout [UInt8]) {
        let (y, m, d) = date.components
        appendDigits(y, 4, &out)
        appendDigits(m, 2, &out)
        appendDigits(d, 2, &out)
    }

    static func appendDateTime(_ time: CivilDateTime, utc: Bool, to out: inout [UInt8]) {
        appendDate(time.date, to: &out)
        out.append(UInt8(ascii: "T"))
        let s = time.secondOfDay
        appendDigits(s / 3600, 2, &out)
        appendDigits((s / 60) % 60, 2, &out)
        appendDigits(s % 60, 2, &out)
        if utc { out.append(UInt8(ascii: "Z")) }
    }

    static func formatDateTime(_ time: CivilDateTime, utc: Bool) -> String {
        var out = [UInt8]()
        appendDateTime(time, utc: utc, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func appendDigits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = max(value, 0)
        while divisor > 0 {
            out.append(UInt8(48 + (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
