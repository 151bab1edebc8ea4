import Foundation

/// Serialises parse events back to XML text, for elements kept verbatim as extensions: the element
/// as written (qualified name, attributes, namespace declarations where the source had them),
/// text escaped minimally, `<Name/>` for elements with no content.
struct XMLRecorder {
    private(set) var bytes: [UInt8] = []
    /// Where the last start tag ended, to turn `<X></X>` into `<X/>`.
    private var lastStartTagEnd = -1

    init() { bytes.reserveCapacity(4096) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        lastStartTagEnd = -1
    }

    mutating func start(
        _ name: String, prefix: UnsafePointer<UInt8>?, attributes: XMLAttributes,
        declaring declaration: (prefix: UnsafePointer<UInt8>, uri: UnsafePointer<UInt8>)? = nil
    ) {
        bytes.append(UInt8(ascii: "<"))
        appendQualified(name, prefix: prefix)
        if let declaration {
            bytes.append(contentsOf: " xmlns:".utf8)
            appendCString(declaration.prefix)
            bytes.append(contentsOf: "=\"".utf8)
            XMLRecorder.escape(cString(declaration.uri), into: &bytes, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
        if !attributes.isEmpty {
            attributes.forEachNamespace { nsPrefix, uri in
                bytes.append(contentsOf: " xmlns".utf8)
                if let nsPrefix {
                    bytes.append(UInt8(ascii: ":"))
                    appendCString(nsPrefix)
                }
                bytes.append(contentsOf: "=\"".utf8)
                if let uri { XMLRecorder.escape(cString(uri), into: &bytes, attribute: true) }
                bytes.append(UInt8(ascii: "\""))
            }
            attributes.forEachAttribute { localName, attrPrefix, value in
                bytes.append(UInt8(ascii: " "))
                if let attrPrefix {
                    appendCString(attrPrefix)
                    bytes.append(UInt8(ascii: ":"))
                }
                appendCString(localName)
                bytes.append(contentsOf: "=\"".utf8)
                XMLRecorder.escape(value, into: &bytes, attribute: true)
                bytes.append(UInt8(ascii: "\""))
            }
        }
        bytes.append(UInt8(ascii: ">"))
        lastStartTagEnd = bytes.count
    }

    mutating func end(_ name: String, prefix: UnsafePointer<UInt8>?) {
        if bytes.count == lastStartTagEnd {
            bytes.removeLast()
            bytes.append(contentsOf: "/>".utf8)
        } else {
            bytes.append(contentsOf: "</".utf8)
            appendQualified(name, prefix: prefix)
            bytes.append(UInt8(ascii: ">"))
        }
        lastStartTagEnd = -1
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        XMLRecorder.escape(text, into: &bytes, attribute: false)
    }

    /// Comments and processing instructions, already serialised.
    mutating func markup(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    private mutating func appendQualified(_ name: String, prefix: UnsafePointer<UInt8>?) {
        if let prefix {
            appendCString(prefix)
            bytes.append(UInt8(ascii: ":"))
        }
        bytes.append(contentsOf: name.utf8)
    }

    private mutating func appendCString(_ text: UnsafePointer<UInt8>) {
        bytes.append(contentsOf: cString(text))
    }

    private func cString(_ text: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var length = 0
        while text[length] != 0 { length += 1 }
        return UnsafeBufferPointer(start: text, count: length)
    }

    /// `&` `<` `>` always, `"` and whitespace controls in attributes, and a carriage return as a
    /// character reference (a parser would otherwise read it back as a line feed).
    static func escape(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], attribute: Bool) {
        var runStart = 0
        for i in 0..<text.count {
            let c = text[i]
            let replacement: StaticString
            switch c {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case 13: replacement = "&#13;"
            case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
            case 10 where attribute: replacement = "&#10;"
            case 9 where attribute: replacement = "&#9;"
            default: continue
            }
            if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = i + 1
        }
        if runStart < text.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count])) }
    }
}

/// Shares one `String` among identical short kept texts. MS Project repeats the same elements in
/// every task (`<Critical>0</Critical>`, `<LevelingDelayFormat>8</LevelingDelayFormat>`, …), and a
/// separate allocation for each made a 150 MB file cost several hundred MB of memory.
struct StringInterner {
    static let maxLength = 96
    private static let capacity = 1 << 15
    private var slots = [String?](repeating: nil, count: capacity)
    private var hashes = [UInt32](repeating: 0, count: capacity)
    private var used = 0

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count <= Self.maxLength else { return String(decoding: bytes, as: UTF8.self) }
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let mask = Self.capacity - 1
        var i = Int(hash) & mask
        while let existing = slots[i] {
            if hashes[i] == hash && Self.equal(existing, bytes) { return existing }
            i = (i + 1) & mask
        }
        let made = String(decoding: bytes, as: UTF8.self)
        // Stop adding when three quarters full: probing stays short, unique texts stay unshared.
        if used < Self.capacity / 4 * 3 {
            slots[i] = made
            hashes[i] = hash
            used += 1
        }
        return made
    }

    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return string.isEmpty }
        var string = string
        return string.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }
}
