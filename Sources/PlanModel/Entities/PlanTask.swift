/// A task, summary task or milestone. Named `PlanTask` so it does not shadow Swift's `Task`.
///
/// Optional fields are absent in the source; readers do not invent values, so a round trip
/// through the same format writes back exactly what was there.
public struct PlanTask: Hashable, Sendable, Identifiable {
    public var id: TaskID
    /// The number a user sees in the source (MSPDI `ID`, Jira's numeric issue id).
    public var displayID: Int?
    public var name: String
    public var wbs: String?
    public var outlineNumber: String?
    /// 1 for top-level tasks; the project summary task, when a source has one, is not a task here.
    public var outlineLevel: Int
    public var parent: TaskID?
    public var kind: TaskKind
    /// Manually scheduled (MS Project's "Manual"): a scheduler keeps its dates.
    public var isManuallyScheduled: Bool
    public var isActive: Bool
    public var start: CivilDateTime?
    public var finish: CivilDateTime?
    public var duration: WorkDuration?
    public var work: WorkDuration?
    /// Percent complete of the duration, normally 0–100 (out-of-range values are kept for validation).
    public var percentComplete: Int?
    public var percentWorkComplete: Int?
    public var actualStart: CivilDateTime?
    public var actualFinish: CivilDateTime?
    public var actualDuration: WorkDuration?
    public var actualWork: WorkDuration?
    public var remainingDuration: WorkDuration?
    public var constraint: Constraint?
    public var deadline: CivilDateTime?
    /// 0–1000 as in MS Project (500 = medium); other sources map into that range.
    public var priority: Int?
    public var notes: String?
    public var cost: Amount?
    public var fixedCost: Amount?
    public var baselines: [Baseline]
    public var calendar: CalendarID?
    /// Workflow status as the source names it (Jira "In Progress").
    public var status: String?
    public var customFields: CustomFields
    public var extensions: Extensions

    public init(
        id: TaskID, displayID: Int? = nil, name: String, wbs: String? = nil, outlineNumber: String? = nil,
        outlineLevel: Int = 1, parent: TaskID? = nil, kind: TaskKind = .task, isManuallyScheduled: Bool = false,
        isActive: Bool = true, start: CivilDateTime? = nil, finish: CivilDateTime? = nil,
        duration: WorkDuration? = nil, work: WorkDuration? = nil, percentComplete: Int? = nil,
        percentWorkComplete: Int? = nil, actualStart: CivilDateTime? = nil, actualFinish: CivilDateTime? = nil,
        actualDuration: WorkDuration? = nil, actualWork: WorkDuration? = nil, remainingDuration: WorkDuration? = nil,
        constraint: Constraint? = nil, deadline: CivilDateTime? = nil, priority: Int? = nil, notes: String? = nil,
        cost: Amount? = nil, fixedCost: Amount? = nil, baselines: [Baseline] = [], calendar: CalendarID? = nil,
        status: String? = nil, customFields: CustomFields = [:], extensions: Extensions = [:]
    ) {
        self.id = id
        self.displayID = displayID
        self.name = name
        self.wbs = wbs
        self.outlineNumber = outlineNumber
        self.outlineLevel = outlineLevel
        self.parent = parent
        self.kind = kind
        self.isManuallyScheduled = isManuallyScheduled
        self.isActive = isActive
        self.start = start
        self.finish = finish
        self.duration = duration
        self.work = work
        self.percentComplete = percentComplete
        self.percentWorkComplete = percentWorkComplete
        self.actualStart = actualStart
        self.actualFinish = actualFinish
        self.actualDuration = actualDuration
        self.actualWork = actualWork
        self.remainingDuration = remainingDuration
        self.constraint = constraint
        self.deadline = deadline
        self.priority = priority
        self.notes = notes
        self.cost = cost
        self.fixedCost = fixedCost
        self.baselines = baselines
        self.calendar = calendar
        self.status = status
        self.customFields = customFields
        self.extensions = extensions
    }

    /// The baseline with the given number, if the task has one.
    public func baseline(_ number: Int) -> Baseline? { baselines.first { $0.number == number } }
}

public enum TaskKind: String, CaseIterable, Hashable, Sendable {
    case task, summary, milestone
}

/// A scheduling constraint. `asSoonAsPossible` and `asLateAsPossible` carry no date.
public struct Constraint: Hashable, Sendable {
    public var type: ConstraintType
    public var date: CivilDateTime?

    public init(type: ConstraintType, date: CivilDateTime? = nil) {
        self.type = type
        self.date = date
    }
}

/// The eight constraint types; raw values are MSPDI's `ConstraintType` codes.
public enum ConstraintType: Int, CaseIterable, Hashable, Sendable {
    case asSoonAsPossible = 0
    case asLateAsPossible = 1
    case mustStartOn = 2
    case mustFinishOn = 3
    case startNoEarlierThan = 4
    case startNoLaterThan = 5
    case finishNoEarlierThan = 6
    case finishNoLaterThan = 7

    /// Short names used in PlanBridge JSON and reports.
    public var code: String {
        ["ASAP", "ALAP", "MSO", "MFO", "SNET", "SNLT", "FNET", "FNLT"][rawValue]
    }

    public init?(code: String) {
        guard let match = ConstraintType.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    public var needsDate: Bool { self != .asSoonAsPossible && self != .asLateAsPossible }
}
