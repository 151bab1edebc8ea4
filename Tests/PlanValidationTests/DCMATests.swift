import PlanFormats
import PlanModel
import PlanTestSupport
import PlanValidation
import Testing

/// The DCMA checks on the clean fixture, and on the changes that make each of them fail.
struct DCMATests {
    static func clean() throws -> Plan { try ValidationFixtureTests.plan("validate/clean.plan.json") }

    static func check(_ name: String, _ plan: Plan) -> DCMACheck {
        Validator(only: ["dcma." + name]).validate(plan, source: "t").dcma.first!
    }

    static func index(_ plan: Plan, _ id: String) -> Int { plan.tasks.firstIndex { $0.id.rawValue == id }! }

    @Test func theCleanPlanPassesTheNetworkChecks() throws {
        let plan = try Self.clean()
        for name in ["missing-logic", "leads", "lags", "relationship-types", "hard-constraints", "high-float", "negative-float", "high-duration", "critical-path-test"] {
            #expect(Self.check(name, plan).outcome == .pass, "\(name): \(Self.check(name, plan))")
        }
    }

    @Test func withoutAStatusDateOrBaselineTheProgressChecksAreNotApplicable() throws {
        var plan = try Self.clean()
        plan.project.statusDate = nil
        for name in ["invalid-dates", "missed-tasks", "cpli", "bei"] {
            guard case .notApplicable = Self.check(name, plan).outcome else {
                Issue.record("\(name) should be n/a: \(Self.check(name, plan))")
                continue
            }
        }
    }

    @Test func aKickOffWithoutActualsIsAnInvalidDate() throws {
        var plan = try Self.clean()
        #expect(Self.check("invalid-dates", plan).offending == ["2"])
        plan.tasks[Self.index(plan, "2")].actualStart = plan.tasks[Self.index(plan, "2")].start
        plan.tasks[Self.index(plan, "2")].actualFinish = plan.tasks[Self.index(plan, "2")].start
        #expect(Self.check("invalid-dates", plan).outcome == .pass)
    }

    @Test func leadsLagsAndTypesAreCountedOverLinks() throws {
        var plan = try Self.clean()
        plan.dependencies[1].lag = .time(WorkDuration(minutes: -480, unit: .days))
        plan.dependencies[2].type = .startToStart
        #expect(Self.check("leads", plan).count == DCMACheck.Tally(failing: 1, of: 3))
        #expect(Self.check("leads", plan).outcome == .fail)
        #expect(Self.check("relationship-types", plan).outcome == .fail)
        plan.dependencies[1].lag = .time(WorkDuration(minutes: 480, unit: .days))
        #expect(Self.check("lags", plan).offending == ["4"])
    }

    @Test func anOpenEndAndAHardConstraintFail() throws {
        var plan = try Self.clean()
        plan.dependencies.removeAll { $0.successor == "5" }
        plan.tasks[Self.index(plan, "4")].constraint = Constraint(type: .mustFinishOn, date: plan.tasks[Self.index(plan, "4")].finish)
        #expect(Self.check("missing-logic", plan).offending == ["4", "5"])
        #expect(Self.check("hard-constraints", plan).offending == ["4"])
    }

    @Test func aLongTaskHasHighDurationAndAnIdleOneHighFloat() throws {
        var plan = try Self.clean()
        plan.tasks[Self.index(plan, "4")].duration = WorkDuration(minutes: 45 * 480, unit: .days)
        #expect(Self.check("high-duration", plan).offending == ["4"])
        plan.tasks.append(PlanTask(id: "6", name: "Docs", outlineLevel: 2, parent: "1", kind: .task, duration: WorkDuration(minutes: 480, unit: .days)))
        plan.dependencies.append(Dependency(predecessor: "2", successor: "6"))
        plan.dependencies.append(Dependency(predecessor: "6", successor: "5"))
        #expect(Self.check("high-float", plan).offending == ["6"])
    }

    @Test func aFinishHeldByAConstraintFailsTheCriticalPathTest() throws {
        var plan = try Self.clean()
        // Go-live must happen on its date whatever the work before it does: the path is broken.
        plan.tasks[Self.index(plan, "5")].constraint = Constraint(type: .mustFinishOn, date: plan.tasks[Self.index(plan, "5")].finish)
        #expect(Self.check("critical-path-test", plan).outcome == .fail)
    }

    @Test func aResourceDrivenPathPassesTheCriticalPathTest() throws {
        var plan = try Self.clean()
        // Every task's length comes from its resource's work, which the delay must grow too.
        plan.resources = [Resource(id: "r1", name: "Ada", type: .work)]
        for task in plan.tasks where task.kind == .task {
            plan.assignments.append(Assignment(id: AssignmentID("a" + task.id.rawValue), task: task.id, resource: "r1", units: 0.5,
                                               work: WorkDuration(minutes: (task.duration?.minutes ?? 0) / 2, unit: .hours)))
        }
        let check = Self.check("critical-path-test", plan)
        #expect(check.outcome == .pass, "\(check.detail)")
    }

    @Test func baselineIndicesCompareProgressWithThePlan() throws {
        var plan = try Self.clean()
        for id in ["2", "3"] {
            let position = Self.index(plan, id)
            plan.tasks[position].baselines = [Baseline(number: 0, start: plan.tasks[position].start, finish: CivilDateTime(iso: "2024-03-05T17:00:00"))]
        }
        plan.tasks[Self.index(plan, "5")].baselines = [Baseline(number: 0, finish: CivilDateTime(iso: "2024-03-22T17:00:00"))]
        // Two tasks were due by the status date, none is finished.
        #expect(Self.check("bei", plan).value == 0)
        #expect(Self.check("missed-tasks", plan).offending == ["2", "3"])
        // The forecast finish is a week before the baseline's: plenty of float.
        #expect(Self.check("cpli", plan).outcome == .pass)
        #expect(Self.check("cpli", plan).value! > 1)
    }
}
