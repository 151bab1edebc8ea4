import PlanModel
import PlanSchedule

/// Rules that need the plan's logic, answered from the one schedule the context computed.
extension ValidationRule {
    /// The scheduler already finds every cycle with its full path; validation reports them under
    /// its own code so that `--disable dependency-cycle` and pipelines see one stable name.
    static let dependencyCycle = ValidationRule("dependency-cycle", .semantics, "links lead back to where they started (the full path is given)", usesSchedule: true) { context in
        context.schedule.diagnostics.filter { $0.code == .scheduleDependencyCycle }.map { cycle in
            Diagnostic(.validateDependencyCycle, cycle.message, at: context.location, entity: cycle.entity)
        }
    }

    static let constraintContradiction = ValidationRule("constraint-contradiction", .semantics, "a constraint date contradicts the links, or forces the task past its deadline", usesSchedule: true) { context in
        let hard: Set<ConstraintType> = [.mustStartOn, .mustFinishOn, .startNoLaterThan, .finishNoLaterThan]
        var predecessors: [TaskID: [TaskID]] = [:]
        for link in context.plan.dependencies { predecessors[link.successor, default: []].append(link.predecessor) }
        // MS Project lets a hard constraint win over the links; the negative slack then shows on
        // the task or on the predecessors it no longer leaves time for.
        func slack(_ id: TaskID) -> Int? {
            ([id] + (predecessors[id] ?? [])).compactMap { context.schedule.tasks[$0]?.totalSlack }.min()
        }
        var found: [Diagnostic] = []
        for task in context.plan.tasks {
            guard let constraint = task.constraint else { continue }
            guard let date = constraint.date else {
                if constraint.type.needsDate {
                    found.append(context.finding(.validateConstraintContradiction, "\(context.label(task.id)) has a \(constraint.type.code) constraint without a date", .task(task.id)))
                }
                continue
            }
            let pushesPastDeadline = [.startNoEarlierThan, .finishNoEarlierThan, .mustStartOn, .mustFinishOn].contains(constraint.type)
            if pushesPastDeadline, let deadline = task.deadline, date > deadline {
                found.append(context.finding(.validateConstraintContradiction,
                    "\(context.label(task.id)) may not be done before \(date) (\(constraint.type.code)) but its deadline is \(deadline)", .task(task.id)))
            } else if hard.contains(constraint.type), let slack = slack(task.id), slack < 0 {
                found.append(context.finding(.validateConstraintContradiction,
                    "\(context.label(task.id)) must meet \(constraint.type.code) \(date), but its predecessors make that \(workingDays(-slack, context)) working days too early",
                    .task(task.id)))
            }
        }
        return found
    }

    static func workingDays(_ minutes: Int, _ context: ValidationContext) -> String {
        let tenths = (minutes * 10 + context.minutesPerDay / 2) / context.minutesPerDay
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}

/// Resources and calendars.
extension ValidationRule {
    static let nonWorkResourceWork = ValidationRule("non-work-resource-work", .semantics, "an assignment gives working hours to a material or cost resource") { context in
        let types = Dictionary(context.plan.resources.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
        return context.plan.assignments.compactMap { assignment in
            guard let resource = assignment.resource, let type = types[resource], type != .work,
                let work = assignment.work, work.minutes > 0 else { return nil }
            return context.finding(.validateNonWorkResourceWork,
                "the \(type.rawValue) resource '\(resource)' is given \(work.minutes) minutes of work on \(context.label(assignment.task)); only work resources take hours",
                .assignment(assignment.id))
        }
    }

    /// Two years is more than any weekly pattern or yearly holiday repeats over, so a calendar
    /// without a working minute in them will never let a task finish.
    static let calendarNoWorkingTime = ValidationRule("calendar-no-working-time", .semantics, "a calendar has no working time in two years; tasks on it cannot be scheduled") { context in
        let anchor = (context.plan.project.start ?? context.plan.tasks.compactMap(\.start).min())?.date ?? CivilDate(year: 2000, month: 1, day: 3)!
        return context.plan.calendars.compactMap { calendar in
            let resolved = context.calendars.calendar(calendar.id)
            guard !(0..<730).contains(where: { resolved.workingMinutes(on: anchor.adding(days: $0)) > 0 }) else { return nil }
            return context.finding(.validateCalendarNoWorkingTime, "calendar '\(calendar.name)' has no working time in the two years from \(anchor)", .calendar(calendar.id))
        }
    }

    /// Base-calendar cycles and duplicate calendar identities, as the calendar resolver finds them.
    static let calendarStructure = ValidationRule("calendar-structure", .semantics, "calendars inherit from each other in a circle, or hold impossible working times") { context in
        context.calendars.diagnostics.filter { $0.code != .calendarMissingBase && $0.code != .calendarDuplicateID }.map {
            Diagnostic(.validateCalendarStructure, $0.message, at: context.location, entity: $0.entity, severity: $0.severity)
        }
    }
}
