import Foundation

/// Where one cell lies in the input, before any text is made of it. Most cells of a Jira export are
/// empty or never looked at, so the tokenizer only records positions; `CSVTokenizer.text(of:)`
/// decodes the few cells the reader uses.
struct CSVCell: Sendable {
    /// Byte range of the cell's content: inside the quotes for a quoted cell.
    var start: Int
    var end: Int
    var shape: Shape

    enum Shape: UInt8, Sendable {
        /// The bytes are the text.
        case plain
        /// Quoted, with `""` pairs to turn into `"`.
        case escapedQuotes
        /// Not RFC 4180: a quote inside an unquoted cell, or text after a closing quote. `start..<end`
        /// is then the raw cell, read the way Python's `csv` module reads it.
        case irregular
    }

    var isEmpty: Bool { start == end }
}

/// A streaming RFC 4180 tokenizer over UTF-8 bytes: one record at a time, quoted cells with commas,
/// doubled quotes and LF or CRLF inside, LF or CRLF (or lone CR) record ends. It never allocates
/// per cell; a caller reuses one `[CSVCell]` for every record.
struct CSVTokenizer {
    enum Outcome: Equatable {
        /// A record was read into the cells.
        case record
        /// No more input.
        case end
        /// The input ended inside the quoted cell with this index; the cells up to it are filled.
        case unterminatedQuote(cellIndex: Int)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    /// The physical line (1-based) where the last record began, for messages about it.
    private(set) var recordLine = 1
    private var line = 1

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Skips a UTF-8 byte-order mark.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Starts at a record boundary inside the input; lines are then counted from there.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position >= bytes.count }
    var byteCount: Int { bytes.count }

    /// Reads the next record into `cells` (cleared first).
    mutating func nextRecord(into cells: inout [CSVCell]) -> Outcome {
        cells.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard position < count else { return .end }
        recordLine = line
        var i = position
        while true {
            // One cell starts at `i`.
            if i < count && bytes[i] == Self.quote {
                guard let cell = quotedCell(from: i) else {
                    position = count
                    return .unterminatedQuote(cellIndex: cells.count)
                }
                cells.append(cell.cell)
                i = cell.next
            } else {
                let start = i
                var shape = CSVCell.Shape.plain
                while i < count {
                    let byte = bytes[i]
                    if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
                    if byte == Self.quote { shape = .irregular }
                    i += 1
                }
                cells.append(CSVCell(start: start, end: i, shape: shape))
            }
            // `i` is at a separator, a record end, or the end of input.
            if i >= count {
                position = count
                return .record
            }
            let byte = bytes[i]
            if byte == Self.comma {
                i += 1
                if i >= count {
                    // "a," at the very end: a last, empty cell.
                    cells.append(CSVCell(start: i, end: i, shape: .plain))
                    position = count
                    return .record
                }
                continue
            }
            i += (byte == Self.cr && i + 1 < count && bytes[i + 1] == Self.lf) ? 2 : 1
            line += 1
            position = i
            return .record
        }
    }

    /// A quoted cell starting at the quote at `open`; nil when the input ends inside it.
    private mutating func quotedCell(from open: Int) -> (cell: CSVCell, next: Int)? {
        let count = bytes.count
        var i = open + 1
        var shape = CSVCell.Shape.plain
        while i < count {
            // Quoted cells are the long ones (descriptions, comments): jump from quote to quote.
            guard let found = memchr(bytes.baseAddress! + i, Int32(Self.quote), count - i) else {
                countLineBreaks(from: i, to: count)
                return nil
            }
            let quoteAt = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            countLineBreaks(from: i, to: quoteAt)
            i = quoteAt
            if i + 1 < count && bytes[i + 1] == Self.quote {
                shape = .escapedQuotes
                i += 2
                continue
            }
            // The closing quote. Anything but a separator after it makes the cell irregular.
            let close = i
            i += 1
            if i >= count || bytes[i] == Self.comma || bytes[i] == Self.lf || bytes[i] == Self.cr {
                return (CSVCell(start: open + 1, end: close, shape: shape), i)
            }
            return irregularRest(from: open, after: i)
        }
        return nil
    }

    /// Counts the line breaks (LF, CRLF or a lone CR) in `start..<end` into `line`.
    private mutating func countLineBreaks(from start: Int, to end: Int) {
        var feeds = 0, returns = 0
        // Branch-free so that the compiler can vectorize it; most text has no CR at all.
        for index in start..<end {
            let byte = bytes[index]
            feeds &+= byte == Self.lf ? 1 : 0
            returns &+= byte == Self.cr ? 1 : 0
        }
        line += feeds
        guard returns > 0 else { return }
        // A CR followed by LF was counted with its LF; a lone CR is a break of its own. The byte
        // after `end` decides for a CR at the very end of the range.
        for index in start..<end where bytes[index] == Self.cr && !(index + 1 < bytes.count && bytes[index + 1] == Self.lf) {
            line += 1
        }
    }

    /// The rest of a cell that had text after its closing quote. As in Python's reader, that text
    /// is taken literally (quotes too) up to the next separator; the raw bytes from the opening
    /// quote are kept for `text(of:)`.
    private func irregularRest(from open: Int, after: Int) -> (cell: CSVCell, next: Int) {
        var i = after
        while i < bytes.count {
            let byte = bytes[i]
            if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
            i += 1
        }
        return (CSVCell(start: open, end: i, shape: .irregular), i)
    }

    /// The raw bytes of a plain cell (for quick comparisons without making a string).
    func plainBytes(of cell: CSVCell) -> UnsafeBufferPointer<UInt8>? {
        cell.shape == .plain ? UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end]) : nil
    }

    /// The cell's text; nil when its bytes are not valid UTF-8.
    func text(of cell: CSVCell) -> String? {
        isValidUTF8(cell) ? lossyText(of: cell) : nil
    }

    /// Whether the cell's bytes are UTF-8. Nearly every cell is ASCII, which is checked eight
    /// bytes at a time without making a string; only the others go through the standard library.
    func isValidUTF8(_ cell: CSVCell) -> Bool {
        let raw = UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end])
        return Self.isASCII(raw) || String(validating: raw, as: UTF8.self) != nil
    }

    private static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= text.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < text.count {
            high |= UInt64(text[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The cell's text with invalid UTF-8 replaced by U+FFFD (for valid bytes, simply the text).
    func lossyText(of cell: CSVCell) -> String {
        if cell.isEmpty { return "" }
        switch cell.shape {
        case .plain: return String(decoding: UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end]), as: UTF8.self)
        case .escapedQuotes, .irregular: return String(decoding: unescaped(cell), as: UTF8.self)
        }
    }

    private func unescaped(_ cell: CSVCell) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(cell.end - cell.start)
        var i = cell.start
        if cell.shape == .irregular {
            // Unquoted with a stray quote: every byte is literal.
            guard bytes[i] == Self.quote else { return Array(UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end])) }
            i += 1
        }
        while i < cell.end {
            let byte = bytes[i]
            if byte == Self.quote {
                if i + 1 < cell.end && bytes[i + 1] == Self.quote {
                    out.append(Self.quote)
                    i += 2
                    continue
                }
                // The closing quote of an irregular cell: what follows is literal.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<cell.end]))
                break
            }
            out.append(byte)
            i += 1
        }
        return out
    }
}
