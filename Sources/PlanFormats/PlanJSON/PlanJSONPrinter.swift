import PlanModel

/// Prints the entities of a plan into a `JSONOutput`, following the rules documented on
/// `PlanJSONWriter`. Value encodings shared by several entities live in `PlanJSONPrinter+Values`.
struct PlanJSONPrinter {
    var out: JSONOutput

    init(capacityHint: Int) { out = JSONOutput(capacity: capacityHint) }

    /// A generous guess of the output size, so that the buffer never has to grow (growing copies it
    /// and briefly holds old and new). Guessing high costs little: pages of the reservation that
    /// are never written are never made resident.
    static func estimatedSize(of plan: Plan) -> Int {
        4096 + plan.tasks.count * 2048 + plan.resources.count * 1024 + plan.assignments.count * 768
            + plan.dependencies.count * 256 + plan.calendars.count * 8192
    }

    mutating func print(_ plan: Plan) throws(NonFiniteNumber) {
        out.openObject()
        out.key(TopLevelKey.format)
        out.raw("\"planbridge\"")
        out.key(TopLevelKey.version)
        out.int(PlanJSONWriter.formatVersion)
        out.key(TopLevelKey.project)
        do { try project(plan.project) } catch { throw error.inside(".project", entity: .project) }

        out.key(TopLevelKey.calendars)
        out.openArray()
        for calendar in plan.calendars { self.calendar(calendar) }
        out.closeArray()

        out.key(TopLevelKey.tasks)
        out.openArray()
        for (i, task) in plan.tasks.enumerated() {
            do { try self.task(task) } catch { throw error.inside(".tasks[\(i)]", entity: .task(task.id)) }
        }
        out.closeArray()

        out.key(TopLevelKey.resources)
        out.openArray()
        for (i, resource) in plan.resources.enumerated() {
            do { try self.resource(resource) } catch {
                throw error.inside(".resources[\(i)]", entity: .resource(resource.id))
            }
        }
        out.closeArray()

        out.key(TopLevelKey.assignments)
        out.openArray()
        for (i, assignment) in plan.assignments.enumerated() {
            do { try self.assignment(assignment) } catch {
                throw error.inside(".assignments[\(i)]", entity: .assignment(assignment.id))
            }
        }
        out.closeArray()

        out.key(TopLevelKey.dependencies)
        out.openArray()
        for dependency in plan.dependencies { self.dependency(dependency) }
        out.closeArray()

        out.key(TopLevelKey.customFieldDefinitions)
        out.openArray()
        for definition in plan.customFieldDefinitions { fieldDefinition(definition) }
        out.closeArray()

        out.key(TopLevelKey.extensions)
        extensionsObject(plan.extensions)
        out.closeObject()
        out.byte(UInt8(ascii: "\n"))
    }

    // MARK: Entities

    private mutating func project(_ project: Project) throws(NonFiniteNumber) {
        out.openObject()
        optionalString(ProjectKey.name, project.name)
        optionalString(ProjectKey.title, project.title)
        optionalString(ProjectKey.subject, project.subject)
        optionalString(ProjectKey.author, project.author)
        optionalString(ProjectKey.company, project.company)
        optionalString(ProjectKey.manager, project.manager)
        optionalDateTime(ProjectKey.start, project.start)
        optionalDateTime(ProjectKey.finish, project.finish)
        optionalDateTime(ProjectKey.statusDate, project.statusDate)
        optionalDateTime(ProjectKey.currentDate, project.currentDate)
        optionalDateTime(ProjectKey.creationDate, project.creationDate)
        optionalDateTime(ProjectKey.lastSaved, project.lastSaved)
        optionalString(ProjectKey.currencyCode, project.currencyCode)
        optionalString(ProjectKey.currencySymbol, project.currencySymbol)
        optionalInt(ProjectKey.currencyDigits, project.currencyDigits)
        optionalString(ProjectKey.defaultCalendar, project.defaultCalendar?.rawValue)
        out.key(ProjectKey.conventions)
        out.byte(UInt8(ascii: "{"))
        out.inlineKey(ConventionsKey.minutesPerDay, first: true)
        out.int(project.conventions.minutesPerDay)
        out.inlineKey(ConventionsKey.minutesPerWeek)
        out.int(project.conventions.minutesPerWeek)
        out.inlineKey(ConventionsKey.daysPerMonth)
        out.int(project.conventions.daysPerMonth)
        out.byte(UInt8(ascii: "}"))
        out.key(ProjectKey.scheduleFrom)
        out.string(project.scheduleFrom.rawValue)
        optionalTime(ProjectKey.defaultStartTime, project.defaultStartTime)
        optionalTime(ProjectKey.defaultFinishTime, project.defaultFinishTime)
        optionalString(ProjectKey.timeZone, project.timeZone)
        try customFields(ProjectKey.customFields, project.customFields)
        extensions(ProjectKey.extensions, project.extensions)
        out.closeObject()
    }

    private mutating func task(_ task: PlanTask) throws(NonFiniteNumber) {
        out.element()
        out.openObject()
        out.key(TaskKey.id)
        out.string(task.id.rawValue)
        optionalInt(TaskKey.displayID, task.displayID)
        out.key(TaskKey.name)
        out.string(task.name)
        optionalString(TaskKey.wbs, task.wbs)
        optionalString(TaskKey.outlineNumber, task.outlineNumber)
        out.key(TaskKey.outlineLevel)
        out.int(task.outlineLevel)
        optionalString(TaskKey.parent, task.parent?.rawValue)
        out.key(TaskKey.kind)
        out.string(task.kind.rawValue)
        trueOnly(TaskKey.isManuallyScheduled, task.isManuallyScheduled)
        falseOnly(TaskKey.isActive, task.isActive)
        optionalDateTime(TaskKey.start, task.start)
        optionalDateTime(TaskKey.finish, task.finish)
        optionalDuration(TaskKey.duration, task.duration)
        optionalDuration(TaskKey.work, task.work)
        optionalInt(TaskKey.percentComplete, task.percentComplete)
        optionalInt(TaskKey.percentWorkComplete, task.percentWorkComplete)
        optionalDateTime(TaskKey.actualStart, task.actualStart)
        optionalDateTime(TaskKey.actualFinish, task.actualFinish)
        optionalDuration(TaskKey.actualDuration, task.actualDuration)
        optionalDuration(TaskKey.actualWork, task.actualWork)
        optionalDuration(TaskKey.remainingDuration, task.remainingDuration)
        if let constraint = task.constraint {
            out.key(TaskKey.constraint)
            out.byte(UInt8(ascii: "{"))
            out.inlineKey(ConstraintKey.type, first: true)
            out.string(constraint.type.code)
            if let date = constraint.date {
                out.inlineKey(ConstraintKey.date)
                dateTime(date)
            }
            out.byte(UInt8(ascii: "}"))
        }
        optionalDateTime(TaskKey.deadline, task.deadline)
        optionalInt(TaskKey.priority, task.priority)
        optionalString(TaskKey.notes, task.notes)
        optionalAmount(TaskKey.cost, task.cost)
        optionalAmount(TaskKey.fixedCost, task.fixedCost)
        baselines(TaskKey.baselines, task.baselines)
        optionalString(TaskKey.calendar, task.calendar?.rawValue)
        optionalString(TaskKey.status, task.status)
        try customFields(TaskKey.customFields, task.customFields)
        extensions(TaskKey.extensions, task.extensions)
        out.closeObject()
    }

    private mutating func resource(_ resource: Resource) throws(NonFiniteNumber) {
        out.element()
        out.openObject()
        out.key(ResourceKey.id)
        out.string(resource.id.rawValue)
        optionalInt(ResourceKey.displayID, resource.displayID)
        out.key(ResourceKey.name)
        out.string(resource.name)
        optionalString(ResourceKey.initials, resource.initials)
        out.key(ResourceKey.type)
        out.string(resource.type.rawValue)
        optionalString(ResourceKey.materialLabel, resource.materialLabel)
        optionalString(ResourceKey.email, resource.email)
        optionalString(ResourceKey.group, resource.group)
        try optionalDouble(ResourceKey.maxUnits, resource.maxUnits)
        optionalRate(ResourceKey.standardRate, resource.standardRate)
        optionalRate(ResourceKey.overtimeRate, resource.overtimeRate)
        optionalAmount(ResourceKey.costPerUse, resource.costPerUse)
        optionalString(ResourceKey.calendar, resource.calendar?.rawValue)
        optionalString(ResourceKey.notes, resource.notes)
        baselines(ResourceKey.baselines, resource.baselines)
        try customFields(ResourceKey.customFields, resource.customFields)
        extensions(ResourceKey.extensions, resource.extensions)
        out.closeObject()
    }

    private mutating func assignment(_ assignment: Assignment) throws(NonFiniteNumber) {
        out.element()
        out.openObject()
        out.key(AssignmentKey.id)
        out.string(assignment.id.rawValue)
        out.key(AssignmentKey.task)
        out.string(assignment.task.rawValue)
        optionalString(AssignmentKey.resource, assignment.resource?.rawValue)
        try optionalDouble(AssignmentKey.units, assignment.units)
        optionalDuration(AssignmentKey.work, assignment.work)
        optionalDuration(AssignmentKey.actualWork, assignment.actualWork)
        optionalDuration(AssignmentKey.remainingWork, assignment.remainingWork)
        optionalDateTime(AssignmentKey.start, assignment.start)
        optionalDateTime(AssignmentKey.finish, assignment.finish)
        optionalAmount(AssignmentKey.cost, assignment.cost)
        baselines(AssignmentKey.baselines, assignment.baselines)
        try customFields(AssignmentKey.customFields, assignment.customFields)
        extensions(AssignmentKey.extensions, assignment.extensions)
        out.closeObject()
    }

    private mutating func dependency(_ dependency: Dependency) {
        out.element()
        out.openObject()
        out.key(DependencyKey.predecessor)
        out.string(dependency.predecessor.rawValue)
        out.key(DependencyKey.successor)
        out.string(dependency.successor.rawValue)
        out.key(DependencyKey.type)
        out.string(dependency.type.rawValue)
        if dependency.lag != .zero {
            out.key(DependencyKey.lag)
            lag(dependency.lag)
        }
        extensions(DependencyKey.extensions, dependency.extensions)
        out.closeObject()
    }

    private mutating func fieldDefinition(_ definition: CustomFieldDefinition) {
        out.element()
        out.openObject()
        out.key(FieldDefinitionKey.id)
        out.string(definition.id)
        out.key(FieldDefinitionKey.name)
        out.string(definition.name)
        optionalString(FieldDefinitionKey.alias, definition.alias)
        out.key(FieldDefinitionKey.type)
        out.string(definition.type.rawValue)
        out.key(FieldDefinitionKey.entity)
        out.string(definition.entity.rawValue)
        optionalString(FieldDefinitionKey.sourceFieldID, definition.sourceFieldID)
        out.closeObject()
    }

    private mutating func baselines(_ key: some JSONKeySet, _ baselines: [Baseline]) {
        guard !baselines.isEmpty else { return }
        out.key(key)
        out.openArray()
        for baseline in baselines {
            out.element()
            out.openObject()
            out.key(BaselineKey.number)
            out.int(baseline.number)
            optionalDateTime(BaselineKey.start, baseline.start)
            optionalDateTime(BaselineKey.finish, baseline.finish)
            optionalDuration(BaselineKey.duration, baseline.duration)
            optionalDuration(BaselineKey.work, baseline.work)
            optionalAmount(BaselineKey.cost, baseline.cost)
            out.closeObject()
        }
        out.closeArray()
    }
}
