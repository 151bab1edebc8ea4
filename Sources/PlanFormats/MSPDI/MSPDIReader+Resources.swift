import PlanModel

/// One `<Resource>` while it is read.
struct ResourceState {
    var resource = Resource(id: "", name: "")
    var uid: Int?
    var typeCode: Int?
    var isCostResource = false
    var location = SourceLocation()
}

/// One `<Assignment>` while it is read.
struct AssignmentState {
    var uid: Int?
    var taskUID: Int?
    var resourceUID: Int?
    var units: Double?
    var work: WorkDuration?
    var actualWork: WorkDuration?
    var remainingWork: WorkDuration?
    var start: CivilDateTime?
    var finish: CivilDateTime?
    var cost: Amount?
    var baselines: [Baseline] = []
    var customFields: CustomFields = [:]
    var extensions: Extensions = [:]
}

/// One `<Baseline>` of a task, resource or assignment.
struct BaselineState {
    var number: Int?
    var start: CivilDateTime?
    var finish: CivilDateTime?
    var durationMinutes: Int?
    var durationFormat: Int?
    var work: WorkDuration?
    var cost: Amount?
    /// Children the model has no field for, kept under `mspdi:Baseline[<Number>]/<Name>`.
    var kept: [(String, String)] = []
}

extension MSPDIDocumentBuilder {
    private var resourceEntity: EntityRef? { resource.uid.map { .resource(ResourceID(MSPDIDocumentBuilder.uidText($0))) } }

    func resourceLeaf(_ element: MSPDIElement) {
        if resource.uid == nil && resource.location.line == nil {
            resource.location = valueLocation
        }
        switch element {
        case .UID:
            resource.uid = value(element, entity: nil, MSPDI.int)
            if let uid = resource.uid { resource.resource.id = ResourceID(MSPDIDocumentBuilder.uidText(uid)) }
        case .ID: resource.resource.displayID = value(element, entity: resourceEntity, MSPDI.int)
        case .Name: resource.resource.name = textString
        case .Type: resource.typeCode = value(element, entity: resourceEntity, MSPDI.int)
        case .Initials: resource.resource.initials = textString
        case .MaterialLabel: resource.resource.materialLabel = textString
        case .Group: resource.resource.group = textString
        case .EmailAddress: resource.resource.email = textString
        case .MaxUnits: resource.resource.maxUnits = value(element, entity: resourceEntity, MSPDI.double)
        case .StandardRate:
            // Rates are currency per hour on disk (brief §2.3); the display unit stays in
            // `StandardRateFormat`, kept as an extension.
            resource.resource.standardRate = value(element, entity: resourceEntity) { MSPDI.amount(units: $0) }.map { Rate(amount: $0, per: .hours) }
        case .OvertimeRate:
            resource.resource.overtimeRate = value(element, entity: resourceEntity) { MSPDI.amount(units: $0) }.map { Rate(amount: $0, per: .hours) }
        case .CostPerUse: resource.resource.costPerUse = money(element, entity: resourceEntity)
        case .CalendarUID:
            if let uid = value(element, entity: resourceEntity, MSPDI.int), uid >= 0 { resource.resource.calendar = CalendarID(MSPDIDocumentBuilder.uidText(uid)) }
        case .Notes: resource.resource.notes = textString
        case .IsCostResource: resource.isCostResource = value(element, entity: resourceEntity, MSPDI.bool) ?? false
        default: break
        }
    }

    func endResource() {
        guard resource.uid != nil else {
            diagnostics.append(Diagnostic(.mspdiMissingUID, "a resource without a UID was skipped", at: resource.location))
            return
        }
        if let type = MSPDI.resourceType(code: resource.typeCode ?? 1, isCostResource: resource.isCostResource) {
            resource.resource.type = type
        } else {
            diagnostics.append(Diagnostic(
                .mspdiBadValue, "resource Type \(resource.typeCode ?? 1) is not a known code; read as work",
                at: resource.location, entity: resourceEntity))
        }
        plan.resources.append(resource.resource)
    }

    // MARK: Assignments

    private var assignmentEntity: EntityRef? { assignment.uid.map { .assignment(AssignmentID(MSPDIDocumentBuilder.uidText($0))) } }

    func assignmentLeaf(_ element: MSPDIElement) {
        switch element {
        case .UID: assignment.uid = value(element, entity: nil, MSPDI.int)
        case .TaskUID: assignment.taskUID = value(element, entity: assignmentEntity, MSPDI.int)
        case .ResourceUID: assignment.resourceUID = value(element, entity: assignmentEntity, MSPDI.int)
        case .Units: assignment.units = value(element, entity: assignmentEntity, MSPDI.double)
        case .Work: assignment.work = work(element, entity: assignmentEntity)
        case .ActualWork: assignment.actualWork = work(element, entity: assignmentEntity)
        case .RemainingWork: assignment.remainingWork = work(element, entity: assignmentEntity)
        case .Start: assignment.start = dateTime(element, entity: assignmentEntity)
        case .Finish: assignment.finish = dateTime(element, entity: assignmentEntity)
        case .Cost: assignment.cost = money(element, entity: assignmentEntity)
        default: break
        }
    }

    func endAssignment() {
        guard let uid = assignment.uid, let taskUID = assignment.taskUID else {
            diagnostics.append(Diagnostic(.mspdiMissingUID, "an assignment without UID or TaskUID was skipped", at: valueLocation))
            return
        }
        lastAssignmentExtensionCount = assignment.extensions.count
        let resource = assignment.resourceUID.flatMap { $0 == MSPDI.unassignedResourceUID ? nil : ResourceID(MSPDIDocumentBuilder.uidText($0)) }
        plan.assignments.append(Assignment(
            id: AssignmentID(MSPDIDocumentBuilder.uidText(uid)), task: TaskID(MSPDIDocumentBuilder.uidText(taskUID)), resource: resource, units: assignment.units,
            work: assignment.work, actualWork: assignment.actualWork, remainingWork: assignment.remainingWork,
            start: assignment.start, finish: assignment.finish, cost: assignment.cost, baselines: assignment.baselines,
            customFields: assignment.customFields, extensions: assignment.extensions))
    }

    // MARK: Baselines

    func baselineLeaf(_ element: MSPDIElement) {
        switch element {
        case .Number: baseline.number = value(element, MSPDI.int)
        case .Start: baseline.start = dateTime(element, entity: nil)
        case .Finish: baseline.finish = dateTime(element, entity: nil)
        case .Duration: baseline.durationMinutes = durationMinutes(element, entity: nil)
        case .DurationFormat: baseline.durationFormat = value(element, MSPDI.int)
        case .Work: baseline.work = work(element, entity: nil)
        case .Cost: baseline.cost = money(element, entity: nil)
        default: break
        }
    }

    func endBaseline(owner: MSPDIElement?) {
        guard let number = baseline.number, Baseline.numbers.contains(number) else {
            warn(.mspdiBadValue, "a Baseline without a Number from 0 to 10 was skipped")
            return
        }
        var result = Baseline(number: number, start: baseline.start, finish: baseline.finish, work: baseline.work, cost: baseline.cost)
        if let minutes = baseline.durationMinutes {
            let code = baseline.durationFormat ?? (owner == .Task ? task.durationFormat : nil)
            result.duration = duration(minutes: minutes, format: durationShape(code: code))
        } else if let code = baseline.durationFormat {
            baseline.kept.append(("DurationFormat", "<DurationFormat>\(code)</DurationFormat>"))
        }
        var extensions: Extensions = [:]
        for (name, xml) in baseline.kept {
            extensions[MSPDI.extensionKey("Baseline", String(number), name), default: ""] += xml
        }
        switch owner {
        case .Task?:
            task.task.baselines.append(result)
            task.task.extensions.merge(extensions) { $0 + $1 }
        case .Resource?:
            resource.resource.baselines.append(result)
            resource.resource.extensions.merge(extensions) { $0 + $1 }
        case .Assignment?:
            assignment.baselines.append(result)
            assignment.extensions.merge(extensions) { $0 + $1 }
        default: break
        }
    }
}
