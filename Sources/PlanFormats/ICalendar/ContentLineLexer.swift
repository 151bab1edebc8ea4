import PlanModel

/// Bytes to content lines, as tolerant as the files in the wild need (ICAL.md §2): a UTF-8 BOM,
/// CRLF, LF or lone CR line ends, blank lines, folds continued by one space or tab. Unfolding
/// works on bytes, before decoding, so a UTF-8 sequence that a producer split across a fold
/// joins up again. Each logical line is then split into name, parameters and value and handed
/// to `emit` with the number of the physical line it began on.
struct ContentLineLexer {
    enum Event {
        case line(ContentLine)
        /// A logical line that has no `NAME…:` shape; its decoded text and line number.
        case malformed(String, line: Int)
    }

    private(set) var diagnostics: [Diagnostic] = []
    let sourceName: String

    init(sourceName: String) { self.sourceName = sourceName }

    /// Calls `emit` once per logical line, in order.
    mutating func lex(_ bytes: UnsafeBufferPointer<UInt8>, emit: (Event) -> Void) {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var pending: [UInt8] = []
        pending.reserveCapacity(256)
        var pendingLine = 0
        var hasPending = false
        var lineNumber = 0
        var i = start
        let end = bytes.count
        while i < end {
            lineNumber += 1
            let lineStart = i
            while i < end, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            let lineEnd = i
            if i < end {
                if bytes[i] == 0x0D, i + 1 < end, bytes[i + 1] == 0x0A { i += 2 } else { i += 1 }
            }
            if lineEnd == lineStart {
                // Blank lines are not content lines (KOrganizer, TaskJuggler write them): skip.
                continue
            }
            let first = bytes[lineStart]
            if first == 0x20 || first == 0x09 {
                if hasPending {
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(lineStart + 1)..<lineEnd]))
                    continue
                }
                // A continuation with nothing to continue: read it as a line of its own.
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(lineStart + 1)..<lineEnd]))
                pendingLine = lineNumber
                hasPending = true
                continue
            }
            if hasPending { flush(&pending, line: pendingLine, emit: emit) }
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
            pendingLine = lineNumber
            hasPending = true
        }
        if hasPending { flush(&pending, line: pendingLine, emit: emit) }
    }

    private mutating func flush(_ pending: inout [UInt8], line: Int, emit: (Event) -> Void) {
        defer { pending.removeAll(keepingCapacity: true) }
        let text: String
        if let valid = String(validating: pending, as: UTF8.self) {
            text = valid
        } else {
            diagnostics.append(Diagnostic(
                .icsInvalidUTF8, "line is not valid UTF-8; read as Latin-1",
                at: SourceLocation(file: sourceName, line: line)))
            text = String(String.UnicodeScalarView(pending.map { Unicode.Scalar($0) }))
        }
        if let parsed = Self.parse(text, line: line) {
            emit(.line(parsed))
        } else {
            emit(.malformed(text, line: line))
        }
    }

    /// Splits `NAME;P=V;Q="a:b":value`. The value starts at the first `:` outside double quotes.
    /// A quote that never closes (Exchange: `TZID="W. Europe Standard Time:2020…`) is survived by
    /// falling back to the first `:` after the name.
    static func parse(_ text: String, line: Int) -> ContentLine? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard isNameByte(byte) else { break }
            index = utf8.index(after: index)
        }
        guard index != utf8.startIndex, index != utf8.endIndex else { return nil }
        let delimiter = utf8[index]
        guard delimiter == UInt8(ascii: ":") || delimiter == UInt8(ascii: ";") else { return nil }
        let name = upperCased(text[text.startIndex..<index])
        if delimiter == UInt8(ascii: ":") {
            return ContentLine(name: name, parameters: [], value: String(text[utf8.index(after: index)...]), line: line)
        }
        // Parameters: find the value's colon outside quotes.
        var cursor = utf8.index(after: index)
        var inQuotes = false
        var colon: String.Index?
        while cursor != utf8.endIndex {
            let byte = utf8[cursor]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if byte == UInt8(ascii: ":"), !inQuotes {
                colon = cursor
                break
            }
            cursor = utf8.index(after: cursor)
        }
        if colon == nil {
            // Unbalanced quote: take the first colon after the name.
            colon = text[utf8.index(after: index)...].firstIndex(of: ":")
        }
        guard let colon else { return nil }
        let parameters = parseParameters(text[utf8.index(after: index)..<colon])
        return ContentLine(name: name, parameters: parameters, value: String(text[utf8.index(after: colon)...]), line: line)
    }

    /// `P=V;Q="a;b",c` → parameters. Splits on `;` and `,` outside quotes; a backslash-escaped `;`
    /// (Apple's `X-TITLE=…\; 4041 Linz`) does not split. Works on the UTF-8 bytes: every delimiter
    /// is ASCII, so a cut never falls inside a character, and bytes skip grapheme breaking.
    static func parseParameters(_ text: Substring) -> [ContentLine.Parameter] {
        var result: [ContentLine.Parameter] = []
        var name = ""
        var values: [String] = []
        var current: [UInt8] = []
        var inName = true
        var inQuotes = false
        var wasQuoted = false
        var previous = UInt8(ascii: " ")
        func take() -> String {
            defer { current.removeAll(keepingCapacity: true) }
            return String(decoding: current, as: UTF8.self)
        }
        func finishValue() {
            let value = take()
            values.append(wasQuoted ? value : value.trimmingWhitespace())
            wasQuoted = false
        }
        func finishParameter() {
            if inName {
                if !current.isEmpty { result.append(.init(name: upperCased(take().trimmingWhitespace()), values: [])) }
            } else {
                finishValue()
                result.append(.init(name: upperCased(name), values: values.map(decodeCarets)))
            }
            name = ""
            values = []
            current.removeAll(keepingCapacity: true)
            inName = true
            wasQuoted = false
        }
        for byte in text.utf8 {
            defer { previous = byte }
            if inQuotes {
                if byte == UInt8(ascii: "\"") { inQuotes = false } else { current.append(byte) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where !inName:
                inQuotes = true
                wasQuoted = true
            case UInt8(ascii: "=") where inName:
                name = take().trimmingWhitespace()
                inName = false
            case UInt8(ascii: ",") where !inName:
                finishValue()
            case UInt8(ascii: ";") where previous != UInt8(ascii: "\\"):
                finishParameter()
            case UInt8(ascii: ";"):
                current[current.count - 1] = byte
            default:
                current.append(byte)
            }
        }
        finishParameter()
        return result
    }

    /// Almost every name is already upper case: the (allocating) case mapping is skipped then.
    static func upperCased(_ text: some StringProtocol) -> String {
        text.utf8.contains { $0 >= 0x61 && $0 <= 0x7A } ? text.uppercased() : String(text)
    }

    /// RFC 6868: `^n` newline, `^'` double quote, `^^` caret.
    static func decodeCarets(_ value: String) -> String {
        // On the bytes: String's own `contains` of a string goes through Foundation's search.
        guard value.utf8.contains(UInt8(ascii: "^")) else { return value }
        var out = ""
        var iterator = value.makeIterator()
        while let c = iterator.next() {
            guard c == "^" else { out.append(c); continue }
            switch iterator.next() {
            case "n"?, "N"?: out.append("\n")
            case "'"?: out.append("\"")
            case "^"?: out.append("^")
            case let other?: out.append("^"); out.append(other)
            case nil: out.append("^")
            }
        }
        return out
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
