import PlanModel

/// Everything a diff found, ready for a renderer.
public struct DiffReport: Sendable {
    /// What the two plans are called in reports (file names, or `Baseline 1`).
    public var baselineName: String
    public var currentName: String
    /// The changes that passed `--only` and `--threshold`, in report order: tasks in the current
    /// plan's outline order (removed ones after), then links, assignments, resources, calendars.
    public var changes: [Change]
    public var matching: MatchSummary
    public var summary: DiffSummary
    /// Both plans' task dates side by side, for the HTML report's chart; the other renderers
    /// need only the changes.
    public var gantt: GanttRows?

    public var hasDifferences: Bool { !changes.isEmpty }
}

/// How the tasks were paired.
public struct MatchSummary: Hashable, Sendable {
    public var baselineTasks: Int
    public var currentTasks: Int
    public var byRule: [MatchRule: Int]
    public var added: Int
    public var removed: Int
    /// Auto mode ignored identities because the plans' identities looked unrelated.
    public var identitiesSetAside: Bool

    public var matched: Int { byRule.values.reduce(0, +) }
}

/// A task named in the summary.
public struct TaskRef: Hashable, Sendable {
    public var id: String
    public var name: String
}

/// One row of the milestone table; a date is nil where the milestone is missing on that side.
public struct MilestoneRow: Hashable, Sendable {
    public var task: TaskRef
    public var baseline: CivilDateTime?
    public var current: CivilDateTime?
    public var slip: Slip?
}

/// The critical paths of both plans, as the scheduling engine computes them.
public struct CriticalPathChange: Hashable, Sendable {
    /// Critical leaf tasks, in outline order.
    public var before: [TaskRef]
    public var after: [TaskRef]
    /// Critical now but not in the baseline (or new).
    public var joined: [TaskRef]
    /// Critical in the baseline but not now (or removed).
    public var left: [TaskRef]
}

/// The summary a report opens with.
public struct DiffSummary: Hashable, Sendable {
    public var baselineFinish: CivilDateTime?
    public var currentFinish: CivilDateTime?
    public var finishSlip: Slip?
    /// Kinds with at least one change, in kind order.
    public var counts: [ChangeKind: Int]
    public var milestones: [MilestoneRow]
    /// The ten largest finish (and milestone date) slips, largest first.
    public var largestSlips: [Change]
    /// Nil when it was not computed or neither plan could be scheduled.
    public var criticalPath: CriticalPathChange?

    /// Counts in kind order, for printing.
    public var orderedCounts: [(kind: ChangeKind, count: Int)] {
        counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
