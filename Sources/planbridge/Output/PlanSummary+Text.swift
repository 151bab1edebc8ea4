import PlanModel

extension PlanSummary {
    /// Aligned `Label:  value` lines for people; each calendar gets an indented line of its own.
    var text: String {
        var rows: [(label: String, value: String)] = [
            ("File", source),
            ("Format", "\(format.displayName) (\(format.id))"),
        ]
        if planCount > 1 { rows.append(("Plans", "\(planCount) (the rest describes the first)")) }
        rows += [
            ("Project", projectName ?? "(unnamed)"),
            ("Project dates", Self.range(projectStart, projectFinish)),
            ("Task dates", Self.range(firstTaskStart, lastTaskFinish)),
            ("Tasks", Self.breakdown(tasksByKind.map { ($0.0.plural($0.1), $0.1) })),
            ("Schedule", scheduleLine),
            ("Resources", Self.breakdown(resourcesByType.map { ($0.0.rawValue, $0.1) })),
            ("Assignments", String(assignmentCount)),
            ("Dependencies", Self.breakdown(dependenciesByType.map { ($0.0.rawValue, $0.1) })),
            ("Calendars", String(calendars.count)),
        ]
        for calendar in calendars {
            let exceptions = calendar.exceptions == 1 ? "1 exception" : "\(calendar.exceptions) exceptions"
            rows.append(("", "\(calendar.name) [\(calendar.id)]: \(exceptions)"))
        }
        rows += [
            ("Custom fields", Self.breakdown(customFieldsByEntity.map { ($0.0.rawValue, $0.1) })),
            ("Extensions", String(extensionCount)),
        ]
        let width = rows.map(\.label.count).max()! + 3
        let table = rows.map { row in
            row.label.isEmpty ? "  " + row.value : (row.label + ":").padded(to: width) + row.value
        }
        return (table + dcmaLines).joined(separator: "\n") + "\n"
    }

    /// The DCMA headline (how many checks passed, failed, did not apply), then its table.
    private var dcmaLines: [String] {
        let outcomes = dcma.map(\.outcomeText)
        let counts = ["pass", "fail", "n/a"].map { name in "\(outcomes.filter { $0 == name }.count) \(name)" }
        return ["Schedule quality (DCMA 14-point): " + counts.joined(separator: ", ")] + dcma.map(\.tableRow)
    }

    /// `finish 2024-03-28 17:00, critical path 3 tasks over 15 days, 4 critical tasks`, or why
    /// there is no schedule.
    private var scheduleLine: String {
        if tasksByKind.allSatisfy({ $0.1 == 0 }) { return "(no tasks)" }
        guard schedule.isScheduled, let finish = schedule.projectFinish else {
            let reason = schedule.diagnostics.first { $0.severity == .error }?.code.rawValue ?? "nothing to schedule"
            return "not computed (\(reason))"
        }
        var parts = ["finish \(Self.readable(finish))"]
        if let path = schedule.longestCriticalPath {
            parts.append("critical path \(path.tasks.count) \(path.tasks.count == 1 ? "task" : "tasks") over \(Schedule.days(path.minutes, conventions))")
        }
        let critical = schedule.criticalTaskCount
        parts.append("\(critical) critical \(critical == 1 ? "task" : "tasks")")
        return parts.joined(separator: ", ")
    }

    /// `12 (9 tasks, 2 summaries, 1 milestone)`, leaving out the kinds there are none of.
    private static func breakdown(_ parts: [(String, Int)]) -> String {
        let total = parts.reduce(0) { $0 + $1.1 }
        let present = parts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        return present.isEmpty ? "0" : "\(total) (\(present.joined(separator: ", ")))"
    }

    private static func range(_ start: CivilDateTime?, _ finish: CivilDateTime?) -> String {
        if start == nil && finish == nil { return "(none)" }
        return "\(start.map(readable) ?? "?") to \(finish.map(readable) ?? "?")"
    }

    /// `2024-03-04 08:00`, seconds only when there are some.
    private static func readable(_ moment: CivilDateTime) -> String {
        let time = moment.secondOfDay
        var text = "\(moment.date) \(Self.twoDigits(time / 3600)):\(Self.twoDigits(time / 60 % 60))"
        if time % 60 != 0 { text += ":\(Self.twoDigits(time % 60))" }
        return text
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

extension TaskKind {
    fileprivate func plural(_ count: Int) -> String {
        switch self {
        case .task: return count == 1 ? "task" : "tasks"
        case .summary: return count == 1 ? "summary" : "summaries"
        case .milestone: return count == 1 ? "milestone" : "milestones"
        }
    }
}
