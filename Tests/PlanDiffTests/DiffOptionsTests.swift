import PlanDiff
import PlanModel
import Testing

struct DiffOptionsTests {
    static let base = Plan(tasks: [PlanTask(id: "1", name: "Build", work: WorkDuration(minutes: 960, unit: .hours), deadline: nil)])

    @Test func absentValuesCountOnlyWithinOneFormat() {
        var other = Self.base
        other.tasks[0].work = nil
        other.tasks[0].deadline = CivilDateTime(year: 2024, month: 3, day: 8, hour: 17)
        let same = PlanDiffer(DiffOptions(comparesCriticalPath: false)).diff(baseline: Self.base, current: other)
        #expect(same.changes.map(\.kind) == [.work, .deadline])
        let across = PlanDiffer(DiffOptions(comparesCriticalPath: false, comparesAbsentValues: false)).diff(baseline: Self.base, current: other)
        #expect(!across.hasDifferences)
    }

    @Test func colourOnlyWhenAsked() {
        var other = Self.base
        other.tasks[0].name = "Build it"
        let report = PlanDiffer(DiffOptions(comparesCriticalPath: false)).diff(baseline: Self.base, current: other)
        #expect(TextRenderer(usesColour: true).render(report).contains("\u{1B}[1m"))
        #expect(!TextRenderer().render(report).contains("\u{1B}"))
    }

    @Test func onlyAcceptsKindsAndGroups() throws {
        #expect(try ChangeKind.parseList("slips, notes").get() == [.startSlip, .finishSlip, .milestoneDate, .notes])
        #expect(throws: ChangeKind.UnknownKind.self) { try ChangeKind.parseList("slip").get() }
    }
}
