/// A stable identity taken from an entity's source: an MSPDI UID ("42"), a Jira key ("PROJ-123"),
/// an iCalendar UID. The phantom `Kind` keeps a task identity from being passed where a resource
/// identity is expected; references between entities always go through these, never positions.
public struct Identifier<Kind>: RawRepresentable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// Numeric identities sort numerically ("9" before "10"), others by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (Int(lhs.rawValue), Int(rhs.rawValue)) {
        case let (l?, r?): return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.rawValue < rhs.rawValue
        }
    }
}

public enum TaskKindTag {}
public enum ResourceKindTag {}
public enum AssignmentKindTag {}
public enum CalendarKindTag {}

public typealias TaskID = Identifier<TaskKindTag>
public typealias ResourceID = Identifier<ResourceKindTag>
public typealias AssignmentID = Identifier<AssignmentKindTag>
public typealias CalendarID = Identifier<CalendarKindTag>
