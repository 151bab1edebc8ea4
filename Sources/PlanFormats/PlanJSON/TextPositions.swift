/// Turns byte offsets into 1-based line and column numbers (columns count Unicode scalars, as
/// editors do), only when a diagnostic needs one. A mark every 4 KiB remembers the line and
/// column there, so each answer scans at most 4 KiB: diagnostics may point backwards (a missing
/// key points at its object's opening brace) and minified files are one long line, and neither
/// may make many diagnostics cost quadratic time.
struct TextPositions {
    private struct Mark {
        var line: Int
        var column: Int
    }

    private static let spacing = 4096
    let text: UnsafeBufferPointer<UInt8>
    /// `marks[i]` is the position of offset `i * spacing`.
    private var marks = [Mark(line: 1, column: 1)]

    init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

    mutating func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let target = min(max(offset, 0), text.count)
        while marks.count * Self.spacing <= target {
            let from = (marks.count - 1) * Self.spacing
            marks.append(advance(marks[marks.count - 1], from: from, to: from + Self.spacing))
        }
        let index = target / Self.spacing
        let position = advance(marks[index], from: index * Self.spacing, to: target)
        return (position.line, position.column)
    }

    private func advance(_ mark: Mark, from start: Int, to end: Int) -> Mark {
        var mark = mark
        for i in start..<end {
            let byte = text[i]
            if byte == 0x0A {
                mark.line += 1
                mark.column = 1
            } else if byte & 0xC0 != 0x80 {
                mark.column += 1
            }
        }
        return mark
    }
}

/// UTF-8 validation that says where the first bad byte is (the standard library only says
/// whether there is one). Eight ASCII bytes at a time on the fast path.
enum UTF8Check {
    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidOffset(in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let count = text.count
        guard let base = text.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        while i < count {
            if i + 8 <= count && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = text[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // Length, and the range of the second byte: narrower after E0/F0 (no overlong
            // forms), ED (no surrogates) and F4 (nothing above U+10FFFF).
            let length: Int
            let second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return i
            }
            guard i + length <= count else { return i }
            guard second.contains(text[i + 1]) else { return i }
            for j in 2..<length where text[i + j] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
