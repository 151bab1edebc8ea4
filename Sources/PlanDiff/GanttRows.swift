import PlanModel
import PlanSchedule

/// One task's line in a Gantt chart: its dates in the baseline and now. A diff fills both sides
/// from the matching; a single plan fills only `current`.
public struct GanttRow: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        case matched, added, removed
    }

    public var id: String
    public var name: String
    /// 1 for a top-level task.
    public var level: Int
    public var kind: TaskKind
    public var baseline: DateSpan?
    public var current: DateSpan?
    public var status: Status
    /// On the critical path now (a removed task: in the baseline).
    public var isCritical: Bool
    /// The finish slip, when both sides have a finish.
    public var slip: Slip?

    public init(id: String, name: String, level: Int, kind: TaskKind, baseline: DateSpan?, current: DateSpan?,
                status: Status, isCritical: Bool, slip: Slip? = nil) {
        self.id = id
        self.name = name
        self.level = level
        self.kind = kind
        self.baseline = baseline
        self.current = current
        self.status = status
        self.isCritical = isCritical
        self.slip = slip
    }
}

/// A start and a finish; a milestone has both equal.
public struct DateSpan: Hashable, Sendable {
    public var start: CivilDateTime
    public var finish: CivilDateTime

    public init(start: CivilDateTime, finish: CivilDateTime) {
        self.start = start
        self.finish = max(start, finish)
    }

    /// Either date stands in for a missing other one, so a task with one date still shows.
    init?(_ task: PlanTask) { self.init(start: task.start, finish: task.finish) }

    init?(start: CivilDateTime?, finish: CivilDateTime?) {
        guard let from = start ?? finish, let to = finish ?? start else { return nil }
        self.init(start: from, finish: to)
    }
}

/// The rows of a Gantt chart in outline order, with the moment to mark by a vertical line.
public struct GanttRows: Hashable, Sendable {
    public var rows: [GanttRow]
    public var statusDate: CivilDateTime?

    public init(rows: [GanttRow], statusDate: CivilDateTime? = nil) {
        self.rows = rows
        self.statusDate = statusDate
    }

    /// One plan, with the critical path as the scheduler computes it (the plan's dates are used
    /// as they are; schedule it first for computed dates).
    public init(plan: Plan, critical: Set<TaskID>, statusDate: CivilDateTime?) {
        let index = OutlineIndex(plan.tasks)
        rows = plan.tasks.indices.map { j in
            let task = plan.tasks[j]
            return GanttRow(
                id: task.id.rawValue, name: task.name, level: index.level(of: j), kind: task.kind, baseline: nil,
                current: DateSpan(task), status: .matched, isCritical: critical.contains(task.id))
        }
        self.statusDate = statusDate
    }
}

extension OutlineIndex {
    /// The depth in the parent chain, which stays consistent when `outlineLevel` does not.
    func level(of index: Int) -> Int {
        var level = 1
        var cursor = parent[index]
        while let p = cursor {
            level += 1
            cursor = parent[p]
        }
        return level
    }
}

extension Comparison {
    /// Current tasks in outline order; a removed task follows the row of the nearest earlier
    /// baseline task that still exists, so it shows where it used to be.
    func ganttRows(critical: CriticalPathChange?) -> GanttRows {
        let criticalNow = Set((critical?.after ?? []).map(\.id))
        let criticalBefore = Set((critical?.before ?? []).map(\.id))
        var removedAfter: [Int: [Int]] = [:]
        var leading: [Int] = []
        var anchor: Int?
        for i in 0..<b.count {
            if let j = matching.currentOf[i] {
                anchor = j
            } else if let j = anchor {
                removedAfter[j, default: []].append(i)
            } else {
                leading.append(i)
            }
        }
        let removedRow = { (i: Int) -> GanttRow in
            let task = b.tasks[i]
            return GanttRow(
                id: task.id.rawValue, name: task.name, level: b.level(of: i), kind: task.kind, baseline: DateSpan(task),
                current: nil, status: .removed, isCritical: criticalBefore.contains(task.id.rawValue))
        }
        var rows = leading.map(removedRow)
        rows.reserveCapacity(c.count + b.count)
        // Fields are read in place rather than copying each task, and an unmoved finish is a zero
        // slip without a walk over the calendar: a diff of 50,000 tasks builds these rows too.
        let noSlip = Slip(workingMinutes: 0, calendarDays: 0, minutesPerDay: conventions.minutesPerDay)
        for j in 0..<c.count {
            let i = matching.baselineOf[j]
            let finish = c.tasks[j].finish
            let baselineFinish = i.flatMap { b.tasks[$0].finish }
            var slip: Slip?
            if let then = baselineFinish, let now = finish { slip = then == now ? noSlip : self.slip(from: then, to: now) }
            let id = c.tasks[j].id.rawValue
            rows.append(GanttRow(
                id: id, name: c.tasks[j].name, level: c.level(of: j), kind: c.tasks[j].kind,
                baseline: i.flatMap { DateSpan(start: b.tasks[$0].start, finish: baselineFinish) },
                current: DateSpan(start: c.tasks[j].start, finish: finish), status: i == nil ? .added : .matched,
                isCritical: criticalNow.contains(id), slip: slip))
            for i in removedAfter[j] ?? [] { rows.append(removedRow(i)) }
        }
        return GanttRows(rows: rows, statusDate: current.project.statusDate)
    }
}
