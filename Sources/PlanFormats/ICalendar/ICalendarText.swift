/// TEXT values (RFC 5545 §3.3.11) and line folding (§3.1).
enum ICalendarText {
    /// Unescapes in one left-to-right pass, so `\\n` stays a backslash followed by `n`:
    /// `\\` `\;` `\,` `\n` `\N`; any other `\x` is `x` (`\"` from Podio, `\:`); a lone trailing
    /// backslash is dropped.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                out.append(byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") ? 0x0A : byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits a multi-valued TEXT (CATEGORIES) on commas that are not escaped, then unescapes each.
    static func splitList(_ text: String) -> [String] {
        var items: [String] = []
        var current = [UInt8]()
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                current.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                current.append(byte)
                escaped = true
            } else if byte == UInt8(ascii: ",") {
                items.append(unescape(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        items.append(unescape(String(decoding: current, as: UTF8.self)))
        return items
    }

    /// Appends `text` escaped as a TEXT value: backslash first, then `;` and `,`, and every line
    /// break (CRLF, CR or LF) as a lower-case `\n` (some consumers do not accept `\N`).
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var previousCR = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out.append(0x5C); out.append(0x5C)
            case UInt8(ascii: ";"): out.append(0x5C); out.append(UInt8(ascii: ";"))
            case UInt8(ascii: ","): out.append(0x5C); out.append(UInt8(ascii: ","))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0A:
                if !previousCR { out.append(0x5C); out.append(UInt8(ascii: "n")) }
            default:
                // Other control characters are not allowed in TEXT (RFC 5545 §3.3.11 TSAFE-CHAR).
                if byte < 0x20 && byte != 0x09 || byte == 0x7F { out.append(0x20) } else { out.append(byte) }
            }
            previousCR = byte == 0x0D
        }
    }

    static func escaped(_ text: String) -> String {
        var out = [UInt8]()
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The longest a physical line may be, in octets, without its CRLF.
    static let maximumLineOctets = 75

    /// Appends one logical line folded at 75 octets: CRLF and a space before each continuation,
    /// the space counting toward the continuation's 75. A fold never falls inside a UTF-8
    /// sequence, nor between a backslash and the character it escapes (Google drops events whose
    /// `\n` is split, python icalendar #1501). Every line, the last included, ends with CRLF.
    static func appendFolded(_ line: [UInt8], to out: inout [UInt8]) {
        if line.count <= maximumLineOctets {
            out.append(contentsOf: line)
            out.append(0x0D)
            out.append(0x0A)
            return
        }
        var used = 0
        var limit = maximumLineOctets
        var i = 0
        let count = line.count
        while i < count {
            let unit = unitLength(line, at: i)
            if used + unit > limit {
                out.append(0x0D)
                out.append(0x0A)
                out.append(0x20)
                used = 1
                limit = maximumLineOctets
            }
            out.append(contentsOf: line[i..<min(i + unit, count)])
            used += unit
            i += unit
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Octets that must stay on one physical line from `index`: a whole UTF-8 sequence, or a
    /// backslash with the (ASCII) character it escapes.
    @inline(__always)
    static func unitLength(_ line: [UInt8], at index: Int) -> Int {
        let byte = line[index]
        if byte < 0x80 { return byte == 0x5C && index + 1 < line.count ? 2 : 1 }
        if byte >= 0xF0 { return 4 }
        if byte >= 0xE0 { return 3 }
        if byte >= 0xC0 { return 2 }
        return 1
    }
}
