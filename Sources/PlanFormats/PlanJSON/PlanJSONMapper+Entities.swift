import PlanModel

// Tasks, resources, assignments, dependencies and custom field definitions. A key the model has
// a default for may be absent; identities and names are required (`json.missing-key`).
extension PlanJSONMapper {
    mutating func task() throws(JSONReadFailure) -> PlanTask? {
        guard var state = try beginObject(TaskKey.self) else { return nil }
        var task = PlanTask(id: "", name: "")
        while let key = try nextKey(&state) {
            switch key {
            case .id:
                guard let id = try string() else { continue }
                task.id = TaskID(rawValue: id)
                currentEntity = .task(task.id)
            case .displayID: task.displayID = try int()
            case .name: task.name = try string() ?? ""
            case .wbs: task.wbs = try string()
            case .outlineNumber: task.outlineNumber = try string()
            case .outlineLevel: task.outlineLevel = try int() ?? 1
            case .parent: task.parent = try string().map(TaskID.init(rawValue:))
            case .kind:
                task.kind = try name("task kind", TaskKind.allCases.map(\.rawValue), TaskKind.init(rawValue:)) ?? .task
            case .isManuallyScheduled: task.isManuallyScheduled = try bool() ?? false
            case .isActive: task.isActive = try bool() ?? true
            case .start: task.start = try dateTime()
            case .finish: task.finish = try dateTime()
            case .duration: task.duration = try duration()
            case .work: task.work = try duration()
            case .percentComplete: task.percentComplete = try int()
            case .percentWorkComplete: task.percentWorkComplete = try int()
            case .actualStart: task.actualStart = try dateTime()
            case .actualFinish: task.actualFinish = try dateTime()
            case .actualDuration: task.actualDuration = try duration()
            case .actualWork: task.actualWork = try duration()
            case .remainingDuration: task.remainingDuration = try duration()
            case .constraint: task.constraint = try constraint()
            case .deadline: task.deadline = try dateTime()
            case .priority: task.priority = try int()
            case .notes: task.notes = try string()
            case .cost: task.cost = try amount()
            case .fixedCost: task.fixedCost = try amount()
            case .baselines: task.baselines = try array { m throws(JSONReadFailure) in try m.baseline() }
            case .calendar: task.calendar = try string().map(CalendarID.init(rawValue:))
            case .status: task.status = try string()
            case .customFields: task.customFields = try customFields()
            case .extensions: task.extensions = try extensions()
            }
        }
        requireKeys(state, [.id, .name])
        currentEntity = nil
        return task
    }

    private mutating func constraint() throws(JSONReadFailure) -> Constraint? {
        guard var state = try beginObject(ConstraintKey.self) else { return nil }
        var constraint = Constraint(type: .asSoonAsPossible)
        while let key = try nextKey(&state) {
            switch key {
            case .type:
                let codes = ConstraintType.allCases.map(\.code)
                constraint.type = try name("constraint type", codes, ConstraintType.init(code:)) ?? .asSoonAsPossible
            case .date: constraint.date = try dateTime()
            }
        }
        requireKeys(state, [.type])
        return constraint
    }

    mutating func baseline() throws(JSONReadFailure) -> Baseline? {
        guard var state = try beginObject(BaselineKey.self) else { return nil }
        var baseline = Baseline(number: 0)
        while let key = try nextKey(&state) {
            switch key {
            case .number: baseline.number = try int() ?? 0
            case .start: baseline.start = try dateTime()
            case .finish: baseline.finish = try dateTime()
            case .duration: baseline.duration = try duration()
            case .work: baseline.work = try duration()
            case .cost: baseline.cost = try amount()
            }
        }
        requireKeys(state, [.number])
        return baseline
    }

    mutating func resource() throws(JSONReadFailure) -> Resource? {
        guard var state = try beginObject(ResourceKey.self) else { return nil }
        var resource = Resource(id: "", name: "")
        while let key = try nextKey(&state) {
            switch key {
            case .id:
                guard let id = try string() else { continue }
                resource.id = ResourceID(rawValue: id)
                currentEntity = .resource(resource.id)
            case .displayID: resource.displayID = try int()
            case .name: resource.name = try string() ?? ""
            case .initials: resource.initials = try string()
            case .type:
                resource.type =
                    try name("resource type", ResourceType.allCases.map(\.rawValue), ResourceType.init(rawValue:)) ?? .work
            case .materialLabel: resource.materialLabel = try string()
            case .email: resource.email = try string()
            case .group: resource.group = try string()
            case .maxUnits: resource.maxUnits = try double()
            case .standardRate: resource.standardRate = try rate()
            case .overtimeRate: resource.overtimeRate = try rate()
            case .costPerUse: resource.costPerUse = try amount()
            case .calendar: resource.calendar = try string().map(CalendarID.init(rawValue:))
            case .notes: resource.notes = try string()
            case .baselines: resource.baselines = try array { m throws(JSONReadFailure) in try m.baseline() }
            case .customFields: resource.customFields = try customFields()
            case .extensions: resource.extensions = try extensions()
            }
        }
        requireKeys(state, [.id, .name])
        currentEntity = nil
        return resource
    }

    private mutating func rate() throws(JSONReadFailure) -> Rate? {
        guard var state = try beginObject(RateKey.self) else { return nil }
        var rate = Rate(amount: .zero)
        while let key = try nextKey(&state) {
            switch key {
            case .amount: rate.amount = try amount() ?? .zero
            case .per: rate.per = try durationUnit() ?? .hours
            }
        }
        requireKeys(state, [.amount])
        return rate
    }

    mutating func assignment() throws(JSONReadFailure) -> Assignment? {
        guard var state = try beginObject(AssignmentKey.self) else { return nil }
        var assignment = Assignment(id: "", task: "", resource: nil)
        while let key = try nextKey(&state) {
            switch key {
            case .id:
                guard let id = try string() else { continue }
                assignment.id = AssignmentID(rawValue: id)
                currentEntity = .assignment(assignment.id)
            case .task: assignment.task = TaskID(rawValue: try string() ?? "")
            case .resource: assignment.resource = try string().map(ResourceID.init(rawValue:))
            case .units: assignment.units = try double()
            case .work: assignment.work = try duration()
            case .actualWork: assignment.actualWork = try duration()
            case .remainingWork: assignment.remainingWork = try duration()
            case .start: assignment.start = try dateTime()
            case .finish: assignment.finish = try dateTime()
            case .cost: assignment.cost = try amount()
            case .baselines: assignment.baselines = try array { m throws(JSONReadFailure) in try m.baseline() }
            case .customFields: assignment.customFields = try customFields()
            case .extensions: assignment.extensions = try extensions()
            }
        }
        requireKeys(state, [.id, .task])
        currentEntity = nil
        return assignment
    }

    mutating func dependency() throws(JSONReadFailure) -> Dependency? {
        guard var state = try beginObject(DependencyKey.self) else { return nil }
        var dependency = Dependency(predecessor: "", successor: "")
        while let key = try nextKey(&state) {
            switch key {
            case .predecessor: dependency.predecessor = TaskID(rawValue: try string() ?? "")
            case .successor: dependency.successor = TaskID(rawValue: try string() ?? "")
            case .type:
                let names = DependencyType.allCases.map(\.rawValue)
                dependency.type = try name("dependency type", names, DependencyType.init(rawValue:)) ?? .finishToStart
            case .lag: dependency.lag = try lag() ?? .zero
            case .extensions: dependency.extensions = try extensions()
            }
        }
        requireKeys(state, [.predecessor, .successor])
        return dependency
    }

    mutating func fieldDefinition() throws(JSONReadFailure) -> CustomFieldDefinition? {
        guard var state = try beginObject(FieldDefinitionKey.self) else { return nil }
        var definition = CustomFieldDefinition(id: "", name: "", type: .text, entity: .task)
        while let key = try nextKey(&state) {
            switch key {
            case .id: definition.id = try string() ?? ""
            case .name: definition.name = try string() ?? ""
            case .alias: definition.alias = try string()
            case .type:
                let names = CustomFieldType.allCases.map(\.rawValue)
                definition.type = try name("custom field type", names, CustomFieldType.init(rawValue:)) ?? .text
            case .entity:
                let names = EntityKind.allCases.map(\.rawValue)
                definition.entity = try name("entity kind", names, EntityKind.init(rawValue:)) ?? .task
            case .sourceFieldID: definition.sourceFieldID = try string()
            }
        }
        requireKeys(state, [.id, .name, .type, .entity])
        return definition
    }
}
