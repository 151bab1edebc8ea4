/// A byte buffer with just enough JSON layout for PlanBridge JSON: objects and arrays of objects
/// one member per line with two-space indentation, and small "leaf" values (a duration, an
/// interval, a list of weekdays) on one line, `{"minutes": 480, "unit": "hours"}`. Everything is
/// appended as UTF-8 bytes; no intermediate `String`s in the hot path.
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    /// One entry per open multi-line container: whether it has a member yet.
    private var hasMembers: [Bool] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    // MARK: Multi-line containers

    mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        hasMembers.append(false)
    }

    mutating func closeObject() { close(UInt8(ascii: "}")) }

    mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
        hasMembers.append(false)
    }

    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the innermost object: separator, new line, indentation, `"name": `.
    mutating func key(_ name: String) {
        newMember()
        keyText(name)
    }

    mutating func key(_ name: some JSONKeySet) { key(name.rawValue) }

    /// A key that may need escaping (dictionary keys come from user data).
    mutating func escapedKey(_ name: String) {
        newMember()
        string(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts an element of the innermost array.
    mutating func element() { newMember() }

    private mutating func newMember() {
        if hasMembers[hasMembers.count - 1] {
            bytes.append(UInt8(ascii: ","))
        } else {
            hasMembers[hasMembers.count - 1] = true
        }
        bytes.append(UInt8(ascii: "\n"))
        indent(hasMembers.count)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = hasMembers.removeLast()
        if hadMembers {
            bytes.append(UInt8(ascii: "\n"))
            indent(hasMembers.count)
        }
        bytes.append(bracket)
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<level {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }

    // MARK: One-line values

    /// `"name": ` inside a one-line object, with `, ` before every member but the first.
    mutating func inlineKey(_ name: String, first: Bool = false) {
        if !first {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: " "))
        }
        keyText(name)
    }

    mutating func inlineKey(_ name: some JSONKeySet, first: Bool = false) { inlineKey(name.rawValue, first: first) }

    /// `, ` between elements of a one-line array.
    mutating func inlineSeparator() {
        bytes.append(UInt8(ascii: ","))
        bytes.append(UInt8(ascii: " "))
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    private mutating func keyText(_ name: String) {
        bytes.append(UInt8(ascii: "\""))
        appendUTF8(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    // MARK: Scalars

    mutating func int(_ value: Int) { PlanJSONText.appendInt(value, to: &bytes) }

    mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// Shortest text that reads back as the same `Double` (Swift's `description` guarantees
    /// that); the caller has already rejected NaN and infinities.
    mutating func double(_ value: Double) {
        appendUTF8(value.description)
    }

    /// A JSON string per RFC 8259: `"` and `\` escaped, control characters as short escapes or
    /// `\u00XX`, everything else (non-ASCII included) copied as UTF-8.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                appendEscape(byte)
                runStart = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string value whose bytes are produced by `body` and need no escaping (dates, amounts).
    mutating func quoted(_ body: (inout [UInt8]) -> Void) {
        bytes.append(UInt8(ascii: "\""))
        body(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("u00")
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }

    private mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }
}
