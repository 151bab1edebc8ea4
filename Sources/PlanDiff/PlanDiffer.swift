import PlanModel
import PlanSchedule

/// Compares a baseline plan with a current one: matches tasks, resources and calendars, lists the
/// typed changes and sums them up. Works on the canonical model, so any two readable formats can
/// be compared.
public struct PlanDiffer: Sendable {
    public var options: DiffOptions

    public init(_ options: DiffOptions = DiffOptions()) { self.options = options }

    public func diff(baseline: Plan, current: Plan, baselineName: String = "baseline", currentName: String = "current") -> DiffReport {
        var comparison = Comparison(baseline: baseline, current: current, mode: options.match, comparesAbsentValues: options.comparesAbsentValues)
        comparison.compareTasks()
        comparison.compareDependencies()
        comparison.compareResourcesAndAssignments()
        comparison.compareCalendars()

        var changes = comparison.changes.sorted(by: Comparison.reportOrder)
        if let kinds = options.kinds { changes.removeAll { !kinds.contains($0.kind) } }
        if options.slipThresholdMinutes > 0 {
            changes.removeAll { change in
                guard change.kind.isSlip, let slip = change.slip else { return false }
                return slip.workingMinutes.magnitude < options.slipThresholdMinutes.magnitude
            }
        }

        let m = comparison.matching
        let added = m.baselineOf.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        let removed = m.currentOf.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        let matching = MatchSummary(
            baselineTasks: baseline.tasks.count, currentTasks: current.tasks.count, byRule: m.counts,
            added: added, removed: removed, identitiesSetAside: m.identitiesSetAside)
        let summary = comparison.summary(of: changes, criticalPath: options.comparesCriticalPath)
        return DiffReport(
            baselineName: baselineName, currentName: currentName, changes: changes, matching: matching, summary: summary,
            gantt: comparison.ganttRows(critical: summary.criticalPath))
    }
}

/// The state of one comparison.
struct Comparison {
    let baseline: Plan
    let current: Plan
    let b: OutlineIndex
    let c: OutlineIndex
    let matching: TaskMatching
    /// For each baseline resource, the position of its current counterpart.
    let currentOfResource: [Int?]
    let mode: MatchMode
    let comparesAbsentValues: Bool
    let conventions: TimeConventions
    /// The current plan's project calendar, which slips are counted on.
    let calendar: ResolvedCalendar
    var changes: [Change] = []

    init(baseline: Plan, current: Plan, mode: MatchMode, comparesAbsentValues: Bool = true) {
        self.comparesAbsentValues = comparesAbsentValues
        self.baseline = baseline
        self.current = current
        self.mode = mode
        b = OutlineIndex(baseline.tasks)
        c = OutlineIndex(current.tasks)
        matching = TaskMatcher.match(b, c, mode: mode)
        currentOfResource = NamedMatcher.match(
            baseline: baseline.resources.map { ($0.id.rawValue, $0.name) },
            current: current.resources.map { ($0.id.rawValue, $0.name) }, mode: mode)
        conventions = current.project.conventions
        calendar = CalendarResolver(current.calendars).calendar(current.project.defaultCalendar ?? baseline.project.defaultCalendar)
    }

    static func reportOrder(_ x: Change, _ y: Change) -> Bool {
        if x.order.group != y.order.group { return x.order.group < y.order.group }
        if x.order.position != y.order.position { return x.order.position < y.order.position }
        if x.kind != y.kind { return x.kind < y.kind }
        if x.id != y.id { return x.id < y.id }
        return (x.field ?? "") < (y.field ?? "")
    }

    /// Whether two optional values count as different under `comparesAbsentValues`.
    func differ<T: Equatable>(_ x: T?, _ y: T?) -> Bool {
        if !comparesAbsentValues && (x == nil || y == nil) { return false }
        return x != y
    }

    func slip(from: CivilDateTime, to: CivilDateTime) -> Slip {
        Slip(
            workingMinutes: calendar.workingMinutes(from: from, to: to),
            calendarDays: to.date.daysSinceEpoch - from.date.daysSinceEpoch,
            minutesPerDay: conventions.minutesPerDay)
    }

    mutating func add(_ change: Change, group: Int, position: Int) {
        var change = change
        change.order = (group, position)
        changes.append(change)
    }

    func ref(current j: Int) -> TaskRef { TaskRef(id: c.tasks[j].id.rawValue, name: c.tasks[j].name) }
    func ref(baseline i: Int) -> TaskRef { TaskRef(id: b.tasks[i].id.rawValue, name: b.tasks[i].name) }
}
