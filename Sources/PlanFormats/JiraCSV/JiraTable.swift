import PlanModel

/// An export cut into cells: the header, and for every data row the non-empty cells as text,
/// tagged with their column. Empty cells, which are most of a wide export, cost nothing.
struct JiraTable: Sendable {
    struct Cell: Sendable {
        var column: Int32
        var text: String
    }

    let layout: JiraHeaderLayout
    /// All rows' non-empty cells, row after row; `rowStarts[r]..<rowStarts[r + 1]` is row `r`.
    private(set) var cells: [Cell] = []
    private(set) var rowStarts: [Int] = [0]
    /// The CSV row number of each data row (the header is row 1; rows that were skipped count).
    private(set) var rowNumbers: [Int] = []

    var rowCount: Int { rowNumbers.count }

    func cells(ofRow row: Int) -> ArraySlice<Cell> { cells[rowStarts[row]..<rowStarts[row + 1]] }

    /// Tokenizes the whole input. Throws for what leaves nothing to read (an empty file, no
    /// Summary column, an unterminated quote, a header that is not UTF-8); the rest are diagnostics.
    init(bytes: UnsafeBufferPointer<UInt8>, diagnostics: inout JiraDiagnostics) throws(PlanError) {
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
        let width = headers.count
        var rowNumber = 1
        while true {
            outcome = tokenizer.nextRecord(into: &record)
            rowNumber += 1
            if outcome == .end { break }
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
                let text: String
                if let valid = tokenizer.text(of: cell) {
                    text = valid
                } else {
                    diagnostics.add(
                        .jiraInvalidUTF8, "the cell is not UTF-8 text; bad bytes read as U+FFFD", row: rowNumber,
                        column: headers[index])
                    text = tokenizer.lossyText(of: cell)
                }
                cells.append(Cell(column: Int32(index), text: text))
            }
            rowStarts.append(cells.count)
            rowNumbers.append(rowNumber)
        }
    }
}
