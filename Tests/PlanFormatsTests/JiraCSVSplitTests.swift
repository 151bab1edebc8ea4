import Foundation
import PlanModel
import Testing

@testable import PlanFormats

/// A large export is tokenized in two halves on two cores. Whatever the file holds where it is
/// cut, the result must be what one tokenizer reading it front to back gives.
struct JiraCSVSplitTests {
    /// `rows` issues with multi-line quoted descriptions (and quotes in them), well over the size
    /// at which the reader cuts the file; `extra` is spliced in as row `at` (1-based data row).
    static func export(rows: Int, extra: (at: Int, line: String)? = nil) -> [UInt8] {
        var text = "Summary,Issue key,Issue id,Description,Parent id,Outward issue link (Blocks)\n"
        for row in 1...rows {
            if let extra, extra.at == row { text += extra.line + "\n" }
            let description = row % 3 == 0 ? "\"line one, with a comma\nline \"\"two\"\"\n\"" : "plain \(row)"
            text += "Issue \(row),K-\(row),\(10_000 + row),\(description),\(row > 1 ? String(10_000 + row / 2) : ""),\(row < rows ? "K-\(row + 1)" : "")\n"
        }
        return Array(text.utf8)
    }

    static func read(_ bytes: [UInt8]) throws -> ReadResult {
        try JiraCSVReader().read(PlanInput(sourceName: "big.csv", bytes: bytes), options: .default)
    }

    @Test func halvesJoinToTheSameRowsAsOneTokenizer() throws {
        let bytes = Self.export(rows: 20_000)
        #expect(bytes.count > JiraTable.splitSize)
        let result = try Self.read(bytes)
        #expect(result.plan.tasks.count == 20_000)
        #expect(result.plan.dependencies.count == 19_999)
        let byKey = Dictionary(uniqueKeysWithValues: result.plan.tasks.map { ($0.id.rawValue, $0) })
        // Rows on both sides of the cut kept their own cells, line breaks in quotes included.
        for row in [1, 9_999, 10_000, 10_001, 15_000, 20_000] {
            let task = try #require(byKey["K-\(row)"])
            #expect(task.name == "Issue \(row)")
            #expect(task.notes == (row % 3 == 0 ? "line one, with a comma\nline \"two\"\n" : "plain \(row)"))
        }
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aFindingInTheSecondHalfNamesItsRealRow() throws {
        // A short row in the second half: the second core reports nothing, the first goes on.
        let result = try Self.read(Self.export(rows: 20_000, extra: (at: 16_000, line: "Short row,K-X")))
        let short = try #require(result.diagnostics.first { $0.code == .jiraRowTooShort })
        // Data row 16,000 is CSV row 16,001 (the header is row 1), and the short row comes before it.
        #expect(short.location?.row == 16_001)
        #expect(result.plan.tasks.count == 20_001)
    }

    @Test func aStrayQuoteBeforeTheCutStillGivesTheRightRows() throws {
        // An odd quote in the first half makes the quote count lie about where records end.
        let result = try Self.read(Self.export(rows: 20_000, extra: (at: 5, line: "Odd \" quote,K-Q,1,,,")))
        #expect(result.plan.tasks.count == 20_001)
        #expect(result.diagnostics.map(\.code) == [.jiraStrayQuote])
        let byKey = Dictionary(uniqueKeysWithValues: result.plan.tasks.map { ($0.id.rawValue, $0) })
        #expect(byKey["K-15000"]?.name == "Issue 15000")
        #expect(byKey["K-15000"]?.notes == "line one, with a comma\nline \"two\"\n")
    }
}
