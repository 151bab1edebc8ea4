import PlanModel

extension JiraPlanBuilder {
    /// Extension keys are `jira:` plus the English header; `[]` marks a list kept as one CSV record.
    static func extensionKey(_ group: JiraHeaderLayout.Group) -> String {
        "jira:" + group.canonical + (group.isList ? "[]" : "")
    }

    /// Maps everything one row says about its own issue; parents and links wait for all rows.
    mutating func mapRow(_ row: Int) {
        let rowNumber = table.rowNumbers[row]
        var task = tasks[row]
        var dates: [JiraField: (CivilDateTime, GroupValues)] = [:]
        var statusCategory: StatusCategory?
        var assignee: String?, assigneeID: String?
        var logged = 0
        let entries = gather(row)
        // Most values end up as extensions; one allocation instead of a doubling series.
        task.extensions.reserveCapacity(entries.count)
        for entry in entries {
            let group = layout.groups[entry.group]
            let first = entry.values[0]
            switch group.role {
            case .field(let field):
                switch field {
                case .summary: task.name = first
                case .issueKey: break
                case .issueID:
                    if let number = Int(first.trimmingSpaces) { task.displayID = number } else { keep(entry, in: &task) }
                case .status: task.status = first
                case .statusCategory:
                    statusCategory = lookups.statusCategory(first)
                    keep(entry, in: &task)
                case .priority:
                    task.priority = lookups.priority(first)
                    if task.priority == nil || JiraCSVWriter.priorityName(task.priority!) != first { keep(entry, in: &task) }
                case .assignee: assignee = first
                case .assigneeID: assigneeID = first
                case .description: task.notes = first
                case .originalEstimate:
                    if let work = seconds(entry, row: rowNumber, task: task.id) {
                        task.work = work
                        task.duration = work
                    } else {
                        keep(entry, in: &task)
                    }
                case .remainingEstimate:
                    if let remaining = seconds(entry, row: rowNumber, task: task.id) { task.remainingDuration = remaining } else { keep(entry, in: &task) }
                case .timeSpent:
                    if let spent = seconds(entry, row: rowNumber, task: task.id) { task.actualWork = spent } else { keep(entry, in: &task) }
                case .logWork:
                    // `comment;date;author;seconds`: the seconds are the last part (comments may hold `;`).
                    for value in entry.values {
                        if let last = value.split(separator: ";", omittingEmptySubsequences: false).last, let s = Int(String(last).trimmingSpaces) {
                            logged += s
                        }
                    }
                    keep(entry, in: &task)
                case .parentKey, .parent, .parentID, .epicLink:
                    parentReferences[row].append(ParentReference(field: field, text: first.trimmingSpaces, column: entry.columns[0]))
                case .parentSummary: parentSummaries[row] = first
                case .projectName:
                    if projectName == nil { projectName = first }
                    keep(entry, in: &task)
                case .labels, .sprint, .components, .fixVersions, .affectsVersions:
                    setCustomField(.text(JiraList.encode(entry.values)), group: entry.group, type: .text, in: &task)
                default:
                    if case .roleDate(let pattern) = types[entry.group], let pattern {
                        if let moment = pattern.parse(first) {
                            noteConflicts(entry, pattern: pattern, row: rowNumber, task: task.id)
                            dates[field] = (moment, entry)
                        } else {
                            keep(entry, in: &task)
                        }
                    } else {
                        keep(entry, in: &task)
                    }
                }
            case .link(let direction, let type):
                for (value, column) in zip(entry.values, entry.columns) {
                    linkCells.append(LinkCell(row: row, direction: direction, type: type, target: value.trimmingSpaces, column: column))
                }
            case .customField:
                switch types[entry.group] {
                case .customDate(let pattern): setCustomField(.date(pattern.parse(first)!), group: entry.group, type: .date, in: &task)
                case .customNumber: setCustomField(.number(Double(first)!), group: entry.group, type: .number, in: &task)
                default:
                    let text = group.isList ? JiraList.encode(entry.values) : first
                    setCustomField(.text(text), group: entry.group, type: .text, in: &task)
                }
            case .other:
                keep(entry, in: &task)
            }
        }
        if task.name.isEmpty {
            diagnostics.add(.jiraMissingSummary, "the issue has no summary", row: rowNumber, column: layout.group(.summary).map { layout.headers[$0.columns[0]] }, entity: task.id)
        }
        if task.actualWork == nil, logged > 0 { task.actualWork = Self.duration(seconds: logged) }
        applyDates(dates, to: &task)
        task.percentComplete = percentComplete(category: statusCategory, status: task.status, task: task)
        if assignee != nil || assigneeID != nil { assign(row: row, task: task, name: assignee, accountID: assigneeID) }
        tasks[row] = task
    }

    /// Start ← Start date ▸ Target start; finish ← Due date ▸ Target end ▸ End date; actual and
    /// baseline dates from their columns. A date that is not used is kept as a date custom field.
    private mutating func applyDates(_ dates: [JiraField: (CivilDateTime, GroupValues)], to task: inout PlanTask) {
        guard !dates.isEmpty else { return }
        var used: Set<JiraField> = []
        if let field = JiraField.startSources.first(where: { dates[$0] != nil }) {
            task.start = dates[field]!.0
            used.insert(field)
        }
        if let field = JiraField.finishSources.first(where: { dates[$0] != nil }) {
            task.finish = dates[field]!.0
            used.insert(field)
        }
        if let moment = dates[.actualStart]?.0 { task.actualStart = moment; used.insert(.actualStart) }
        if let moment = dates[.actualEnd]?.0 { task.actualFinish = moment; used.insert(.actualEnd) }
        if dates[.baselineStart] != nil || dates[.baselineEnd] != nil {
            task.baselines = [Baseline(number: 0, start: dates[.baselineStart]?.0, finish: dates[.baselineEnd]?.0)]
            used.formUnion([.baselineStart, .baselineEnd])
        }
        for field in JiraColumnTypes.dateRoles.subtracting(used) {
            guard let (moment, entry) = dates[field] else { continue }
            setCustomField(.date(moment), group: entry.group, type: .date, in: &task)
        }
    }

    /// Done → 100 %, to do → 0 %; in progress → time spent over the estimate (1–99 %), or 50 %.
    private mutating func percentComplete(category: StatusCategory?, status: String?, task: PlanTask) -> Int? {
        guard let category = category ?? status.flatMap({ lookups.status($0) }) ?? (status == nil ? nil : .inProgress)
        else { return nil }
        switch category {
        case .toDo: return 0
        case .done: return 100
        case .inProgress:
            guard let work = task.work?.minutes, work > 0, let spent = task.actualWork?.minutes else { return 50 }
            return min(99, max(1, spent * 100 / work))
        }
    }

    private mutating func assign(row: Int, task: PlanTask, name: String?, accountID: String?) {
        let id = ResourceID(accountID ?? name!)
        if resourceIndex[id] == nil {
            resourceIndex[id] = resources.count
            let display = name ?? accountID!
            resources.append(Resource(id: id, name: display, email: display.contains("@") ? display : nil))
        }
        assignments[row] = Assignment(
            id: AssignmentID(task.id.rawValue + "/" + id.rawValue), task: task.id, resource: id, work: task.work,
            actualWork: task.actualWork, remainingWork: task.remainingDuration)
    }

    /// The values of a column the model has no field for, kept under `jira:<English header>`.
    private func keep(_ entry: GroupValues, in task: inout PlanTask) {
        task.extensions[extensionKeys[entry.group]] = layout.groups[entry.group].isList ? JiraList.encode(entry.values) : entry.values[0]
    }

    private mutating func setCustomField(_ value: CustomFieldValue, group index: Int, type: CustomFieldType, in task: inout PlanTask) {
        let group = layout.groups[index]
        let id = customFieldIDs[index]
        if customFieldDefinitions[index] == nil {
            customFieldDefinitions[index] = CustomFieldDefinition(id: id, name: group.canonical, type: type, entity: .task)
        }
        task.customFields[id] = value
    }

    /// Estimates are whole seconds; the model counts minutes.
    private mutating func seconds(_ entry: GroupValues, row: Int, task: TaskID) -> WorkDuration? {
        let text = entry.values[0].trimmingSpaces
        guard let seconds = Int(text), seconds >= 0 else {
            diagnostics.add(.jiraBadNumber, "'\(text)' is not a number of seconds; kept as text", row: row, column: layout.headers[entry.columns[0]], entity: task)
            return nil
        }
        if seconds % 60 != 0 {
            diagnostics.add(.jiraEstimateRounded, "\(seconds) seconds is not a whole number of minutes; rounded", row: row, column: layout.headers[entry.columns[0]], entity: task)
        }
        return Self.duration(seconds: seconds)
    }

    static func duration(seconds: Int) -> WorkDuration {
        WorkDuration(minutes: (seconds + 30) / 60, unit: .hours)
    }

    /// Three `Start date` columns that disagree: the first is used, and the user is told.
    private mutating func noteConflicts(_ entry: GroupValues, pattern: JiraDatePattern, row: Int, task: TaskID) {
        guard entry.values.count > 1 else { return }
        let first = pattern.parse(entry.values[0])
        for (value, column) in zip(entry.values.dropFirst(), entry.columns.dropFirst()) where pattern.parse(value) != first {
            diagnostics.add(
                .jiraConflictingValues, "'\(value)' differs from '\(entry.values[0])' in an earlier column of the same meaning; the first is used",
                row: row, column: layout.headers[column], entity: task)
        }
    }
}
