import PlanModel

extension PlanSummary {
    /// The same facts for machines: every kind listed, zeros included, dates as ISO civil times.
    var json: JSONValue {
        let date = { (moment: CivilDateTime?) in JSONValue.string(moment?.description) }
        return .object([
            ("file", .string(source)),
            ("format", .string(format.id)),
            ("plans", .int(planCount)),
            ("project", .object([("name", .string(projectName)), ("start", date(projectStart)), ("finish", date(projectFinish))])),
            ("taskDates", .object([("start", date(firstTaskStart)), ("finish", date(lastTaskFinish))])),
            ("schedule", scheduleJSON),
            ("tasks", Self.counts(tasksByKind.map { ($0.0.rawValue, $0.1) }, key: "byKind")),
            ("resources", Self.counts(resourcesByType.map { ($0.0.rawValue, $0.1) }, key: "byType")),
            ("assignments", .int(assignmentCount)),
            ("dependencies", Self.counts(dependenciesByType.map { ($0.0.rawValue, $0.1) }, key: "byType")),
            ("calendars", .array(calendars.map { .object([("id", .string($0.id.rawValue)), ("name", .string($0.name)), ("exceptions", .int($0.exceptions))]) })),
            ("customFields", Self.counts(customFieldsByEntity.map { ($0.0.rawValue, $0.1) }, key: "byEntity")),
            ("extensions", .int(extensionCount)),
            ("diagnostics", .array(diagnostics.map(\.json))),
            ("dcma", .array(dcma.map(\.json))),
        ])
    }

    /// The computed finish, the longest critical path (identities and working minutes) and the
    /// number of critical tasks; nulls when the plan cannot be scheduled.
    private var scheduleJSON: JSONValue {
        let path = schedule.longestCriticalPath
        return .object([
            ("finish", .string(schedule.projectFinish?.description)),
            ("criticalPath", path.map { longest in
                .object([("tasks", .array(longest.tasks.map { .string($0.rawValue) })), ("workingMinutes", .int(longest.minutes))])
            } ?? .null),
            ("criticalTasks", schedule.isScheduled ? .int(schedule.criticalTaskCount) : .null),
        ])
    }

    private static func counts(_ parts: [(String, Int)], key: String) -> JSONValue {
        .object([("total", .int(parts.reduce(0) { $0 + $1.1 })), (key, .object(parts.map { ($0.0, .int($0.1)) }))])
    }
}
