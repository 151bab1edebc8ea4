import PlanModel

/// How tasks (and resources and calendars) of the two plans are paired up.
public enum MatchMode: String, CaseIterable, Hashable, Sendable {
    /// Identities only (MSPDI UID, Jira key, iCalendar UID).
    case id
    /// Outline path and name only; identities are ignored (two exports that numbered tasks differently).
    case name
    /// Identities first, then outline path and name for what is left. When the two plans' identities
    /// look unrelated (most tasks with the same identity have different names), they are set aside.
    case auto
}

/// What `PlanDiffer` compares and reports.
public struct DiffOptions: Hashable, Sendable {
    public var match: MatchMode
    /// Only changes of these kinds are reported; nil reports every kind.
    public var kinds: Set<ChangeKind>?
    /// Slips (start, finish, milestone date) smaller than this many working minutes either way are
    /// left out; 0 keeps every slip.
    public var slipThresholdMinutes: Int
    /// Schedule both plans to compare their critical paths (the costliest part of a diff).
    public var comparesCriticalPath: Bool
    /// Whether a value present on one side and absent on the other is a change. Two files of
    /// different formats should not compare absences: a field the other format cannot hold would
    /// show up as "cleared" on every task.
    public var comparesAbsentValues: Bool

    public init(match: MatchMode = .auto, kinds: Set<ChangeKind>? = nil, slipThresholdMinutes: Int = 0, comparesCriticalPath: Bool = true,
                comparesAbsentValues: Bool = true) {
        self.match = match
        self.kinds = kinds
        self.slipThresholdMinutes = slipThresholdMinutes
        self.comparesCriticalPath = comparesCriticalPath
        self.comparesAbsentValues = comparesAbsentValues
    }

    /// Parses a threshold such as `2d`, `4h`, `30m`, `1w` or a bare number of days, in working time
    /// under the given conventions. Nil for anything else.
    public static func parseThreshold(_ text: String, conventions: TimeConventions = .standard) -> Int? {
        var number = Substring(text)
        var perUnit = conventions.minutesPerDay
        if let last = number.last, last.isLetter {
            switch last {
            case "m": perUnit = 1
            case "h": perUnit = 60
            case "d": perUnit = conventions.minutesPerDay
            case "w": perUnit = conventions.minutesPerWeek
            default: return nil
            }
            number = number.dropLast()
        }
        guard let value = Double(number), value >= 0, value.isFinite, value < 1e9 else { return nil }
        return Int((value * Double(perUnit)).rounded())
    }
}
