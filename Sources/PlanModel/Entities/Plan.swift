/// The canonical plan every reader produces and every writer consumes.
public struct Plan: Hashable, Sendable {
    public var project: Project
    public var calendars: [WorkCalendar]
    /// Tasks in outline order (depth-first, parents before children).
    public var tasks: [PlanTask]
    public var resources: [Resource]
    public var assignments: [Assignment]
    public var dependencies: [Dependency]
    public var customFieldDefinitions: [CustomFieldDefinition]
    public var extensions: Extensions

    public init(
        project: Project = Project(), calendars: [WorkCalendar] = [], tasks: [PlanTask] = [],
        resources: [Resource] = [], assignments: [Assignment] = [], dependencies: [Dependency] = [],
        customFieldDefinitions: [CustomFieldDefinition] = [], extensions: Extensions = [:]
    ) {
        self.project = project
        self.calendars = calendars
        self.tasks = tasks
        self.resources = resources
        self.assignments = assignments
        self.dependencies = dependencies
        self.customFieldDefinitions = customFieldDefinitions
        self.extensions = extensions
    }

    public func task(_ id: TaskID) -> PlanTask? { tasks.first { $0.id == id } }
    public func calendar(_ id: CalendarID) -> WorkCalendar? { calendars.first { $0.id == id } }
    public func resource(_ id: ResourceID) -> Resource? { resources.first { $0.id == id } }
}
