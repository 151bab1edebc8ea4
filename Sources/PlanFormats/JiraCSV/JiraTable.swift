import Foundation
import PlanModel

/// An export cut into cells: the header, and for every data row where its non-empty cells lie,
/// tagged with their column. Empty cells, which are most of a wide export, cost nothing, and no
/// text is made until the mapping asks for it (on all cores, and only once per cell).
///
/// The table points into the caller's bytes: it is used only while they are alive (inside the
/// reader's `withUnsafeBytes`).
struct JiraTable: @unchecked Sendable {
    /// Where a non-empty cell lies; no reference, so rows are copied and dropped without
    /// reference counting. Bad UTF-8 is reported when tokenizing and read as U+FFFD.
    struct Cell: Sendable {
        var start: Int
        var end: Int
        var column: Int32
        var shape: CSVCell.Shape
    }

    /// Data rows as tokenized, from some record on.
    struct Rows: Sendable {
        /// All rows' non-empty cells, row after row; `starts[r]..<starts[r + 1]` is row `r`.
        var cells: [Cell] = []
        var starts: [Int] = [0]
        /// The CSV row number of each data row (the header is row 1; rows that were skipped count).
        var numbers: [Int] = []
        /// The last CSV row number read, skipped rows and blank lines included.
        var lastNumber: Int

        init(after number: Int) { lastNumber = number }

        /// Takes over rows that were read from where these end, with numbers counted from 0.
        mutating func append(_ later: Rows) {
            let offset = cells.count
            cells.append(contentsOf: later.cells)
            starts.append(contentsOf: later.starts.dropFirst().lazy.map { $0 + offset })
            let before = lastNumber
            numbers.append(contentsOf: later.numbers.lazy.map { $0 + before })
            lastNumber += later.lastNumber
        }
    }

    let layout: JiraHeaderLayout
    private let rows: Rows
    let source: Source

    var rowCount: Int { rows.numbers.count }
    var rowNumbers: [Int] { rows.numbers }

    func cells(ofRow row: Int) -> ArraySlice<Cell> { rows.cells[range(ofRow: row)] }
    func range(ofRow row: Int) -> Range<Int> { rows.starts[row]..<rows.starts[row + 1] }
    func withCells<R>(_ body: (UnsafeBufferPointer<Cell>) -> R) -> R { rows.cells.withUnsafeBufferPointer(body) }

    func text(_ cell: Cell) -> String { source.text(cell) }

    /// What makes text of cells: only the input's address, so that a mapper on another core can
    /// hold it without sharing the table's reference counts.
    struct Source: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>

        /// The cell's text, quotes undone (bad UTF-8, reported when tokenizing, as U+FFFD).
        func text(_ cell: Cell) -> String {
            CSVTokenizer(bytes, at: 0).lossyText(of: CSVCell(start: cell.start, end: cell.end, shape: cell.shape))
        }

        /// The cell's bytes where they are its text (no quotes to undo).
        func plainBytes(_ cell: Cell) -> UnsafeBufferPointer<UInt8>? {
            CSVTokenizer(bytes, at: 0).plainBytes(of: CSVCell(start: cell.start, end: cell.end, shape: cell.shape))
        }
    }

    /// Below this many bytes after the header, one core tokenizes the whole export.
    static let splitSize = 1 << 20

    /// Tokenizes the whole input. Throws for what leaves nothing to read (an empty file, no
    /// Summary column, an unterminated quote, a header that is not UTF-8); the rest are diagnostics.
    init(bytes: UnsafeBufferPointer<UInt8>, diagnostics: inout JiraDiagnostics) throws(PlanError) {
        source = Source(bytes: bytes)
        let file = diagnostics.sourceName
        var tokenizer = CSVTokenizer(bytes)
        var record: [CSVCell] = []
        // Blank lines before the header are skipped; a file of nothing else is empty.
        var outcome = tokenizer.nextRecord(into: &record)
        while outcome == .record && record.count == 1 && record[0].isEmpty { outcome = tokenizer.nextRecord(into: &record) }
        switch outcome {
        case .end:
            throw PlanError(.unreadableInput, Diagnostic(.jiraEmptyFile, "the file is empty: no header row", at: SourceLocation(file: file)))
        case .unterminatedQuote:
            throw PlanError(.unreadableInput, Diagnostic(
                .jiraUnterminatedQuote, "a quoted header cell is never closed", at: SourceLocation(file: file, row: 1)))
        case .record: break
        }
        var headers: [String] = []
        for (index, cell) in record.enumerated() {
            guard let text = tokenizer.text(of: cell) else {
                throw PlanError(.unreadableInput, Diagnostic(
                    .jiraInvalidUTF8, "header cell \(index + 1) is not UTF-8 text; save the export as UTF-8",
                    at: SourceLocation(file: file, row: 1)))
            }
            headers.append(text)
        }
        layout = JiraHeaderLayout(headers: headers)
        guard layout.groupOfField[.summary] != nil else {
            throw PlanError(.unreadableInput, Diagnostic(
                .jiraNoSummaryColumn,
                "no Summary column (headers: \(headers.prefix(8).joined(separator: ", "))\(headers.count > 8 ? ", …" : "")); a Jira export always has one",
                at: SourceLocation(file: file, row: 1)))
        }
        rows = try Self.dataRows(bytes, tokenizer: tokenizer, headers: headers, diagnostics: &diagnostics)
    }

    /// The data rows. A large export is cut in two where a record probably ends, and the second
    /// half is tokenized on another core. The first half's tokenizer is the judge: only if it ends
    /// exactly at the cut, and the second half found nothing to report, are the halves joined;
    /// otherwise the first tokenizer simply goes on, and the result is the same either way.
    private static func dataRows(
        _ bytes: UnsafeBufferPointer<UInt8>, tokenizer: CSVTokenizer, headers: [String], diagnostics: inout JiraDiagnostics
    ) throws(PlanError) -> Rows {
        var tokenizer = tokenizer
        var rows = Rows(after: 1)
        if bytes.count - tokenizer.position >= splitSize, let cut = probableRecordStart(bytes, after: tokenizer.position) {
            nonisolated(unsafe) let shared = bytes
            let sourceName = diagnostics.sourceName
            let second = Pending<Rows?> {
                var later = CSVTokenizer(shared, at: cut)
                var found = JiraDiagnostics(sourceName: sourceName)
                var rows = Rows(after: 0)
                do throws(PlanError) {
                    try read(&later, headers: headers, into: &rows, until: nil, diagnostics: &found)
                } catch {
                    return nil
                }
                return found.isEmpty ? rows : nil
            }
            // The second half is joined to the first without growing it.
            rows.cells.reserveCapacity((bytes.count - tokenizer.position) / 12)
            do throws(PlanError) {
                try read(&tokenizer, headers: headers, into: &rows, until: cut, diagnostics: &diagnostics)
            } catch {
                // The other core reads the caller's bytes: it must be done before they may go.
                _ = second.value
                throw error
            }
            if let later = second.value, tokenizer.position == cut {
                rows.append(later)
                return rows
            }
        }
        try read(&tokenizer, headers: headers, into: &rows, until: nil, diagnostics: &diagnostics)
        return rows
    }

    /// The start of the first line after the middle of the data that is outside quotes, counting
    /// quotes from `start`; nil when there is none. A stray quote can make this wrong, which the
    /// caller finds out.
    private static func probableRecordStart(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int? {
        let middle = start + (bytes.count - start) / 2
        // Quotes are few (descriptions, comments): hop from one to the next.
        var quotes = 0
        var index = start
        while index < middle, let found = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "\"")), middle - index) {
            quotes += 1
            index = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        var inside = quotes % 2 == 1
        index = middle
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                inside.toggle()
            } else if byte == UInt8(ascii: "\n") && !inside {
                return index + 1 < bytes.count ? index + 1 : nil
            }
            index += 1
        }
        return nil
    }

    /// Reads records into `rows` until the input ends or, with `until`, a record would begin at or
    /// after that offset.
    private static func read(
        _ tokenizer: inout CSVTokenizer, headers: [String], into rows: inout Rows, until limit: Int?,
        diagnostics: inout JiraDiagnostics
    ) throws(PlanError) {
        let file = diagnostics.sourceName
        let width = headers.count
        var record: [CSVCell] = []
        record.reserveCapacity(width)
        // Room for one non-empty cell in every 12 bytes, more than exports have: growing the
        // array would copy it, in fresh memory, and room never used is never touched.
        rows.cells.reserveCapacity(((limit ?? tokenizer.byteCount) - tokenizer.position) / 12)
        while limit.map({ tokenizer.position < $0 }) ?? true {
            let outcome = tokenizer.nextRecord(into: &record)
            if outcome == .end { break }
            rows.lastNumber += 1
            let rowNumber = rows.lastNumber
            if case .unterminatedQuote(let index) = outcome {
                throw PlanError(.unreadableInput, Diagnostic(
                    .jiraUnterminatedQuote,
                    "a quoted cell starting on line \(tokenizer.recordLine) is never closed; the rest of the file would be one cell",
                    at: SourceLocation(file: file, row: rowNumber, field: index < width ? headers[index] : nil)))
            }
            // A blank line (often the last one) is no issue.
            if record.count == 1 && record[0].isEmpty { continue }
            if record.count > width {
                diagnostics.add(
                    .jiraRowTooLong,
                    "row has \(record.count) cells but the header has \(width); skipped, because its columns cannot be matched to the header (an unquoted comma?)",
                    row: rowNumber)
                continue
            }
            if record.count < width {
                diagnostics.add(
                    .jiraRowTooShort,
                    "row has \(record.count) cells but the header has \(width); the missing cells from column '\(headers[record.count])' on are read as empty",
                    row: rowNumber, column: headers[record.count])
            }
            for (index, cell) in record.enumerated() where !cell.isEmpty {
                if cell.shape == .irregular {
                    diagnostics.add(
                        .jiraStrayQuote, "a quote in the middle of a cell; read literally", row: rowNumber,
                        column: headers[index])
                }
                if !tokenizer.isValidUTF8(cell) {
                    diagnostics.add(
                        .jiraInvalidUTF8, "the cell is not UTF-8 text; bad bytes read as U+FFFD", row: rowNumber,
                        column: headers[index])
                }
                rows.cells.append(Cell(start: cell.start, end: cell.end, column: Int32(index), shape: cell.shape))
            }
            rows.starts.append(rows.cells.count)
            rows.numbers.append(rowNumber)
        }
    }
}
