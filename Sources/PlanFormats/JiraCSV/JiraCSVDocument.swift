import PlanModel

/// The columns and rows of one Jira CSV file, decided from the whole plan before any byte is
/// written (a repeated column appears as often as the task with the most values needs).
struct JiraCSVDocument {
    enum Content {
        case summary, issueID, issueKey, issueType, parent, parentID, status, priority, assignee, assigneeID
        case description, originalEstimate, remainingEstimate, timeSpent
        case start, due, actualStart, actualFinish, baselineStart, baselineFinish
        case customField(CustomFieldDefinition)
        /// A link column: outward links of this type from dependencies, plus kept links.
        case link(header: String, dependencyType: String?, extensionKey: String)
        case extensionValue(key: String, isList: Bool)
    }

    struct Column {
        var header: String
        var content: Content
        /// How many physical columns: more than one for lists.
        var width: Int
    }

    let plan: Plan
    let options: JiraCSVWriteOptions
    /// Tasks in the order written: every parent above its children.
    private(set) var order: [Int] = []
    private(set) var issueIDs: [String] = []
    private(set) var issueTypes: [String] = []
    private(set) var columns: [Column] = []
    /// Per task, the outward links from dependencies by link type (Issue ids of successors).
    private var outwardLinks: [[String: [String]]] = []
    private var firstAssignee: [TaskID: Resource] = [:]
    /// Task identity → position in the plan (the first, should a plan repeat one).
    private let taskIndex: [TaskID: Int]
    /// Counts for the loss report made while deciding the layout.
    private(set) var renamedDependencyTypes = 0
    private(set) var droppedForeignKeys = 0

    /// The extension keys the reader uses for fields this writer writes itself.
    static let writtenByColumns: Set<JiraField> = [
        .summary, .issueKey, .issueID, .issueType, .parent, .parentID, .parentKey, .status, .priority, .assignee,
        .assigneeID, .description, .originalEstimate, .remainingEstimate, .timeSpent, .startDate, .dueDate,
        .actualStart, .actualEnd, .baselineStart, .baselineEnd, .epicLink,
    ]

    init(plan: Plan, options: JiraCSVWriteOptions) {
        self.plan = plan
        self.options = options
        taskIndex = Dictionary(plan.tasks.indices.map { (plan.tasks[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        decideOrder()
        decideIssueIDs()
        decideIssueTypes()
        collectLinks()
        for assignment in plan.assignments {
            guard firstAssignee[assignment.task] == nil, let id = assignment.resource, let resource = plan.resource(id) else { continue }
            firstAssignee[assignment.task] = resource
        }
        decideColumns()
    }

    /// Depth-first from the plan's own order, so that parents come first even in a plan whose
    /// task list is not in outline order.
    private mutating func decideOrder() {
        var children: [[Int]] = Array(repeating: [], count: plan.tasks.count)
        var roots: [Int] = []
        for i in plan.tasks.indices {
            if let parent = plan.tasks[i].parent, let p = taskIndex[parent], p != i { children[p].append(i) } else { roots.append(i) }
        }
        var visited = [Bool](repeating: false, count: plan.tasks.count)
        var stack = Array(roots.reversed())
        while let i = stack.popLast() {
            guard !visited[i] else { continue }
            visited[i] = true
            order.append(i)
            stack.append(contentsOf: children[i].reversed())
        }
        // Tasks on a parent cycle were never reached from a root; they go last, flat.
        for i in plan.tasks.indices where !visited[i] { order.append(i) }
    }

    /// The display id where it is present and unique, else numbers above the largest one.
    private mutating func decideIssueIDs() {
        var used: Set<Int> = []
        var ids: [Int?] = plan.tasks.indices.map { i in
            guard let id = plan.tasks[i].displayID, id > 0, used.insert(id).inserted else { return nil }
            return id
        }
        var next = (used.max() ?? 0) + 1
        for i in order where ids[i] == nil {
            ids[i] = next
            next += 1
        }
        issueIDs = ids.map { String($0!) }
    }

    /// Jira's own type when the plan came from Jira; else top summaries are epics, tasks under a
    /// task that is not an epic are sub-tasks, the rest standard issues.
    private mutating func decideIssueTypes() {
        let types = options.issueTypes
        issueTypes = Array(repeating: types.standard, count: plan.tasks.count)
        var computed = issueTypes
        let key = "jira:" + JiraField.issueType.header
        for i in order {
            let parent = plan.tasks[i].parent.flatMap { taskIndex[$0] }
            if parent == nil {
                computed[i] = plan.tasks[i].kind == .summary ? types.epic : types.standard
            } else {
                computed[i] = computed[parent!] == types.epic ? types.standard : types.subtask
            }
            issueTypes[i] = plan.tasks[i].extensions[key] ?? computed[i]
        }
    }

    private mutating func collectLinks() {
        outwardLinks = Array(repeating: [:], count: plan.tasks.count)
        for dependency in plan.dependencies {
            guard let from = taskIndex[dependency.predecessor], let to = taskIndex[dependency.successor] else { continue }
            var type = "Blocks"
            if let named = dependency.extensions[JiraPlanBuilder.linkTypeKey],
                JiraPlanBuilder.schedulingLinkTypes[named.lowercased()] == dependency.type
            {
                type = named
            } else if dependency.type != .finishToStart {
                renamedDependencyTypes += 1
            }
            outwardLinks[from][type, default: []].append(issueIDs[to])
        }
    }

    private mutating func decideColumns() {
        let tasks = plan.tasks
        // By index, so that no task is copied out of the plan for a look at one field.
        func any(_ test: (Int) -> Bool) -> Bool { tasks.indices.contains(where: test) }
        var columns: [Column] = [Column(header: "Summary", content: .summary, width: 1)]
        let hasHierarchy = any { tasks[$0].parent != nil }
        if hasHierarchy || !plan.dependencies.isEmpty || any({ tasks[$0].displayID != nil }) {
            columns.append(Column(header: "Issue Id", content: .issueID, width: 1))
        }
        columns.append(Column(header: "Issue key", content: .issueKey, width: 1))
        columns.append(Column(header: "Issue Type", content: .issueType, width: 1))
        if hasHierarchy {
            columns.append(Column(header: "Parent", content: .parent, width: 1))
            columns.append(Column(header: "Parent Id", content: .parentID, width: 1))
        }
        if any({ tasks[$0].status != nil || tasks[$0].percentComplete != nil }) { columns.append(Column(header: "Status", content: .status, width: 1)) }
        if any({ tasks[$0].priority != nil || tasks[$0].extensions["jira:Priority"] != nil }) {
            columns.append(Column(header: "Priority", content: .priority, width: 1))
        }
        if !firstAssignee.isEmpty {
            columns.append(Column(header: "Assignee", content: .assignee, width: 1))
            if firstAssignee.values.contains(where: { $0.id.rawValue != Self.assigneeText($0) }) {
                columns.append(Column(header: "Assignee Id", content: .assigneeID, width: 1))
            }
        }
        if any({ tasks[$0].notes != nil }) { columns.append(Column(header: "Description", content: .description, width: 1)) }
        if any({ tasks[$0].work != nil || tasks[$0].duration != nil }) {
            columns.append(Column(header: "Original Estimate", content: .originalEstimate, width: 1))
        }
        if any({ tasks[$0].remainingDuration != nil }) {
            columns.append(Column(header: "Remaining Estimate", content: .remainingEstimate, width: 1))
        }
        if any({ tasks[$0].actualWork != nil }) { columns.append(Column(header: "Time Spent", content: .timeSpent, width: 1)) }
        if any({ tasks[$0].start != nil }) { columns.append(Column(header: "Start date", content: .start, width: 1)) }
        if any({ tasks[$0].finish != nil }) { columns.append(Column(header: "Due date", content: .due, width: 1)) }
        if any({ tasks[$0].actualStart != nil }) { columns.append(Column(header: JiraField.actualStart.header, content: .actualStart, width: 1)) }
        if any({ tasks[$0].actualFinish != nil }) { columns.append(Column(header: JiraField.actualEnd.header, content: .actualFinish, width: 1)) }
        if any({ tasks[$0].baseline(0)?.start != nil }) {
            columns.append(Column(header: JiraField.baselineStart.header, content: .baselineStart, width: 1))
        }
        if any({ tasks[$0].baseline(0)?.finish != nil }) {
            columns.append(Column(header: JiraField.baselineEnd.header, content: .baselineFinish, width: 1))
        }
        for definition in plan.customFieldDefinitions where definition.entity == .task {
            let header = Self.header(of: definition)
            let isList = definition.id.hasSuffix("[]")
            var width = 1
            if isList {
                let most = tasks.indices.map { tasks[$0].customFields[definition.id].map { Self.listCount($0) } ?? 0 }.max() ?? 0
                width = max(most, Self.repeatsAnyway(header) ? 1 : 2)
            }
            columns.append(Column(header: header, content: .customField(definition), width: width))
        }
        // Columns only kept text needs (an estimate that was not a number).
        for (content, header) in [
            (Content.issueID, "Issue Id"), (.originalEstimate, "Original Estimate"), (.remainingEstimate, "Remaining Estimate"),
            (.timeSpent, "Time Spent"), (.start, "Start date"), (.due, "Due date"),
        ] where !columns.contains(where: { $0.header == header }) {
            let key = "jira:" + Self.keptField(content)!.header
            if any({ tasks[$0].extensions[key] != nil }) { columns.append(Column(header: header, content: content, width: 1)) }
        }
        columns += linkColumns()
        columns += extensionColumns()
        self.columns = columns
    }

    /// One group of columns per link header: outward links from dependencies, then kept links.
    private func linkColumns() -> [Column] {
        var headers: [String] = []
        var seen: Set<String> = []
        for links in outwardLinks {
            for type in links.keys.sorted() where seen.insert(LinkDirection.outward.header(type: type)).inserted {
                headers.append(LinkDirection.outward.header(type: type))
            }
        }
        var keptHeaders: [String] = []
        for i in plan.tasks.indices {
            for key in plan.tasks[i].extensions.keys where key.hasSuffix(")[]") && Self.linkHeader(key) != nil {
                let header = Self.linkHeader(key)!
                if seen.insert(header).inserted { keptHeaders.append(header) }
            }
        }
        return (headers + keptHeaders.sorted()).map { header in
            let type = Self.linkType(header)
            let extensionKey = "jira:" + header + "[]"
            let width = order.map { i in
                (header.hasPrefix(LinkDirection.outward.rawValue) ? outwardLinks[i][type]?.count ?? 0 : 0)
                    + (plan.tasks[i].extensions[extensionKey].map { JiraList.decode($0).count } ?? 0)
            }.max() ?? 1
            let fromDependencies = header.hasPrefix(LinkDirection.outward.rawValue) ? type : nil
            return Column(header: header, content: .link(header: header, dependencyType: fromDependencies, extensionKey: extensionKey), width: max(width, 1))
        }
    }

    /// Columns of Jira's export the model kept as `jira:` extensions, sorted by header.
    private mutating func extensionColumns() -> [Column] {
        var keys: Set<String> = []
        var seen: Set<String> = []
        for i in plan.tasks.indices {
            for key in plan.tasks[i].extensions.keys where seen.insert(key).inserted {
                guard key.hasPrefix("jira:") else { continue }
                if key.hasSuffix(")[]") && Self.linkHeader(key) != nil { continue }
                let header = Self.extensionHeader(key)
                let (_, role) = JiraHeaderLayout.classify(header, column: 0, vocabulary: .shared)
                if case .field(let field) = role, Self.writtenByColumns.contains(field) { continue }
                keys.insert(key)
            }
        }
        return keys.sorted().map { key in
            let isList = key.hasSuffix("[]")
            let header = Self.extensionHeader(key)
            var width = 1
            if isList {
                let most = plan.tasks.indices.map { plan.tasks[$0].extensions[key].map { JiraList.decode($0).count } ?? 0 }.max() ?? 0
                width = max(most, Self.repeatsAnyway(header) ? 1 : 2)
            }
            return Column(header: header, content: .extensionValue(key: key, isList: isList), width: width)
        }
    }

    /// The Jira field a column writes, whose unreadable source text the reader kept as an
    /// extension: written back when the model has no value, so that nothing is lost.
    static func keptField(_ content: Content) -> JiraField? {
        switch content {
        case .issueID: return .issueID
        case .originalEstimate: return .originalEstimate
        case .remainingEstimate: return .remainingEstimate
        case .timeSpent: return .timeSpent
        case .start: return .startDate
        case .due: return .dueDate
        case .actualStart: return .actualStart
        case .actualFinish: return .actualEnd
        case .baselineStart: return .baselineStart
        case .baselineFinish: return .baselineEnd
        default: return nil
        }
    }

    // MARK: - Naming

    /// Jira's own custom fields keep their header; others become `Custom field (<name>)`.
    static func header(of definition: CustomFieldDefinition) -> String {
        let bare = definition.id.hasSuffix("[]") ? String(definition.id.dropLast(2)) : definition.id
        let (canonical, role) = JiraHeaderLayout.classify(bare, column: 0, vocabulary: .shared)
        switch role {
        case .customField where canonical == bare: return bare
        case .field(let field) where canonical == bare && (field.isCustomField || JiraColumnTypes.dateRoles.contains(field)): return bare
        default: return JiraField.customFieldPrefix + (definition.alias ?? definition.name) + ")"
        }
    }

    /// A header that reads back as a list from one column (Labels, Sprint); others need two.
    static func repeatsAnyway(_ header: String) -> Bool {
        let (_, role) = JiraHeaderLayout.classify(header, column: 0, vocabulary: .shared)
        switch role {
        case .field(let field): return field.isMultiValued
        case .link: return true
        default: return false
        }
    }

    static func extensionHeader(_ key: String) -> String {
        var header = key.dropFirst("jira:".count)
        if header.hasSuffix("[]") { header = header.dropLast(2) }
        return String(header)
    }

    /// The header of a kept-link extension key (`jira:Outward issue link (Relates)[]`).
    static func linkHeader(_ key: String) -> String? {
        let header = extensionHeader(key)
        guard header.hasPrefix(LinkDirection.outward.rawValue + " (") || header.hasPrefix(LinkDirection.inward.rawValue + " (") else {
            return nil
        }
        return header
    }

    static func linkType(_ header: String) -> String {
        guard let open = header.firstIndex(of: "(") else { return header }
        return String(header[header.index(after: open)..<header.index(before: header.endIndex)])
    }

    static func assigneeText(_ resource: Resource) -> String { resource.email ?? resource.name }

    static func listCount(_ value: CustomFieldValue) -> Int {
        if case .text(let text) = value { return JiraList.decode(text).count }
        return 1
    }

    // MARK: - Rendering

    mutating func render() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(plan.tasks.count * 256)
        var first = true
        for column in columns {
            for _ in 0..<column.width {
                if !first { out.append(0x2C) }
                first = false
                CSVText.append(column.header, to: &out)
            }
        }
        out.append(0x0A)
        let index = taskIndex
        for i in order {
            let task = plan.tasks[i]
            var firstCell = true
            for column in columns {
                let values = cells(column.content, task: task, row: i, index: index)
                for slot in 0..<column.width {
                    if !firstCell { out.append(0x2C) }
                    firstCell = false
                    if slot < values.count { CSVText.append(values[slot], to: &out) }
                }
            }
            out.append(0x0A)
        }
        return out
    }

    /// Jira's time fields are in seconds. A span too long for that (the loss report counts it) is
    /// left out rather than overflowing.
    static func seconds(_ duration: WorkDuration) -> [String] {
        let (seconds, overflow) = duration.minutes.multipliedReportingOverflow(by: 60)
        return overflow ? [] : [String(seconds)]
    }

    static func fitsInSeconds(_ duration: WorkDuration?) -> Bool { duration.map { !seconds($0).isEmpty } ?? true }

    private func cells(_ content: Content, task: PlanTask, row i: Int, index: [TaskID: Int]) -> [String] {
        let values = modelCells(content, task: task, row: i, index: index)
        if values.isEmpty, let field = Self.keptField(content), let kept = task.extensions["jira:" + field.header] {
            return [kept]
        }
        return values
    }

    private func modelCells(_ content: Content, task: PlanTask, row i: Int, index: [TaskID: Int]) -> [String] {
        let format = options.dateFormat
        switch content {
        case .summary: return [task.name]
        case .issueID: return [issueIDs[i]]
        case .issueKey: return [task.id.rawValue]
        case .issueType: return [issueTypes[i]]
        case .parent, .parentID:
            guard let parent = task.parent, let p = index[parent] else { return [] }
            return [issueIDs[p]]
        case .status:
            if let status = task.status { return [status] }
            guard let percent = task.percentComplete else { return [] }
            return [percent >= 100 ? "Done" : percent > 0 ? "In Progress" : "To Do"]
        case .priority:
            let kept = task.extensions["jira:Priority"]
            if let kept, task.priority == nil || JiraVocabulary.shared.priorities[kept.lowercased()] == task.priority { return [kept] }
            return task.priority.map { [JiraCSVWriter.priorityName($0)] } ?? []
        case .assignee: return firstAssignee[task.id].map { [Self.assigneeText($0)] } ?? []
        case .assigneeID: return firstAssignee[task.id].map { [$0.id.rawValue] } ?? []
        case .description: return task.notes.map { [$0] } ?? []
        case .originalEstimate: return (task.work ?? task.duration).map(Self.seconds) ?? []
        case .remainingEstimate: return task.remainingDuration.map(Self.seconds) ?? []
        case .timeSpent: return task.actualWork.map(Self.seconds) ?? []
        case .start: return task.start.map { [format.format($0)] } ?? []
        case .due: return task.finish.map { [format.format($0)] } ?? []
        case .actualStart: return task.actualStart.map { [format.format($0)] } ?? []
        case .actualFinish: return task.actualFinish.map { [format.format($0)] } ?? []
        case .baselineStart: return task.baseline(0)?.start.map { [format.format($0)] } ?? []
        case .baselineFinish: return task.baseline(0)?.finish.map { [format.format($0)] } ?? []
        case .customField(let definition):
            guard let value = task.customFields[definition.id] else { return [] }
            switch value {
            case .text(let text): return definition.id.hasSuffix("[]") ? JiraList.decode(text) : [text]
            case .number(let number): return ["\(number)"]
            case .date(let moment): return [format.format(moment)]
            case .duration(let duration): return Self.seconds(duration)
            case .flag(let flag): return [flag ? "Yes" : "No"]
            case .cost(let amount): return [amount.description]
            }
        case .link(_, let dependencyType, let extensionKey):
            let fromDependencies = dependencyType.flatMap { outwardLinks[i][$0] } ?? []
            return fromDependencies + (task.extensions[extensionKey].map(JiraList.decode) ?? [])
        case .extensionValue(let key, let isList):
            guard let value = task.extensions[key] else { return [] }
            return isList ? JiraList.decode(value) : [value]
        }
    }
}
