/// Turns byte offsets into 1-based line and column numbers (columns count Unicode scalars, as
/// editors do), only when a diagnostic needs one. Diagnostics mostly arrive in file order, so
/// the scan resumes from the previous answer instead of starting over.
struct TextPositions {
    let text: UnsafeBufferPointer<UInt8>
    private var checkpointOffset = 0
    private var checkpointLine = 1
    private var checkpointLineStart = 0

    init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

    mutating func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let target = min(max(offset, 0), text.count)
        if target < checkpointOffset {
            checkpointOffset = 0
            checkpointLine = 1
            checkpointLineStart = 0
        }
        var line = checkpointLine
        var lineStart = checkpointLineStart
        for i in checkpointOffset..<target where text[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        checkpointOffset = target
        checkpointLine = line
        checkpointLineStart = lineStart
        var column = 1
        for i in lineStart..<target where text[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
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
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F  // no surrogates
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F  // nothing above U+10FFFF
            default: return i
            }
            guard i + length <= count else { return i }
            let second = text[i + 1]
            guard second >= lowest && second <= highest else { return i }
            for j in 2..<length where text[i + j] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
