import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// The hand-made files under `Fixtures/json/`: good ones read and write back byte for byte, bad
/// ones fail (or warn) with the diagnostics recorded next to them.
struct PlanJSONFixtureTests {
    static let goodCases = Fixtures.cases(in: "json", suffix: ".plan.json")
    static let badCases = Fixtures.cases(in: "json/bad", suffix: ".plan.json")

    static func fileName(_ path: String) -> String { String(path.split(separator: "/").last!) }

    static func read(_ path: String, strict: Bool = false) throws -> ReadResult {
        try PlanJSONReader().read(
            PlanInput(sourceName: fileName(path), bytes: try Fixtures.bytes(path)), options: ReadOptions(strict: strict))
    }

    static func expectMatches(_ outcome: Golden.Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if case .matches = outcome { return }
        Issue.record("\(outcome)", sourceLocation: sourceLocation)
    }

    @Test func thereAreFixtures() {
        #expect(Self.goodCases.count >= 5, "\(Self.goodCases)")
        #expect(Self.badCases.count >= 10, "\(Self.badCases)")
    }

    @Test(arguments: goodCases)
    func readsCleanlyAndWritesBackByteIdentical(_ path: String) throws {
        let result = try Self.read(path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let written = try PlanJSONWriter().write(result.plan, options: .default)
        #expect(written.loss.isEmpty)
        Self.expectMatches(Golden.compare(written.bytes, with: path))
        let again = try PlanJSONReader().read(PlanInput(sourceName: "again", bytes: written.bytes), options: .default)
        #expect(again.plan == result.plan)
    }

    /// The full-model fixture is the writer's output for `PlanJSONSamples.fullModel()`, so it
    /// shows every field and every enum case, and reading it gives that plan back.
    @Test func fullModelFixtureIsTheSamplePlan() throws {
        let plan = PlanJSONSamples.fullModel()
        let bytes = try PlanJSONWriter().write(plan, options: .default).bytes
        Self.expectMatches(Golden.compare(bytes, with: "json/full-model.plan.json"))
        #expect(try Self.read("json/full-model.plan.json").plan == plan)
    }

    @Test func extremeValuesFixtureIsTheSamplePlan() throws {
        let plan = PlanJSONSamples.extremes()
        let bytes = try PlanJSONWriter().write(plan, options: .default).bytes
        Self.expectMatches(Golden.compare(bytes, with: "json/extreme-values.plan.json"))
        #expect(try Self.read("json/extreme-values.plan.json").plan == plan)
    }

    /// Renders what reading a bad file reports: the failure and everything related to it, or
    /// the warnings of a read that succeeded, one diagnostic per line.
    static func renderedDiagnostics(_ path: String) -> (text: String, error: PlanError?, diagnostics: [Diagnostic]) {
        do {
            let result = try read(path)
            return (result.diagnostics.map { $0.description + "\n" }.joined(), nil, result.diagnostics)
        } catch let error as PlanError {
            let all = [error.diagnostic] + error.related
            return (all.map { $0.description + "\n" }.joined(), error, all)
        } catch {
            return ("cannot read fixture: \(error)\n", nil, [])
        }
    }

    @Test(arguments: badCases)
    func badInputsReportTheirGoldenDiagnostics(_ path: String) {
        let rendered = Self.renderedDiagnostics(path).text
        #expect(!rendered.isEmpty)
        let golden = path.replacingOccurrences(of: ".plan.json", with: ".diagnostics.txt")
        Self.expectMatches(Golden.compare(Array(rendered.utf8), with: golden))
    }

    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var kind: PlanError.Kind?
        var code: DiagnosticCode
        var line: Int
        var column: Int
        var path: String?
        var testDescription: String { file }
    }

    /// The first diagnostic of each bad file, spelled out: which code, and where.
    static let expectations: [Expectation] = [
        Expectation(file: "syntax-missing-comma", kind: .unreadableInput, code: .jsonSyntax, line: 7, column: 7, path: "$.tasks[0].id"),
        Expectation(file: "wrong-type", kind: .unreadableInput, code: .jsonWrongType, line: 8, column: 23, path: "$.tasks[0].outlineLevel"),
        Expectation(file: "unknown-key", kind: nil, code: .jsonUnknownKey, line: 6, column: 5, path: "$.project.colour"),
        Expectation(file: "newer-version", kind: .unsupportedVersion, code: .jsonUnsupportedVersion, line: 3, column: 14, path: "$.version"),
        Expectation(file: "invalid-utf8", kind: .unreadableInput, code: .encodingInvalidUTF8, line: 5, column: 17, path: nil),
        Expectation(file: "truncated", kind: .unreadableInput, code: .jsonTruncated, line: 16, column: 33, path: "$.calendars[0].week.monday[0].from"),
        Expectation(file: "deep-nesting", kind: .unreadableInput, code: .jsonTooDeep, line: 5, column: 525, path: "$.extensions[\"x:deep\"]"),
        Expectation(file: "duplicate-key", kind: .unreadableInput, code: .jsonDuplicateKey, line: 8, column: 7, path: "$.tasks[0].name"),
        Expectation(file: "missing-keys", kind: .unreadableInput, code: .jsonMissingKey, line: 5, column: 5, path: "$.tasks[0]"),
        Expectation(file: "bad-values", kind: .unreadableInput, code: .jsonBadValue, line: 8, column: 15, path: "$.tasks[0].kind"),
        Expectation(file: "not-planbridge", kind: .unreadableInput, code: .jsonNotPlanBridge, line: 1, column: 1, path: "$"),
    ]

    @Test(arguments: expectations)
    func badInputFailsWithItsCodeAndLocation(_ expected: Expectation) throws {
        let path = "json/bad/\(expected.file).plan.json"
        let (_, error, diagnostics) = Self.renderedDiagnostics(path)
        #expect(error?.kind == expected.kind)
        let first = try #require(diagnostics.first)
        #expect(first.code == expected.code)
        #expect(first.location?.file == "\(expected.file).plan.json")
        #expect(first.location?.line == expected.line)
        #expect(first.location?.column == expected.column)
        #expect(first.location?.path == expected.path)
    }

    @Test func everyBadFixtureHasAnExpectation() {
        let named = Set(Self.expectations.map { "json/bad/\($0.file).plan.json" })
        #expect(named == Set(Self.badCases))
    }
}
