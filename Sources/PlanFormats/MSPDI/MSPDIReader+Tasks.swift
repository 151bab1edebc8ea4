import PlanModel

/// One `<Task>` while it is read: the model task plus the raw values that need a sibling (a
/// duration needs its `DurationFormat`, a constraint its date) before they mean anything.
struct TaskState {
    var task = PlanTask(id: "", name: "")
    var uid: Int?
    var isNull = false
    var outlineLevel: Int?
    var durationMinutes: Int?
    var actualDurationMinutes: Int?
    var remainingDurationMinutes: Int?
    var durationFormat: Int?
    var estimated: Bool?
    var milestone = false
    var constraintType: ConstraintType?
    var constraintDate: CivilDateTime?
    var links: [Dependency] = []
    /// Where the `<Task>` start tag ended, for diagnostics about the task as a whole.
    var location = SourceLocation()
}

/// One `<PredecessorLink>`.
struct LinkState {
    var predecessor: Int?
    var type: DependencyType = .finishToStart
    var lagTenths: Int?
    var lagFormat: Int?
    var extensions: Extensions = [:]
}

/// The open outline while tasks stream by: the nearest preceding task at each lower level.
struct OutlineStack {
    var entries: [(level: Int, index: Int)] = []

    /// The index of the parent of a task at `level`, after popping deeper or equal entries.
    mutating func parent(forLevel level: Int) -> Int? {
        while let last = entries.last, last.level >= level { entries.removeLast() }
        return entries.last?.index
    }

    mutating func push(level: Int, index: Int) { entries.append((level, index)) }
}

extension MSPDIDocumentBuilder {
    func beginTask(attributes: XMLAttributes, prefix: UnsafePointer<UInt8>?) {
        let (line, column) = position
        task = TaskState()
        // Tasks of one file carry about as many kept elements each: size the table once.
        task.task.extensions.reserveCapacity(lastTaskExtensionCount)
        task.location = SourceLocation(file: sourceName, line: line, column: column)
        taskVerbatim = nil
        taskRecording = true
        taskRecord.reset()
        taskRecord.start("Task", prefix: prefix, attributes: attributes)
    }

    private var taskEntity: EntityRef? { task.uid.map { .task(TaskID(MSPDIDocumentBuilder.uidText($0))) } }

    func taskLeaf(_ element: MSPDIElement) {
        switch element {
        case .UID:
            guard let uid = value(element, entity: nil, MSPDI.int) else { return }
            task.uid = uid
            task.task.id = TaskID(MSPDIDocumentBuilder.uidText(uid))
            if uid == 0 && taskRecording { taskVerbatim = .summary }
        case .ID: task.task.displayID = value(element, entity: taskEntity, MSPDI.int)
        case .Name: task.task.name = textString
        case .Active: if let v = value(element, entity: taskEntity, MSPDI.bool) { task.task.isActive = v }
        case .Manual: if let v = value(element, entity: taskEntity, MSPDI.bool) { task.task.isManuallyScheduled = v }
        case .IsNull:
            if value(element, entity: taskEntity, MSPDI.bool) == true {
                task.isNull = true
                if taskRecording { taskVerbatim = .blank }
            }
        case .WBS: task.task.wbs = textString
        case .OutlineNumber: task.task.outlineNumber = textString
        case .OutlineLevel: task.outlineLevel = value(element, entity: taskEntity, MSPDI.int)
        case .Priority: task.task.priority = value(element, entity: taskEntity, MSPDI.int)
        case .Start: task.task.start = dateTime(element, entity: taskEntity)
        case .Finish: task.task.finish = dateTime(element, entity: taskEntity)
        case .Duration: task.durationMinutes = durationMinutes(element, entity: taskEntity, negativeWarning: true)
        case .DurationFormat: task.durationFormat = value(element, entity: taskEntity, MSPDI.int)
        case .Work: task.task.work = work(element, entity: taskEntity)
        case .Estimated: task.estimated = value(element, entity: taskEntity, MSPDI.bool)
        case .Milestone: task.milestone = value(element, entity: taskEntity, MSPDI.bool) ?? false
        case .Summary: break  // recomputed from the outline, as MPXJ does (brief §2.5)
        case .PercentComplete: task.task.percentComplete = percent(element, entity: taskEntity)
        case .PercentWorkComplete: task.task.percentWorkComplete = percent(element, entity: taskEntity)
        case .Cost: task.task.cost = money(element, entity: taskEntity)
        case .FixedCost: task.task.fixedCost = money(element, entity: taskEntity)
        case .ActualStart: task.task.actualStart = dateTime(element, entity: taskEntity)
        case .ActualFinish: task.task.actualFinish = dateTime(element, entity: taskEntity)
        case .ActualDuration: task.actualDurationMinutes = durationMinutes(element, entity: taskEntity, negativeWarning: true)
        case .ActualWork: task.task.actualWork = work(element, entity: taskEntity)
        case .RemainingDuration: task.remainingDurationMinutes = durationMinutes(element, entity: taskEntity)
        case .ConstraintType:
            guard let code = value(element, entity: taskEntity, MSPDI.int) else { return }
            if let type = MSPDI.constraintType(code: code) {
                task.constraintType = type
            } else {
                warn(.mspdiBadValue, "ConstraintType \(code) is not a known code; ignored", entity: taskEntity)
            }
        case .ConstraintDate: task.constraintDate = dateTime(element, entity: taskEntity)
        case .CalendarUID:
            if let uid = value(element, entity: taskEntity, MSPDI.int) { task.task.calendar = uid < 0 ? nil : CalendarID(MSPDIDocumentBuilder.uidText(uid)) }
        case .Deadline: task.task.deadline = dateTime(element, entity: taskEntity)
        case .Notes: task.task.notes = textString
        default: break
        }
    }

    func endTask() {
        defer {
            taskRecording = false
            taskVerbatim = nil
        }
        if let verbatim = taskVerbatim {
            keptElementCount += 1
            let key = verbatim == .summary ? MSPDI.projectSummaryTaskKey : MSPDI.nullTasksKey
            plan.extensions[key, default: ""] += taskRecord.string
            return
        }
        if task.isNull {
            // IsNull came after the head MS Project writes, so the row was not recorded: keep what
            // identifies a blank row.
            keptElementCount += 1
            var xml = "<Task>"
            if let uid = task.uid { xml += "<UID>\(uid)</UID>" }
            if let id = task.task.displayID { xml += "<ID>\(id)</ID>" }
            plan.extensions[MSPDI.nullTasksKey, default: ""] += xml + "<IsNull>1</IsNull></Task>"
            return
        }
        guard task.uid != nil else {
            diagnostics.append(Diagnostic(.mspdiMissingUID, "a task without a UID was skipped", at: task.location))
            return
        }
        finishTaskFields()
        let index = plan.tasks.count
        var level = task.outlineLevel ?? 1
        if level < 1 {
            diagnostics.append(Diagnostic(
                .mspdiBadValue, "OutlineLevel \(level) is only valid for the project summary task; read as 1",
                at: task.location, entity: .task(task.task.id)))
            level = 1
        }
        task.task.outlineLevel = level
        if let parentIndex = outline.parent(forLevel: level) {
            task.task.parent = plan.tasks[parentIndex].id
            plan.tasks[parentIndex].kind = .summary
        }
        outline.push(level: level, index: index)
        task.task.kind = task.milestone ? .milestone : .task
        for var link in task.links {
            link.successor = task.task.id
            plan.dependencies.append(link)
        }
        lastTaskExtensionCount = task.task.extensions.count
        plan.tasks.append(task.task)
    }

    /// Values that combine several elements.
    private func finishTaskFields() {
        let format = durationShape(code: task.durationFormat)
        let estimated = task.estimated == true
        if let minutes = task.durationMinutes {
            task.task.duration = duration(minutes: minutes, format: format, estimated: estimated)
        } else {
            // No duration to carry them: keep the flags as they were written.
            if let code = task.durationFormat { task.task.extensions["mspdi:DurationFormat"] = "<DurationFormat>\(code)</DurationFormat>" }
            if let e = task.estimated { task.task.extensions["mspdi:Estimated"] = "<Estimated>\(e ? 1 : 0)</Estimated>" }
        }
        if let minutes = task.actualDurationMinutes {
            task.task.actualDuration = duration(minutes: minutes, format: MSPDI.DurationFormat(kind: format.kind, isElapsed: format.isElapsed))
        }
        if let minutes = task.remainingDurationMinutes {
            task.task.remainingDuration = duration(minutes: minutes, format: MSPDI.DurationFormat(kind: format.kind, isElapsed: format.isElapsed))
        }
        if let type = task.constraintType {
            task.task.constraint = Constraint(type: type, date: task.constraintDate)
        } else if let date = task.constraintDate {
            task.task.extensions["mspdi:ConstraintDate"] = "<ConstraintDate>\(date)</ConstraintDate>"
        }
    }

    // MARK: Links

    func linkLeaf(_ element: MSPDIElement) {
        switch element {
        case .PredecessorUID: link.predecessor = value(element, entity: taskEntity, MSPDI.int)
        case .Type:
            guard let code = value(element, entity: taskEntity, MSPDI.int) else { return }
            if let type = MSPDI.dependencyType(code: code) {
                link.type = type
            } else {
                warn(.mspdiBadValue, "link Type \(code) is not a known code; read as FS", entity: taskEntity)
            }
        case .LinkLag: link.lagTenths = value(element, entity: taskEntity, MSPDI.int)
        case .LagFormat: link.lagFormat = value(element, entity: taskEntity, MSPDI.int)
        default: break
        }
    }

    func endLink() {
        guard let predecessor = link.predecessor else {
            diagnostics.append(Diagnostic(.mspdiMissingUID, "a PredecessorLink without PredecessorUID was skipped", at: valueLocation, entity: taskEntity))
            return
        }
        task.links.append(Dependency(
            predecessor: TaskID(MSPDIDocumentBuilder.uidText(predecessor)), successor: "", type: link.type, lag: lag(), extensions: link.extensions))
    }

    /// `LinkLag` is in tenths of a minute; for percent formats it is the percentage itself, as MPXJ
    /// reads it (brief §2.2).
    private func lag() -> Lag {
        let tenths = link.lagTenths ?? 0
        let format = link.lagFormat.flatMap(MSPDI.DurationFormat.init(code:))
        if let format, format.kind == .percent {
            return .percent(tenths, elapsed: format.isElapsed)
        }
        let minutes = Int((Double(tenths) / 10).rounded())
        if link.lagTenths == nil && link.lagFormat == nil { return .zero }
        return .time(duration(minutes: minutes, format: durationShape(code: link.lagFormat)))
    }
}
