import PlanModel

/// Jira-style CSV: what Jira Cloud and Server/Data Center export from the issue navigator, and
/// what Jira's CSV importer takes.
public enum JiraCSVFormat {
    public static let descriptor = FormatDescriptor(
        id: "jira-csv",
        aliases: ["jira", "csv"],
        displayName: "Jira CSV",
        extensions: ["csv"],
        mediaTypes: ["text/csv"],
        sniff: sniff,
        reader: JiraCSVReader(),
        writer: JiraCSVWriter()
    )

    /// Certain when the header row names a Summary and an issue key or id (in any known language);
    /// possible for any CSV header with a Summary column.
    static func sniff(_ prefix: SniffPrefix) -> SniffConfidence {
        guard prefix.byteOrderMark == nil || prefix.byteOrderMark == .utf8 else { return .no }
        let headers = headerCells(prefix.text)
        guard headers.count >= 2 else { return .no }
        let fields = Set(headers.compactMap { JiraVocabulary.shared.headers[$0.trimmingSpaces.lowercased()] })
        guard fields.contains(.summary) else { return .no }
        return fields.contains(.issueKey) || fields.contains(.issueID) ? .certain : .possible
    }

    /// The cells of the first record, as far as the prefix holds it.
    private static func headerCells(_ text: Substring) -> [String] {
        var bytes = Array(text.utf8.prefix(SniffPrefix.length))
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var tokenizer = CSVTokenizer(UnsafeBufferPointer(buffer))
            var cells: [CSVCell] = []
            // A long header may be cut off by the prefix; the cells before the cut still count.
            guard tokenizer.nextRecord(into: &cells) != .end else { return [] }
            return cells.map { tokenizer.lossyText(of: $0) }
        }
    }
}
