import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// Broken and hostile inputs: each gives its stable code, with the row and the column as the file
/// heads it, and never a crash or a silently shifted column. `Fixtures/jira-csv/bad/<case>.csv`
/// has its rendered findings in `<case>.diagnostics.txt`.
struct JiraCSVHostileTests {
    static let cases = Fixtures.cases(in: "jira-csv/bad", suffix: ".csv")

    @Test func thereAreBadFixtures() { #expect(Self.cases.count >= 10) }

    /// The failure and what came with it, or the findings of a read that succeeded.
    static func rendered(_ path: String) -> String {
        do {
            let result = try JiraCSVTesting.readFixture(path)
            return (["read \(result.plan.tasks.count) issues"] + result.diagnostics.map(\.description)).joined(separator: "\n") + "\n"
        } catch let error as PlanError {
            return (["failed (\(error.kind.rawValue))", error.diagnostic.description] + error.related.map(\.description))
                .joined(separator: "\n") + "\n"
        } catch {
            return "unexpected error \(error)\n"
        }
    }

    @Test(arguments: cases)
    func findingsMatchTheirGolden(_ path: String) {
        JiraCSVTesting.expectMatches(Golden.compare(Array(Self.rendered(path).utf8), with: path.replacingOccurrences(of: ".csv", with: ".diagnostics.txt")))
    }

    static func failure(_ path: String) throws -> PlanError {
        do {
            _ = try JiraCSVTesting.readFixture(path)
        } catch let error as PlanError {
            return error
        }
        throw ReadSucceeded()
    }

    struct ReadSucceeded: Error {}

    @Test func emptyInputsAreRefused() throws {
        for path in ["jira-csv/bad/empty.csv", "jira-csv/bad/bom-and-blank-lines.csv"] {
            let error = try Self.failure(path)
            #expect(error.kind == .unreadableInput)
            #expect(error.diagnostic.code == .jiraEmptyFile)
        }
    }

    @Test func noSummaryColumnIsRefused() throws {
        let error = try Self.failure("jira-csv/bad/no-summary-column.csv")
        #expect(error.diagnostic.code == .jiraNoSummaryColumn)
        #expect(error.diagnostic.location?.row == 1)
        #expect(error.diagnostic.message.contains("Name, Start, Finish"))
    }

    @Test func unterminatedQuoteNamesRowAndColumn() throws {
        let error = try Self.failure("jira-csv/bad/unterminated-quote.csv")
        #expect(error.diagnostic.code == .jiraUnterminatedQuote)
        #expect(error.diagnostic.location?.row == 3)
        #expect(error.diagnostic.location?.field == "Description")
        #expect(try Self.failure("jira-csv/bad/unterminated-quote-header.csv").diagnostic.location?.row == 1)
    }

    @Test func raggedRowsAreSkippedOrPaddedNeverShifted() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/bad/ragged-rows.csv")
        #expect(result.plan.tasks.map(\.id.rawValue) == ["BAD-2", "BAD-3"])
        let long = try #require(result.diagnostics.first { $0.code == .jiraRowTooLong })
        #expect(long.severity == .error && long.location?.row == 2)
        let short = try #require(result.diagnostics.first { $0.code == .jiraRowTooShort })
        #expect(short.location?.row == 3 && short.location?.field == "Status")
        #expect(result.plan.task("BAD-3")?.customFields["Labels[]"] == .text("c"))
        #expect(result.plan.task("BAD-3")?.status == "Done")
    }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/bad/invalid-utf8.csv")
        let finding = try #require(result.diagnostics.first)
        #expect(finding.code == .jiraInvalidUTF8)
        #expect(finding.location?.row == 2 && finding.location?.field == "Description")
        #expect(result.plan.tasks[0].notes == "caf\u{FFFD} and \u{FFFD}")
        #expect(result.plan.tasks[1].notes == "ok")
        #expect(try Self.failure("jira-csv/bad/invalid-utf8-header.csv").diagnostic.code == .jiraInvalidUTF8)
    }

    @Test func strictModeTurnsTheFirstWarningIntoTheError() throws {
        var options = ReadOptions()
        options.strict = true
        #expect(throws: PlanError.self) { try JiraCSVTesting.readFixture("jira-csv/bad/stray-quote.csv", options: options) }
        #expect(try JiraCSVTesting.readFixture("jira-csv/hierarchy-cloud.csv").diagnostics.count == 1)
    }

    @Test func parentCyclesAreCut() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/bad/parent-cycle.csv")
        #expect(result.diagnostics.contains { $0.code == .jiraParentCycle })
        #expect(result.plan.tasks.count == 4)
        #expect(result.plan.tasks.filter { $0.parent == nil }.count == 2)
    }

    @Test func tooManyFindingsAreCounted() throws {
        var text = "Summary,Issue key,Original estimate\n"
        for i in 0..<1_500 { text += "T\(i),K-\(i),x\n" }
        let result = try JiraCSVTesting.read(text)
        #expect(result.plan.tasks.count == 1_500)
        #expect(result.diagnostics.count == 1_001)
        #expect(result.diagnostics.last?.code == .jiraTooManyDiagnostics)
        #expect(result.diagnostics.last?.message.hasPrefix("500 more") == true)
    }

    /// Seeded mutations of a real-looking file (bytes dropped, duplicated, replaced with quotes,
    /// commas, line breaks and invalid UTF-8) never crash; they read or fail with a Jira code.
    @Test func mutatedFilesNeverCrash() throws {
        let original = try Fixtures.bytes("jira-csv/people-and-fields.csv")
        var random = SplitMix64(seed: 4)
        let noise: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0xFF, 0xC3, 0x3B]
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int(random.next() % 6 + 1) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(noise[Int(random.next() % UInt64(noise.count))], at: at)
                default: bytes[at] = noise[Int(random.next() % UInt64(noise.count))]
                }
            }
            do {
                let result = try JiraCSVTesting.read(bytes: bytes)
                #expect(result.diagnostics.allSatisfy { $0.code.rawValue.hasPrefix("jira.") })
            } catch let error as PlanError {
                #expect(error.diagnostic.code.rawValue.hasPrefix("jira."))
            }
        }
    }
}
