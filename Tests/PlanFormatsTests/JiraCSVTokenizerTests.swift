import Testing

@testable import PlanFormats

/// The byte-level tokenizer: RFC 4180 quoting, line ends, the byte-order mark, and the irregular
/// cells it reads the way Python's `csv` module does.
struct JiraCSVTokenizerTests {
    static func records(_ text: String) -> (rows: [[String]], outcome: CSVTokenizer.Outcome) {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var tokenizer = CSVTokenizer(UnsafeBufferPointer(buffer))
            var cells: [CSVCell] = []
            var rows: [[String]] = []
            while true {
                let outcome = tokenizer.nextRecord(into: &cells)
                guard outcome == .record else { return (rows, outcome) }
                rows.append(cells.map { tokenizer.text(of: $0)! })
            }
        }
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() {
        let (rows, outcome) = Self.records("a,\"b,c\",\"say \"\"hi\"\"\",\"line1\nline2\r\nline3\"\nx,y,z,w\n")
        #expect(outcome == .end)
        #expect(rows == [["a", "b,c", "say \"hi\"", "line1\nline2\r\nline3"], ["x", "y", "z", "w"]])
    }

    @Test func crlfAndLoneCRRowsAndNoFinalNewline() {
        #expect(Self.records("a,b\r\nc,d\re,f").rows == [["a", "b"], ["c", "d"], ["e", "f"]])
    }

    @Test func emptyCellsAtBothEndsAndATrailingComma() {
        #expect(Self.records(",a,\n,,\nb,").rows == [["", "a", ""], ["", "", ""], ["b", ""]])
    }

    @Test func byteOrderMarkIsSkipped() {
        #expect(Self.records("\u{FEFF}Summary,Issue key\n").rows == [["Summary", "Issue key"]])
    }

    @Test func unterminatedQuoteSaysWhichCell() {
        let (rows, outcome) = Self.records("a,b\nc,\"open\nnever closed")
        #expect(rows == [["a", "b"]])
        #expect(outcome == .unterminatedQuote(cellIndex: 1))
    }

    /// Python: `list(csv.reader(['say "hi" now,"quoted"then more']))` gives
    /// `[['say "hi" now', 'quotedthen more']]`.
    @Test func irregularCellsReadAsPythonReadsThem() {
        #expect(Self.records("say \"hi\" now,\"quoted\"then more\n").rows == [["say \"hi\" now", "quotedthen more"]])
        #expect(Self.records("\"a\"\"b\"c\"d,e\n").rows == [["a\"bc\"d", "e"]])
    }

    @Test func listsRoundTripThroughOneCSVRecord() {
        for list in [["a"], ["a", "b"], ["Sprint 7: 6/4, 6/18", "x\"y", "two\nlines"], ["", "b"]] {
            #expect(JiraList.decode(JiraList.encode(list)) == list)
        }
        #expect(JiraList.encode(["team#EN", "Sprint 1, part 2"]) == "team#EN,\"Sprint 1, part 2\"")
        #expect(JiraList.decode("not\na list") == ["not\na list"])
    }
}
