import PlanModel
import PlanSchedule

/// What the DCMA checks count over, worked out once: the incomplete tasks that carry work, the
/// links into them, and the project calendar that turns minutes into the 44-day thresholds.
public struct DCMAPopulation: Sendable {
    let context: ValidationContext
    /// Active, non-summary tasks that are not finished, in plan order.
    let incomplete: [PlanTask]
    let incompleteIDs: Set<TaskID>
    /// Links whose both ends exist and whose successor is incomplete.
    let links: [Dependency]
    let predecessors: [TaskID: Int]
    let successors: [TaskID: Int]
    let projectCalendar: ResolvedCalendar
    /// The critical path test's second schedule, already running, when the validator started it.
    let criticalPathProbe: Pending<CriticalPathProbe>?

    init(_ context: ValidationContext, criticalPathProbe: Pending<CriticalPathProbe>? = nil) {
        self.context = context
        incomplete = context.workTasks.filter { !$0.isFinished }
        let open = Set(incomplete.map(\.id))
        incompleteIDs = open
        links = context.plan.dependencies.filter { context.hasTask($0.predecessor) && context.hasTask($0.successor) && open.contains($0.successor) }
        var predecessors: [TaskID: Int] = [:]
        var successors: [TaskID: Int] = [:]
        for link in context.plan.dependencies {
            predecessors[link.successor, default: 0] += 1
            successors[link.predecessor, default: 0] += 1
        }
        self.predecessors = predecessors
        self.successors = successors
        projectCalendar = context.calendars.calendar(context.plan.project.defaultCalendar)
        self.criticalPathProbe = criticalPathProbe
    }

    /// 44 working days, DCMA's line between a plannable and an unplannable span.
    var fortyFourDays: Int { 44 * context.minutesPerDay }

    /// A share check: `failing` of `population`, passing when the share is within `limit`.
    func share(_ number: Int, _ name: String, _ title: String, failing: [TaskID], of population: Int, atMost limit: Double, threshold: String, detail: String) -> DCMACheck {
        guard population > 0 else { return notApplicable(number, name, title, threshold: threshold, because: "nothing to count: \(detail)") }
        let value = Double(failing.count) / Double(population)
        return DCMACheck(number: number, name: name, title: title, threshold: threshold, value: value, count: DCMACheck.Tally(failing: failing.count, of: population),
                         outcome: value <= limit + 1e-12 ? .pass : .fail, offending: failing, detail: detail)
    }

    func notApplicable(_ number: Int, _ name: String, _ title: String, threshold: String, because reason: String) -> DCMACheck {
        DCMACheck(number: number, name: name, title: title, threshold: threshold, value: nil, count: nil,
                  outcome: .notApplicable(reason: reason), offending: [], detail: reason)
    }

    /// The baseline finish of the whole plan: the latest Baseline 0 finish of any task.
    var baselineFinish: CivilDateTime? { context.plan.tasks.compactMap { $0.baseline(0)?.finish }.max() }
}

extension PlanTask {
    /// Done by any of the ways tools say it.
    var isFinished: Bool { actualFinish != nil || (percentComplete ?? 0) >= 100 }
}
