/// How a list of values (a Jira header repeated once per value: `Labels`, `Sprint`, links) is
/// kept in one text value of the model: as one CSV record, so that `team#EN,"Sprint 7: 6/4, 6/18"`
/// reads naturally in any tool and splits back exactly.
enum JiraList {
    static func encode(_ values: some Sequence<String>) -> String {
        var out: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            CSVText.append(value, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [String] {
        withCells(of: text) { tokenizer, cells in cells.map { tokenizer.lossyText(of: $0) } } ?? (text.isEmpty ? [] : [text])
    }

    /// `decode(text).count`, without making the values.
    static func count(_ text: String) -> Int {
        withCells(of: text) { _, cells in cells.count } ?? (text.isEmpty ? 0 : 1)
    }

    /// The cells of the list, or nil when the text is empty or not a list this encoder made (a
    /// line break outside quotes): then the text is one value.
    private static func withCells<T>(of text: String, _ body: (CSVTokenizer, [CSVCell]) -> T) -> T? {
        guard !text.isEmpty else { return nil }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var tokenizer = CSVTokenizer(UnsafeBufferPointer(buffer))
            var cells: [CSVCell] = []
            guard tokenizer.nextRecord(into: &cells) == .record, tokenizer.isAtEnd,
                !cells.contains(where: { $0.shape == .irregular })
            else { return nil }
            return body(tokenizer, cells)
        }
    }
}

/// RFC 4180 quoting, minimal as Jira's own exports: only cells holding `,` `"` CR or LF are quoted.
enum CSVText {
    static func quotedIfNeeded(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func needsQuotes(_ value: String) -> Bool {
        // Over the contiguous bytes: the generic `utf8.contains` walks the string index by index.
        value.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        } ?? value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Appends the cell to `out`, quoted when needed.
    static func append(_ value: String, to out: inout [UInt8]) {
        guard needsQuotes(value) else {
            out.append(contentsOf: value.utf8)
            return
        }
        out.append(0x22)
        for byte in value.utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }
}
