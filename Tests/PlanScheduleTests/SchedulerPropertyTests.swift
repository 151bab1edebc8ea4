import PlanModel
import PlanSchedule
import PlanTestSupport
import Testing

/// Invariants over generated plans (`PlanGenerator`): every link type, lag kind, calendar and
/// outline shape the generator makes, at sizes no one would check by hand.
struct SchedulerPropertyTests {
    static let seeds: [UInt64] = Array(1...24)

    /// The generated plan without what may legitimately break the invariants: hard constraints,
    /// deadlines, manual scheduling and progress.
    static func logicOnly(_ plan: Plan) -> Plan {
        var plan = plan
        let resourceDriven = Set(plan.assignments.filter { $0.resource != nil && ($0.work?.minutes ?? 0) > 0 }.map(\.task))
        for index in plan.tasks.indices {
            // A resource-driven task on a calendar of its own works where that calendar and its
            // resources' overlap: round the clock on a 24-hour task calendar for a resource
            // without a calendar. An FF link from it can then ask a day-calendar successor to
            // finish on Saturday evening, which the successor meets at its Saturday 17:00; the
            // backward pass hands that back as the predecessor's late finish, an hour before its
            // early one (MPXJ does the same). So such tasks keep the project calendar here.
            if resourceDriven.contains(plan.tasks[index].id) { plan.tasks[index].calendar = nil }
            if let type = plan.tasks[index].constraint?.type,
                [.mustStartOn, .mustFinishOn, .startNoLaterThan, .finishNoLaterThan].contains(type)
            {
                plan.tasks[index].constraint = nil
            }
            plan.tasks[index].deadline = nil
            plan.tasks[index].isManuallyScheduled = false
            plan.tasks[index].actualStart = nil
            plan.tasks[index].actualFinish = nil
            plan.tasks[index].percentComplete = nil
            plan.tasks[index].remainingDuration = nil
            plan.tasks[index].actualDuration = nil
            // An elapsed task starts in working time but ends on the clock, so its latest start
            // can fall where no start is possible and its slack can be off (see the report).
            plan.tasks[index].duration?.isElapsed = false
        }
        plan.project.scheduleFrom = .start
        return plan
    }

    @Test(arguments: seeds)
    func linksAreHonouredAndSlackIsNeverNegativeWithoutHardConstraints(seed: UInt64) throws {
        let plan = Self.logicOnly(PlanGenerator(seed: seed).plan(tasks: 400))
        let result = Scheduler().schedule(plan)
        try #require(result.isScheduled, "seed \(seed): \(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.severity == .error }, "seed \(seed): \(result.diagnostics)")

        let resolver = CalendarResolver(plan.calendars)
        let byID = Dictionary(plan.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func calendar(_ id: TaskID) -> ResolvedCalendar {
            resolver.calendar(byID[id]?.calendar.flatMap { resolver[$0] != nil ? $0 : nil } ?? plan.project.defaultCalendar)
        }
        var inactive = Set<TaskID>()
        for task in plan.tasks where !task.isActive || task.parent.map(inactive.contains) == true { inactive.insert(task.id) }
        for task in plan.tasks where !inactive.contains(task.id) {
            let s = try #require(result.tasks[task.id], "seed \(seed): task \(task.id) has no result")
            let cal = calendar(task.id)
            #expect(s.totalSlack >= 0, "seed \(seed): task \(task.id) has slack \(s.totalSlack)")
            #expect(s.freeSlack >= 0 && s.freeSlack <= s.totalSlack, "seed \(seed): task \(task.id) free \(s.freeSlack) total \(s.totalSlack)")
            #expect(cal.workingMinutes(from: s.earlyStart, to: s.lateStart) >= 0, "seed \(seed): task \(task.id) early start after late start")
            #expect(s.earlyStart <= s.earlyFinish && s.lateStart <= s.lateFinish, "seed \(seed): task \(task.id) ends before it starts")
            if !s.isSummary { #expect(s.isCritical == (s.totalSlack <= 0)) }
        }
        // FF and SF links place a resource-driven successor by subtracting its work on the resources'
        // calendars and adding the lag on its own, which need not give back the same finish (MPXJ
        // does the same); those links are checked only into tasks scheduled on their own calendar.
        let resourceDriven = Set(plan.assignments.filter { $0.resource != nil && ($0.work?.minutes ?? 0) > 0 }.map(\.task))
        var checked = 0
        for link in plan.dependencies {
            if (link.type == .finishToFinish || link.type == .startToFinish) && resourceDriven.contains(link.successor) { continue }
            guard let p = result.tasks[link.predecessor], let s = result.tasks[link.successor],
                let predecessor = byID[link.predecessor], !p.isSummary, !s.isSummary
            else { continue }
            let lag = link.lag.duration(predecessorDuration: predecessor.duration ?? .zero)
            let (from, to): (CivilDateTime, CivilDateTime)
            switch link.type {
            case .finishToStart: (from, to) = (p.earlyFinish, s.earlyStart)
            case .startToStart: (from, to) = (p.earlyStart, s.earlyStart)
            case .finishToFinish: (from, to) = (p.earlyFinish, s.earlyFinish)
            case .startToFinish: (from, to) = (p.earlyStart, s.earlyFinish)
            }
            let successorCalendar = calendar(link.successor)
            if lag.isElapsed {
                // The clock says when the successor may start or finish; landing at a moment with no
                // working time between it and that one (Friday 17:00 for Sunday night) is the same.
                let required = from.adding(minutes: lag.minutes)
                let short = successorCalendar.workingMinutes(from: required, to: to)
                #expect(short >= 0, "seed \(seed): \(link.type.rawValue) \(link.predecessor) → \(link.successor) \(to) before \(required)")
            } else {
                // A percentage lag is kept to the second, so it can be up to half a minute less
                // than its minutes rounded, and whole minutes between dates are rounded down.
                let gap = successorCalendar.workingMinutes(from: from, to: to)
                let slack = if case .percent = link.lag { 1 } else { 0 }
                #expect(gap + slack >= lag.minutes, "seed \(seed): \(link.type.rawValue) \(link.predecessor) → \(link.successor) gap \(gap) < lag \(lag.minutes)")
            }
            checked += 1
        }
        #expect(checked > 100, "seed \(seed): only \(checked) links checked")
        let latest = plan.tasks.compactMap { result.tasks[$0.id] }.filter { !$0.isSummary }.map(\.earlyFinish).max()
        #expect(result.projectFinish == latest)
        #expect(result.criticalTaskCount > 0)
    }

    @Test(arguments: seeds)
    func criticalPathsAreChainsOfLinkedCriticalTasks(seed: UInt64) throws {
        let plan = Self.logicOnly(PlanGenerator(seed: seed).plan(tasks: 300))
        let result = Scheduler().schedule(plan)
        let links = Set(plan.dependencies.map { [$0.predecessor, $0.successor] })
        #expect(!result.criticalPaths.isEmpty)
        for path in result.criticalPaths {
            for id in path { #expect(result.tasks[id]?.isCritical == true) }
            for pair in zip(path, path.dropFirst()) {
                #expect(links.contains([pair.0, pair.1]), "seed \(seed): \(pair.0) → \(pair.1) is not a link")
            }
        }
        // The longest path is listed first, and some critical task ends where the project ends.
        let longest = try #require(result.longestCriticalPath)
        #expect(longest.tasks == result.criticalPaths.first)
        #expect(result.criticalPathMinutes.allSatisfy { $0 <= longest.minutes })
        #expect(result.tasks.values.contains { $0.isCritical && !$0.isSummary && $0.earlyFinish == result.projectFinish })
    }

    /// Whole generated plans, constraints, progress, manual tasks and backward scheduling included:
    /// every active task gets dates, nothing is reported as a cycle.
    @Test(arguments: seeds)
    func fullGeneratedPlansScheduleCompletely(seed: UInt64) {
        let plan = PlanGenerator(seed: seed).plan(tasks: 300)
        let result = Scheduler().schedule(plan)
        #expect(result.isScheduled, "seed \(seed): \(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.code == .scheduleDependencyCycle })
        // Tasks come parents first, so one pass finds everything under an inactive summary.
        var inactive = Set<TaskID>()
        for task in plan.tasks where !task.isActive || task.parent.map(inactive.contains) == true { inactive.insert(task.id) }
        for task in plan.tasks {
            #expect((result.tasks[task.id] != nil) == !inactive.contains(task.id), "seed \(seed): \(task.id)")
        }
        let applied = result.apply(to: plan)
        #expect(applied.tasks.count == plan.tasks.count)
        #expect(applied.project.finish == result.projectFinish)
    }

    /// Dates only: the same dates as a full schedule (summaries rolled up too, in progress and
    /// ALAP tasks included), with no slack and no critical paths.
    @Test(arguments: seeds.prefix(8))
    func datesOnlyScheduleHasTheFullSchedulesDates(seed: UInt64) throws {
        let generated = PlanGenerator(seed: seed).plan(tasks: 300)
        var withoutALAP = generated  // without ALAP tasks the backward pass is skipped
        for k in withoutALAP.tasks.indices where withoutALAP.tasks[k].constraint?.type == .asLateAsPossible { withoutALAP.tasks[k].constraint = nil }
        for plan in [generated, withoutALAP] { try Self.compareDatesOnly(plan, seed: seed) }
    }

    static func compareDatesOnly(_ plan: Plan, seed: UInt64) throws {
        let full = Scheduler().schedule(plan)
        let dates = Scheduler(ScheduleOptions(computesSlack: false)).schedule(plan)
        try #require(full.isScheduled)
        #expect(dates.tasks.count == full.tasks.count)
        for (id, task) in full.tasks {
            let other = try #require(dates.tasks[id])
            #expect(other.start == task.start && other.finish == task.finish, "seed \(seed), task \(id)")
            #expect(other.totalSlack == 0 && !other.isCritical)
        }
        #expect(dates.projectFinish == full.projectFinish)
        #expect(dates.criticalPaths.isEmpty && !full.criticalPaths.isEmpty)
    }
}
