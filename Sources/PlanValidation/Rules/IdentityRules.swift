import PlanModel

/// Identities must be unique and every reference must land: a migration that silently drops a
/// dependency because its predecessor does not exist is the loss users fear most.
extension ValidationRule {
    static let duplicateID = ValidationRule("duplicate-id", .semantics, "two tasks, resources, assignments or calendars share one identity") { context in
        let plan = context.plan
        var found: [Diagnostic] = []
        func report<ID: Hashable & CustomStringConvertible>(_ ids: [ID], _ kind: String, _ entity: (ID) -> EntityRef) {
            var counts: [ID: Int] = [:]
            var order: [ID] = []
            for id in ids {
                if counts[id] == nil { order.append(id) }
                counts[id, default: 0] += 1
            }
            for id in order where counts[id]! > 1 {
                found.append(context.finding(.validateDuplicateID, "\(counts[id]!) \(kind)s share the identity '\(id)'; references to it are ambiguous", entity(id)))
            }
        }
        report(plan.tasks.map(\.id), "task", EntityRef.task)
        report(plan.resources.map(\.id), "resource", EntityRef.resource)
        report(plan.assignments.map(\.id), "assignment", EntityRef.assignment)
        report(plan.calendars.map(\.id), "calendar", EntityRef.calendar)
        return found
    }

    static let danglingReference = ValidationRule("dangling-reference", .semantics, "a link, assignment, parent or calendar names something the plan does not have") { context in
        let plan = context.plan
        let resources = Set(plan.resources.map(\.id))
        let calendars = Set(plan.calendars.map(\.id))
        var found: [Diagnostic] = []
        func missing(_ what: String, _ entity: EntityRef, severity: Severity? = nil) {
            found.append(Diagnostic(.validateDanglingReference, what, at: context.location, entity: entity, severity: severity))
        }
        for link in plan.dependencies {
            let entity = EntityRef.dependency(predecessor: link.predecessor, successor: link.successor)
            if !context.hasTask(link.predecessor) { missing("the link's predecessor '\(link.predecessor)' is not a task of this plan", entity) }
            if !context.hasTask(link.successor) { missing("the link's successor '\(link.successor)' is not a task of this plan", entity) }
        }
        for assignment in plan.assignments {
            if !context.hasTask(assignment.task) { missing("the assignment's task '\(assignment.task)' is not in the plan", .assignment(assignment.id)) }
            if let resource = assignment.resource, !resources.contains(resource) {
                missing("the assignment's resource '\(resource)' is not in the plan", .assignment(assignment.id))
            }
        }
        for task in plan.tasks {
            if let parent = task.parent, !context.hasTask(parent) { missing("the parent task '\(parent)' is not in the plan", .task(task.id)) }
            if let calendar = task.calendar, !calendars.contains(calendar) { missing("the task calendar '\(calendar)' is not in the plan", .task(task.id)) }
        }
        for resource in plan.resources {
            if let calendar = resource.calendar, !calendars.contains(calendar) {
                // MS Project itself writes this for its unassigned resource (UID 0) in every file; the
                // resource then works on the project calendar, so it is worth a warning, no more.
                missing("the resource calendar '\(calendar)' is not in the plan; the project calendar is used", .resource(resource.id), severity: .warning)
            }
        }
        for calendar in plan.calendars {
            if let base = calendar.baseCalendar, !calendars.contains(base) {
                missing("the base calendar '\(base)' of '\(calendar.name)' is not in the plan", .calendar(calendar.id))
            }
        }
        if let calendar = plan.project.defaultCalendar, !calendars.contains(calendar) {
            missing("the project calendar '\(calendar)' is not in the plan", .project)
        }
        return found
    }
}
