import PlanModel
import PlanSchedule
import Testing

/// Broken networks: cycles, self-links, links to one's own summary, dangling and duplicate ends.
/// None may loop or crash; each is reported with what a user needs to find it.
struct SchedulerNetworkTests {
    static let monday = CivilDateTime(year: 2024, month: 3, day: 4, hour: 8)!

    static func plan(_ tasks: [PlanTask], _ links: [(TaskID, TaskID)]) -> Plan {
        Plan(
            project: Project(start: monday), tasks: tasks,
            dependencies: links.map { Dependency(predecessor: $0.0, successor: $0.1) })
    }

    static func task(_ id: TaskID, _ name: String, parent: TaskID? = nil, kind: TaskKind = .task) -> PlanTask {
        PlanTask(id: id, name: name, parent: parent, kind: kind, duration: kind == .summary ? nil : WorkDuration(minutes: 480, unit: .days))
    }

    @Test func aCycleIsReportedWithEveryTaskOnItByIdentityAndName() throws {
        let plan = Self.plan(
            [Self.task("10", "Design"), Self.task("11", "Build"), Self.task("12", "Test"), Self.task("13", "Ship")],
            [("10", "11"), ("11", "12"), ("12", "10"), ("12", "13")])
        let result = Scheduler().schedule(plan)
        #expect(!result.isScheduled)
        #expect(result.tasks.isEmpty)
        let cycles = result.diagnostics.filter { $0.code == .scheduleDependencyCycle }
        try #require(cycles.count == 1)
        #expect(cycles[0].severity == .error)
        #expect(cycles[0].message.contains("'Design' (10) → 'Build' (11) → 'Test' (12) → 'Design' (10)"), "\(cycles[0].message)")
    }

    @Test func aTaskLinkedToItselfIsACycleOfOne() {
        let plan = Self.plan([Self.task("A", "Alone")], [("A", "A")])
        let result = Scheduler().schedule(plan)
        #expect(result.diagnostics.map(\.message).contains { $0.contains("'Alone' (A) → 'Alone' (A)") })
    }

    @Test func twoSeparateCyclesAreBothReported() {
        let plan = Self.plan(
            [Self.task("A", "a"), Self.task("B", "b"), Self.task("C", "c"), Self.task("D", "d")],
            [("A", "B"), ("B", "A"), ("C", "D"), ("D", "C")])
        let cycles = Scheduler().schedule(plan).diagnostics.filter { $0.code == .scheduleDependencyCycle }
        #expect(cycles.count == 2)
    }

    @Test func linkingATaskToItsOwnSummaryIsACycleThroughTheSummary() {
        let plan = Self.plan(
            [Self.task("S", "Phase", kind: .summary), Self.task("A", "Work", parent: "S")], [("A", "S")])
        let result = Scheduler().schedule(plan)
        let cycle = result.diagnostics.first { $0.code == .scheduleDependencyCycle }
        #expect(cycle?.message.contains("'Phase' (S)") == true && cycle?.message.contains("'Work' (A)") == true, "\(result.diagnostics)")
    }

    @Test func aLongChainIsOrderedWithoutRecursion() {
        let count = 50_000
        let tasks = (0..<count).map { PlanTask(id: TaskID("\($0)"), name: "t\($0)", duration: WorkDuration(minutes: 60, unit: .hours)) }
        let links = (1..<count).map { (TaskID("\($0 - 1)"), TaskID("\($0)")) }
        let result = Scheduler().schedule(Self.plan(tasks, links))
        #expect(result.isScheduled)
        #expect(result.criticalPaths.first?.count == count)
        // 50,000 hours at 8 hours a day, 5 days a week: 6,250 days = 1,250 weeks.
        #expect(result.longestCriticalPath?.minutes == count * 60)
    }

    @Test func aLongCycleIsFoundWithoutRecursion() {
        let count = 50_000
        let tasks = (0..<count).map { PlanTask(id: TaskID("\($0)"), name: "t\($0)", duration: .zero) }
        let links = (0..<count).map { (TaskID("\($0)"), TaskID("\(($0 + 1) % count)")) }
        let cycle = Scheduler().schedule(Self.plan(tasks, links)).diagnostics.first { $0.code == .scheduleDependencyCycle }
        #expect(cycle?.message.contains("'t49999' (49999) → 't0' (0)") == true)
    }

    @Test func danglingLinkEndsAreReportedAndIgnored() throws {
        var plan = Self.plan([Self.task("A", "a"), Self.task("B", "b")], [("A", "B"), ("A", "ghost"), ("nobody", "B")])
        plan.tasks.append(PlanTask(id: "A", name: "duplicate"))
        let result = Scheduler().schedule(plan)
        #expect(result.isScheduled)
        #expect(result.diagnostics.filter { $0.code == .scheduleDanglingLink }.count == 2)
        #expect(result.diagnostics.contains { $0.code == .scheduleDuplicateTask })
        let b = try #require(result.tasks["B"])
        #expect(b.earlyStart == CivilDateTime(year: 2024, month: 3, day: 5, hour: 8)!)
    }

    @Test func inactiveTasksAndTheirLinksAreLeftOut() throws {
        var inactive = Self.task("B", "switched off")
        inactive.isActive = false
        let plan = Self.plan([Self.task("A", "a"), inactive, Self.task("C", "c")], [("A", "B"), ("B", "C")])
        let result = Scheduler().schedule(plan)
        #expect(result.tasks["B"] == nil)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(try #require(result.tasks["C"]).earlyStart == Self.monday)
    }

    @Test func aPlanWithoutAnyDateNeedsAFromDate() throws {
        var plan = Self.plan([Self.task("A", "a")], [])
        plan.project.start = nil
        #expect(Scheduler().schedule(plan).diagnostics.map(\.code) == [.scheduleNoAnchorDate])
        let tuesday = CivilDateTime(year: 2024, month: 3, day: 5, hour: 8)!
        let result = Scheduler(ScheduleOptions(fromDate: tuesday)).schedule(plan)
        #expect(try #require(result.tasks["A"]).finish == CivilDateTime(year: 2024, month: 3, day: 5, hour: 17)!)
    }

    @Test func aTaskWithoutDurationIsOneEstimatedDay() throws {
        let plan = Self.plan([PlanTask(id: "A", name: "no estimate")], [])
        let result = Scheduler().schedule(plan)
        #expect(result.diagnostics.map(\.code) == [.scheduleMissingDuration])
        #expect(try #require(result.tasks["A"]).finish == CivilDateTime(year: 2024, month: 3, day: 4, hour: 17)!)
    }

    @Test func applyWritesDatesAndRollsUpSummaries() throws {
        let plan = Self.plan(
            [Self.task("S", "Phase", kind: .summary), Self.task("A", "a", parent: "S"), Self.task("B", "b", parent: "S")],
            [("A", "B")])
        let applied = Scheduler().schedule(plan).apply(to: plan)
        let summary = try #require(applied.task("S"))
        #expect(summary.start == Self.monday)
        #expect(summary.finish == CivilDateTime(year: 2024, month: 3, day: 5, hour: 17)!)
        #expect(summary.duration?.minutes == 960)
        #expect(applied.task("B")?.start == CivilDateTime(year: 2024, month: 3, day: 5, hour: 8)!)
        #expect(applied.project.finish == summary.finish)
        #expect(applied.task("A")?.duration == plan.task("A")?.duration)
    }
}
