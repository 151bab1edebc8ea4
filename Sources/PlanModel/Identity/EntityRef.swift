/// Names one entity of a plan, for diagnostics and reports.
public enum EntityRef: Hashable, Sendable, CustomStringConvertible {
    case project
    case task(TaskID)
    case resource(ResourceID)
    case assignment(AssignmentID)
    case calendar(CalendarID)
    case dependency(predecessor: TaskID, successor: TaskID)

    public var description: String {
        switch self {
        case .project: return "project"
        case .task(let id): return "task \(id)"
        case .resource(let id): return "resource \(id)"
        case .assignment(let id): return "assignment \(id)"
        case .calendar(let id): return "calendar \(id)"
        case .dependency(let p, let s): return "dependency \(p) -> \(s)"
        }
    }
}
