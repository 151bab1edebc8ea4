import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// Shared helpers of the Jira CSV tests.
enum JiraCSVTesting {
    static func read(_ text: String, options: ReadOptions = .default) throws -> ReadResult {
        try JiraCSVReader().read(PlanInput(sourceName: "test.csv", text: text), options: options)
    }

    static func read(bytes: [UInt8], options: ReadOptions = .default) throws -> ReadResult {
        try JiraCSVReader().read(PlanInput(sourceName: "test.csv", bytes: bytes), options: options)
    }

    static func readFixture(_ path: String, options: ReadOptions = .default) throws -> ReadResult {
        let name = String(path.split(separator: "/").last!)
        return try JiraCSVReader().read(PlanInput(sourceName: name, bytes: try Fixtures.bytes(path)), options: options)
    }

    static func write(_ plan: Plan, options: WriteOptions = .default) throws -> WriteResult {
        try JiraCSVWriter().write(plan, options: options)
    }

    /// Rows of a CSV made by the writer, by Python-free splitting through our own tokenizer.
    static func rows(_ bytes: [UInt8]) -> [[String]] {
        var copy = bytes
        return copy.withUnsafeMutableBufferPointer { buffer in
            var tokenizer = CSVTokenizer(UnsafeBufferPointer(buffer))
            var cells: [CSVCell] = []
            var rows: [[String]] = []
            while tokenizer.nextRecord(into: &cells) == .record { rows.append(cells.map { tokenizer.lossyText(of: $0) }) }
            return rows
        }
    }

    static func expectMatches(_ outcome: Golden.Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if case .matches = outcome { return }
        Issue.record("\(outcome)", sourceLocation: sourceLocation)
    }

    static func date(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> CivilDateTime {
        CivilDateTime(year: y, month: m, day: d, hour: h, minute: min)!
    }
}
