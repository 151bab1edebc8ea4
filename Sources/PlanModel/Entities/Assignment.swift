/// A resource working on a task.
public struct Assignment: Hashable, Sendable, Identifiable {
    public var id: AssignmentID
    public var task: TaskID
    /// Nil for MS Project's "unassigned" pseudo-assignment (resource UID -65535), which carries a
    /// task's work when no resource is assigned.
    public var resource: ResourceID?
    /// 1.0 = 100 %.
    public var units: Double?
    public var work: WorkDuration?
    public var actualWork: WorkDuration?
    public var remainingWork: WorkDuration?
    public var start: CivilDateTime?
    public var finish: CivilDateTime?
    public var cost: Amount?
    public var baselines: [Baseline]
    public var customFields: CustomFields
    public var extensions: Extensions

    public init(
        id: AssignmentID, task: TaskID, resource: ResourceID?, units: Double? = nil, work: WorkDuration? = nil,
        actualWork: WorkDuration? = nil, remainingWork: WorkDuration? = nil, start: CivilDateTime? = nil,
        finish: CivilDateTime? = nil, cost: Amount? = nil, baselines: [Baseline] = [],
        customFields: CustomFields = [:], extensions: Extensions = [:]
    ) {
        self.id = id
        self.task = task
        self.resource = resource
        self.units = units
        self.work = work
        self.actualWork = actualWork
        self.remainingWork = remainingWork
        self.start = start
        self.finish = finish
        self.cost = cost
        self.baselines = baselines
        self.customFields = customFields
        self.extensions = extensions
    }
}
