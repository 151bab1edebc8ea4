import PlanDiff
import PlanFormats
import PlanModel
import PlanTestSupport
import Testing

/// The relaunch fixture pair (`Fixtures/diff/make-fixtures.py`) holds one change of every kind;
/// its reports are golden files in every output format.
struct DiffFixtureTests {
    static func plan(_ name: String) throws -> Plan {
        let bytes = try Fixtures.bytes("diff/\(name).plan.json")
        return try PlanJSONReader().read(PlanInput(sourceName: name, bytes: bytes), options: .default).plan
    }

    static func report(_ current: String, match: MatchMode = .auto) throws -> DiffReport {
        PlanDiffer(DiffOptions(match: match)).diff(
            baseline: try plan("relaunch-baseline"), current: try plan(current),
            baselineName: "relaunch-baseline", currentName: current)
    }

    /// The pair with one change of every kind, and the same current plan with every identity
    /// renumbered, matched by names with every matching rule.
    static let goldenPairs: [(current: String, match: MatchMode, golden: String)] = [
        ("relaunch-current", .auto, "relaunch"), ("relaunch-renumbered", .name, "relaunch-renumbered"),
    ]

    @Test(arguments: DiffFormat.allCases, goldenPairs.indices)
    func goldenReport(_ format: DiffFormat, _ pair: Int) throws {
        let extensions: [DiffFormat: String] = [.text: "txt", .json: "json", .csv: "csv", .markdown: "md", .html: "html"]
        let (current, match, golden) = Self.goldenPairs[pair]
        let rendered = format.render(try Self.report(current, match: match))
        let outcome = Golden.compare(Array(rendered.utf8), with: "diff/\(golden).diff.\(extensions[format]!)")
        #expect(outcome == .matches, "\(outcome)")
    }

    @Test func everyChangeKindIsCovered() throws {
        let kinds = Set(try Self.report("relaunch-current").changes.map(\.kind))
        #expect(kinds == Set(ChangeKind.allCases), "missing: \(Set(ChangeKind.allCases).subtracting(kinds))")
    }

    @Test func renumberedIdentitiesMatchByNameToTheSameChanges() throws {
        let byID = try Self.report("relaunch-current")
        let byName = try Self.report("relaunch-renumbered", match: .name)
        #expect(byID.changes.map(\.kind) == byName.changes.map(\.kind))
        #expect(Set(byName.matching.byRule.keys) == Set(MatchRule.allCases).subtracting([.identity]))
        #expect(byName.matching.matched == 9)
        // Auto mode sees that the renumbered identities are unrelated... or they collide with
        // other tasks' numbers; either way the outcome equals the name matching.
        let auto = try Self.report("relaunch-renumbered", match: .auto)
        #expect(auto.changes.map(\.kind) == byName.changes.map(\.kind))
    }

    @Test func identityMatchingOnlyPairsIdentities() throws {
        let report = try Self.report("relaunch-renumbered", match: .id)
        #expect(report.matching.matched == 0)
        #expect(report.changes.filter { $0.kind == .taskAdded }.count == 10)
        #expect(report.changes.filter { $0.kind == .taskRemoved }.count == 10)
    }

    @Test func unchangedPlanHasNoDifferences() throws {
        #expect(!(try Self.report("relaunch-unchanged")).hasDifferences)
    }

    @Test func filtersByKindAndThreshold() throws {
        let options = DiffOptions(kinds: try ChangeKind.parseList("slips").get(), slipThresholdMinutes: DiffOptions.parseThreshold("3d")!)
        let report = PlanDiffer(options).diff(baseline: try Self.plan("relaunch-baseline"), current: try Self.plan("relaunch-current"))
        #expect(report.changes.isEmpty)
        #expect(DiffOptions.parseThreshold("4h") == 240)
        #expect(DiffOptions.parseThreshold("1w") == 2400)
        #expect(DiffOptions.parseThreshold("soon") == nil)
    }

    @Test func slipsCountWorkingDaysOnTheProjectCalendar() throws {
        let report = try Self.report("relaunch-current")
        let slip = try #require(report.changes.first { $0.kind == .finishSlip && $0.id == "5" }?.slip)
        #expect(slip.workingMinutes == 960)
        #expect(slip.calendarDays == 4)
        #expect(report.summary.finishSlip?.workingMinutes == 960)
    }

    @Test func calendarChangesPairHolidaysByDateAndLeaveResourceCalendarsToTheirResource() throws {
        let calendarChanges = try Self.report("relaunch-current").changes.filter {
            ChangeKind.groups.first { $0.name == "calendars" }!.kinds.contains($0.kind)
        }
        // Linus's calendar goes with Linus (a resource-removed change), so it is not listed again.
        #expect(!calendarChanges.contains { $0.name == "Linus" })
        // "Offsite" became "Offsite (half day)" with morning hours: one change, not a removal and an addition.
        let offsite = calendarChanges.filter { $0.before?.hasPrefix("2024-04-15") == true || $0.after?.hasPrefix("2024-04-15") == true }
        #expect(offsite.map(\.kind) == [.holidayChanged])
        #expect(offsite.first?.after == "2024-04-15 working 08:00-12:00")

        // Renaming a holiday changes no working time.
        var renamed = try Self.plan("relaunch-baseline")
        renamed.calendars[0].exceptions[0].name = "Founders' day"
        let report = PlanDiffer().diff(baseline: try Self.plan("relaunch-baseline"), current: renamed)
        #expect(!report.hasDifferences)
    }
}
