import PlanModel

/// Why reading stopped: a syntax error, or a document this reader must refuse as a whole. Carries
/// a byte offset; the reader turns it into line and column only when it is reported.
struct JSONReadFailure: Error {
    var kind: PlanError.Kind = .unreadableInput
    var code: DiagnosticCode
    var message: String
    var offset: Int
}

/// The raw bytes of a string token, between its quotes.
struct JSONStringToken {
    /// Offset of the opening quote (where diagnostics point).
    var quote: Int
    var start: Int
    var end: Int
    var hasEscapes: Bool
}

/// A pull parser over UTF-8 bytes (already validated as UTF-8): the caller asks for the next key,
/// element or value, so no document tree is ever built and unknown values are skipped in place.
/// Every method checks the JSON grammar (RFC 8259) as it goes and throws `JSONReadFailure` with
/// the offset of the first offending byte.
struct JSONCursor {
    enum ValueKind: String {
        case object = "an object"
        case array = "an array"
        case string = "a string"
        case number = "a number"
        case bool = "true or false"
        case null = "null"
    }

    let text: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    private(set) var offset = 0
    private(set) var depth = 0
    private var scratch: [UInt8] = []

    init(text: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.text = text
        self.maximumDepth = maximumDepth
    }

    var isAtEnd: Bool { offset >= text.count }

    mutating func skipWhitespace() {
        while offset < text.count {
            switch text[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The kind of the next value, after whitespace.
    mutating func peekValue() throws(JSONReadFailure) -> ValueKind {
        skipWhitespace()
        guard offset < text.count else { throw truncated("expected a value") }
        switch text[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw unexpected("expected a value")
        }
    }

    // MARK: Containers

    /// Consumes `{` (the caller has peeked it).
    mutating func enterObject() throws(JSONReadFailure) { try enter() }

    /// Consumes `[` (the caller has peeked it).
    mutating func enterArray() throws(JSONReadFailure) { try enter() }

    private mutating func enter() throws(JSONReadFailure) {
        guard depth < maximumDepth else {
            throw JSONReadFailure(
                code: .jsonTooDeep, message: "arrays and objects are nested more than \(maximumDepth) deep",
                offset: offset)
        }
        depth += 1
        offset += 1
    }

    /// The next member's key (its `:` consumed), or nil after consuming the closing `}`.
    mutating func nextKey(first: Bool) throws(JSONReadFailure) -> JSONStringToken? {
        skipWhitespace()
        guard offset < text.count else { throw truncated(first ? "expected a key or '}'" : "expected ',' or '}'") }
        if text[offset] == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return nil
        }
        if !first {
            guard text[offset] == UInt8(ascii: ",") else { throw unexpected("expected ',' or '}' after a member") }
            offset += 1
            skipWhitespace()
            guard offset < text.count else { throw truncated("expected a key") }
        }
        guard text[offset] == UInt8(ascii: "\"") else {
            throw unexpected(first ? "expected a key in double quotes or '}'" : "expected a key in double quotes")
        }
        let key = try string()
        skipWhitespace()
        guard offset < text.count else { throw truncated("expected ':' after the key") }
        guard text[offset] == UInt8(ascii: ":") else { throw unexpected("expected ':' after the key") }
        offset += 1
        return key
    }

    /// True when another element follows (its separator consumed); false after consuming `]`.
    mutating func nextElement(first: Bool) throws(JSONReadFailure) -> Bool {
        skipWhitespace()
        guard offset < text.count else { throw truncated(first ? "expected a value or ']'" : "expected ',' or ']'") }
        if text[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return false
        }
        if !first {
            guard text[offset] == UInt8(ascii: ",") else { throw unexpected("expected ',' or ']' after an element") }
            offset += 1
        }
        return true
    }

    // MARK: Scalars

    /// Consumes a string (the caller has peeked its quote) and returns its raw bytes' bounds.
    mutating func string() throws(JSONReadFailure) -> JSONStringToken {
        let quote = offset
        var i = offset + 1
        var hasEscapes = false
        while true {
            guard i < text.count else {
                offset = quote
                throw truncated("this string is never closed")
            }
            let byte = text[i]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                i = try escapeEnd(at: i)
                continue
            }
            if byte < 0x20 {
                offset = i
                throw JSONReadFailure(
                    code: .jsonSyntax,
                    message: "control character \(Self.describe(byte)) must be escaped inside a string", offset: i)
            }
            i += 1
        }
        offset = i + 1
        return JSONStringToken(quote: quote, start: quote + 1, end: i, hasEscapes: hasEscapes)
    }

    /// Checks the escape starting at the backslash at `i`; returns the index after it.
    private mutating func escapeEnd(at i: Int) throws(JSONReadFailure) -> Int {
        guard i + 1 < text.count else {
            offset = i
            throw truncated("the string ends inside an escape")
        }
        switch text[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return i + 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: i)
            if (0xDC00...0xDFFF).contains(unit) {
                throw JSONReadFailure(code: .jsonSyntax, message: "\\u escape of a lone low surrogate", offset: i)
            }
            guard (0xD800...0xDBFF).contains(unit) else { return i + 6 }
            guard i + 7 < text.count, text[i + 6] == UInt8(ascii: "\\"), text[i + 7] == UInt8(ascii: "u"),
                (0xDC00...0xDFFF).contains(try hexUnit(at: i + 6))
            else {
                throw JSONReadFailure(
                    code: .jsonSyntax, message: "\\u escape of a high surrogate not followed by a low surrogate",
                    offset: i)
            }
            return i + 12
        default:
            offset = i
            throw JSONReadFailure(code: .jsonSyntax, message: "invalid escape in a string", offset: i)
        }
    }

    /// The four hex digits of the `\u` escape whose backslash is at `i`.
    private func hexUnit(at i: Int) throws(JSONReadFailure) -> UInt32 {
        guard i + 6 <= text.count else {
            throw JSONReadFailure(code: .jsonTruncated, message: "the input ends inside a \\u escape", offset: i)
        }
        var unit: UInt32 = 0
        for j in (i + 2)..<(i + 6) {
            let byte = text[j]
            let value: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt32(byte - UInt8(ascii: "A") + 10)
            default:
                throw JSONReadFailure(code: .jsonSyntax, message: "\\u must be followed by four hex digits", offset: i)
            }
            unit = unit << 4 | value
        }
        return unit
    }

    /// Consumes a number and returns its bytes' bounds and whether it is written as an integer.
    mutating func number() throws(JSONReadFailure) -> (start: Int, end: Int, isInteger: Bool) {
        let start = offset
        var i = offset
        if text[i] == UInt8(ascii: "-") { i += 1 }
        let integerStart = i
        i = digits(from: i)
        guard i > integerStart else { throw badNumber(start, "a minus sign must be followed by digits") }
        if text[integerStart] == UInt8(ascii: "0") && i - integerStart > 1 {
            throw badNumber(start, "numbers must not have leading zeros")
        }
        var isInteger = true
        if i < text.count && text[i] == UInt8(ascii: ".") {
            isInteger = false
            let fractionStart = i + 1
            i = digits(from: fractionStart)
            guard i > fractionStart else { throw badNumber(start, "a decimal point must be followed by digits") }
        }
        if i < text.count && (text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E")) {
            isInteger = false
            i += 1
            if i < text.count && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) { i += 1 }
            let exponentStart = i
            i = digits(from: i)
            guard i > exponentStart else { throw badNumber(start, "an exponent must have digits") }
        }
        if i < text.count {
            switch text[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
                throw badNumber(start, "malformed number")
            default: break
            }
        }
        offset = i
        return (start, i, isInteger)
    }

    private func digits(from start: Int) -> Int {
        var i = start
        while i < text.count && text[i] >= UInt8(ascii: "0") && text[i] <= UInt8(ascii: "9") { i += 1 }
        return i
    }

    private func badNumber(_ start: Int, _ message: String) -> JSONReadFailure {
        JSONReadFailure(code: .jsonSyntax, message: message, offset: start)
    }

    /// Consumes `true` or `false`.
    mutating func bool() throws(JSONReadFailure) -> Bool {
        if try literal("true") { return true }
        if try literal("false") { return false }
        throw unexpected("expected a value")
    }

    /// Consumes `null`.
    mutating func null() throws(JSONReadFailure) {
        guard try literal("null") else { throw unexpected("expected a value") }
    }

    private mutating func literal(_ word: StaticString) throws(JSONReadFailure) -> Bool {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            offset + count <= text.count && (0..<count).allSatisfy { text[offset + $0] == expected[$0] }
        }
        guard matches else {
            if offset + count > text.count,
                word.withUTF8Buffer({ expected in (offset..<text.count).allSatisfy { text[$0] == expected[$0 - offset] } })
            {
                throw truncated("the input ends inside '\(word)'")
            }
            return false
        }
        offset += count
        return true
    }

    /// Skips one value of any kind, checking its syntax, without recursion: hostile nesting is
    /// bounded by `maximumDepth`, never by the stack.
    mutating func skipValue() throws(JSONReadFailure) {
        var open: [Bool] = []  // true: object
        var first = false
        while true {
            switch try peekValue() {
            case .object:
                try enterObject()
                open.append(true)
                first = true
            case .array:
                try enterArray()
                open.append(false)
                first = true
            case .string: _ = try string()
            case .number: _ = try number()
            case .bool: _ = try bool()
            case .null: try null()
            }
            // Find where the next value starts, closing finished containers on the way.
            while true {
                guard let isObject = open.last else { return }
                let more = isObject ? try nextKey(first: first) != nil : try nextElement(first: first)
                first = false
                if more { break }
                open.removeLast()
            }
        }
    }

    // MARK: Decoding

    /// The text of a string token, escapes resolved.
    mutating func decode(_ token: JSONStringToken) -> String {
        if !token.hasEscapes {
            return String(decoding: UnsafeBufferPointer(rebasing: text[token.start..<token.end]), as: UTF8.self)
        }
        resolveEscapes(token)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Calls `body` with the string's bytes, escapes resolved, without making a `String`.
    mutating func withBytes<R>(of token: JSONStringToken, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !token.hasEscapes { return body(UnsafeBufferPointer(rebasing: text[token.start..<token.end])) }
        resolveEscapes(token)
        return scratch.withUnsafeBufferPointer(body)
    }

    /// Resolves escapes into `scratch`; the token was checked by `string()`.
    private mutating func resolveEscapes(_ token: JSONStringToken) {
        scratch.removeAll(keepingCapacity: true)
        var i = token.start
        while i < token.end {
            let byte = text[i]
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                i += 1
                continue
            }
            let kind = text[i + 1]
            switch kind {
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = (try? hexUnit(at: i)) ?? 0xFFFD
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = (try? hexUnit(at: i + 6)) ?? 0xDC00
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                    i += 6
                }
                scratch.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")!)
                i += 6
                continue
            default: scratch.append(kind)  // \" \\ \/
            }
            i += 2
        }
    }

    // MARK: Failures

    private func truncated(_ expectation: String) -> JSONReadFailure {
        JSONReadFailure(
            code: .jsonTruncated, message: "unexpected end of input (\(expectation)); the file looks cut off",
            offset: text.count)
    }

    private func unexpected(_ expectation: String) -> JSONReadFailure {
        JSONReadFailure(
            code: .jsonSyntax, message: "unexpected \(Self.describe(at: offset, in: text)); \(expectation)",
            offset: offset)
    }

    /// `'x'` for printable ASCII, `U+00E9` otherwise.
    static func describe(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> String {
        let byte = text[offset]
        if byte < 0x80 { return describe(byte) }
        var end = offset + 1
        while end < text.count && text[end] & 0xC0 == 0x80 { end += 1 }
        let scalar = String(decoding: UnsafeBufferPointer(rebasing: text[offset..<end]), as: UTF8.self).unicodeScalars.first
        return "character " + Self.hex(scalar?.value ?? UInt32(byte))
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "character " + hex(UInt32(byte))
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
