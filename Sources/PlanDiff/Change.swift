import PlanModel

/// The kinds of change a diff reports. Raw values are the stable names used by `--only`, the
/// JSON and CSV reports and the schema.
public enum ChangeKind: String, CaseIterable, Hashable, Sendable, Comparable {
    case taskAdded = "task-added"
    case taskRemoved = "task-removed"
    case renamed
    case moved
    case startSlip = "start-slip"
    case finishSlip = "finish-slip"
    case milestoneDate = "milestone-date"
    case duration
    case work
    case percentComplete = "percent-complete"
    case constraint
    case deadline
    case notes
    case customField = "custom-field"
    case dependencyAdded = "dependency-added"
    case dependencyRemoved = "dependency-removed"
    case dependencyChanged = "dependency-changed"
    case assignmentAdded = "assignment-added"
    case assignmentRemoved = "assignment-removed"
    case assignmentChanged = "assignment-changed"
    case resourceAdded = "resource-added"
    case resourceRemoved = "resource-removed"
    case resourceChanged = "resource-changed"
    case calendarAdded = "calendar-added"
    case calendarRemoved = "calendar-removed"
    case calendarChanged = "calendar-changed"
    case holidayAdded = "holiday-added"
    case holidayRemoved = "holiday-removed"
    case holidayChanged = "holiday-changed"

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool { lhs.order < rhs.order }

    var order: Int { Self.allCases.firstIndex(of: self)! }

    /// Kinds that move dates, which `--threshold` filters.
    public var isSlip: Bool { self == .startSlip || self == .finishSlip || self == .milestoneDate }

    /// Names `--only` accepts besides the kinds themselves.
    public static let groups: [(name: String, kinds: [ChangeKind])] = [
        ("slips", [.startSlip, .finishSlip, .milestoneDate]),
        ("added", allCases.filter { $0.rawValue.hasSuffix("-added") }),
        ("removed", allCases.filter { $0.rawValue.hasSuffix("-removed") }),
        ("tasks", [.taskAdded, .taskRemoved, .renamed, .moved, .startSlip, .finishSlip, .milestoneDate, .duration, .work,
                   .percentComplete, .constraint, .deadline, .notes, .customField]),
        ("dependencies", [.dependencyAdded, .dependencyRemoved, .dependencyChanged]),
        ("assignments", [.assignmentAdded, .assignmentRemoved, .assignmentChanged]),
        ("resources", [.resourceAdded, .resourceRemoved, .resourceChanged]),
        ("calendars", [.calendarAdded, .calendarRemoved, .calendarChanged, .holidayAdded, .holidayRemoved, .holidayChanged]),
    ]

    /// `slips,task-added,notes` → the kinds; the first unknown word when there is one.
    public static func parseList(_ text: String) -> Result<Set<ChangeKind>, UnknownKind> {
        var kinds: Set<ChangeKind> = []
        for word in text.split(separator: ",").map({ $0.trimmingSpaces() }) where !word.isEmpty {
            if let kind = ChangeKind(rawValue: word) {
                kinds.insert(kind)
            } else if let group = groups.first(where: { $0.name == word }) {
                kinds.formUnion(group.kinds)
            } else {
                return .failure(UnknownKind(word: word))
            }
        }
        return .success(kinds)
    }

    public struct UnknownKind: Error, Hashable, Sendable {
        public var word: String
    }

    /// Every name `--only` accepts, groups first.
    public static var acceptedNames: [String] { groups.map(\.name) + allCases.map(\.rawValue) }
}

/// A date that moved: by how much working time on the project calendar and by how many calendar days.
public struct Slip: Hashable, Sendable {
    /// Positive is later.
    public var workingMinutes: Int
    public var calendarDays: Int
    /// The minutes per working day the working days are counted with.
    public var minutesPerDay: Int

    public init(workingMinutes: Int, calendarDays: Int, minutesPerDay: Int) {
        self.workingMinutes = workingMinutes
        self.calendarDays = calendarDays
        self.minutesPerDay = max(minutesPerDay, 1)
    }

    /// Working days rounded to hundredths, as text: `2`, `-0.5`, `1.25`.
    public var workingDaysText: String { ValueText.decimal(workingMinutes, per: minutesPerDay) }

    /// Working days, rounded to hundredths.
    public var workingDays: Double { Double(workingMinutes * 100 / minutesPerDay) / 100 }
}

/// One difference between the baseline and the current plan.
public struct Change: Hashable, Sendable {
    public var kind: ChangeKind
    /// The identity of what changed in the current plan (the baseline's when it was removed); for a
    /// dependency `PRED->SUCC`, for an assignment `TASK/RESOURCE`.
    public var id: String
    /// The identity in the baseline plan when it differs from `id`.
    public var baselineID: String?
    /// A name for people: the task's, `A -> B` for a link, `Task / Resource` for an assignment.
    public var name: String
    /// The field that changed, where a kind covers several (`resource-changed`, `custom-field`,
    /// `dependency-changed`, `assignment-changed`).
    public var field: String?
    public var before: String?
    public var after: String?
    public var slip: Slip?
    /// How the task this change is about was matched.
    public var match: MatchRule?
    /// Position for sorting: entity group, then position in its plan.
    var order: (group: Int, position: Int) = (0, 0)

    public init(kind: ChangeKind, id: String, baselineID: String? = nil, name: String, field: String? = nil,
                before: String? = nil, after: String? = nil, slip: Slip? = nil, match: MatchRule? = nil) {
        self.kind = kind
        self.id = id
        self.baselineID = baselineID == id ? nil : baselineID
        self.name = name
        self.field = field
        self.before = before
        self.after = after
        self.slip = slip
        self.match = match
    }

    public static func == (lhs: Change, rhs: Change) -> Bool {
        lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.baselineID == rhs.baselineID && lhs.name == rhs.name
            && lhs.field == rhs.field && lhs.before == rhs.before && lhs.after == rhs.after && lhs.slip == rhs.slip
            && lhs.match == rhs.match
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
        hasher.combine(field)
        hasher.combine(before)
        hasher.combine(after)
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
