import Foundation
import PlanFormats
import PlanModel
import PlanSchedule
import PlanTestSupport
import Testing

/// Every `Fixtures/schedule/<case>.plan.json` scheduled and compared with `<case>.expected.txt`,
/// a table worked out by hand (see `Fixtures/schedule/README.md` for each case's arithmetic).
/// A case may set the options in its project's extensions: `schedule:fromDate` and
/// `schedule:statusDate`.
struct ScheduleFixtureTests {
    static let cases = Fixtures.cases(in: "schedule", suffix: ".plan.json")

    static func load(_ path: String) throws -> Plan {
        try PlanJSONReader().read(PlanInput(sourceName: path, bytes: try Fixtures.bytes(path)), options: .default).plan
    }

    static func options(for plan: Plan) -> ScheduleOptions {
        ScheduleOptions(
            fromDate: plan.project.extensions["schedule:fromDate"].flatMap { CivilDateTime(iso: $0) },
            statusDate: plan.project.extensions["schedule:statusDate"].flatMap { CivilDateTime(iso: $0) })
    }

    @Test(arguments: cases)
    func fixtureMatchesTheHandComputedTable(_ path: String) throws {
        let plan = try Self.load(path)
        let result = Scheduler(Self.options(for: plan)).schedule(plan)
        let expectedPath = path.replacingOccurrences(of: ".plan.json", with: ".expected.txt")
        let expected = String(decoding: try Fixtures.bytes(expectedPath), as: UTF8.self)
        let actual = ScheduleTable.render(result, plan: plan)
        #expect(actual == expected, "\(path)\n--- expected\n\(expected)--- actual\n\(actual)")
    }

    @Test func everyFixtureHasAnExpectedTable() {
        #expect(Self.cases.count >= 12, "only \(Self.cases.count) schedule fixtures found")
        for path in Self.cases {
            let expected = Fixtures.url(path.replacingOccurrences(of: ".plan.json", with: ".expected.txt"))
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(path) has no expected table")
        }
    }
}
