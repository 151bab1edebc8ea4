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
    /// Per task, the plan's resource of its first assignment.
    private var firstAssignee: [Resource?] = []
    /// Every extension key some task has, with the most values one task holds under it (see
    /// `takeExtensionCensus`).
    private var extensionCounts: [String: Int] = [:]
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
        decideAssignees()
        takeExtensionCensus()
        decideColumns()
    }

    /// In place, so that a dictionary entry is found once.
    private static func raise(_ value: inout Int, to other: Int) { value = max(value, other) }

    /// Jira has one assignee per issue: the resource of the task's first assignment.
    private mutating func decideAssignees() {
        let resources = Dictionary(plan.resources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        firstAssignee = Array(repeating: nil, count: plan.tasks.count)
        for assignment in plan.assignments {
            guard let id = assignment.resource, let i = taskIndex[assignment.task], firstAssignee[i] == nil else { continue }
            firstAssignee[i] = resources[id]
        }
    }

    /// One walk over every task's extensions, so that deciding the columns asks no task again:
    /// a list key counts its values, a kept link key adds the task's outward links of its type
    /// (both share one group of columns), any other key counts 1.
    private mutating func takeExtensionCensus() {
        for i in plan.tasks.indices {
            for (key, value) in plan.tasks[i].extensions {
                var count = 1
                if key.hasSuffix("[]") {
                    count = JiraList.count(value)
                    if key.hasSuffix(")[]"), let header = Self.linkHeader(key), header.hasPrefix(LinkDirection.outward.rawValue) {
                        count += outwardLinks[i][Self.linkType(header)]?.count ?? 0
                    }
                }
                Self.raise(&extensionCounts[key, default: 0], to: count)
            }
        }
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
        if extensionCounts["jira:Priority"] != nil || any({ tasks[$0].priority != nil }) {
            columns.append(Column(header: "Priority", content: .priority, width: 1))
        }
        if firstAssignee.contains(where: { $0 != nil }) {
            columns.append(Column(header: "Assignee", content: .assignee, width: 1))
            if firstAssignee.contains(where: { $0.map { $0.id.rawValue != Self.assigneeText($0) } ?? false }) {
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
            if extensionCounts[key] != nil { columns.append(Column(header: header, content: content, width: 1)) }
        }
        columns += linkColumns()
        columns += extensionColumns()
        self.columns = columns
    }

    /// One group of columns per link header: outward links from dependencies, then kept links.
    private func linkColumns() -> [Column] {
        var headers: [String] = []
        var mostOutward: [String: Int] = [:]
        // In the order the types first appear, as the tasks are listed.
        for links in outwardLinks where !links.isEmpty {
            for type in links.count == 1 ? Array(links.keys) : links.keys.sorted() {
                if mostOutward[type] == nil { headers.append(LinkDirection.outward.header(type: type)) }
                mostOutward[type] = max(mostOutward[type] ?? 0, links[type]!.count)
            }
        }
        let seen = Set(headers)
        let keptHeaders = extensionCounts.keys.compactMap { $0.hasSuffix(")[]") ? Self.linkHeader($0) : nil }.filter { !seen.contains($0) }
        return (headers + keptHeaders.sorted()).map { header in
            let type = Self.linkType(header)
            let extensionKey = "jira:" + header + "[]"
            let isOutward = header.hasPrefix(LinkDirection.outward.rawValue)
            let width = max(isOutward ? mostOutward[type] ?? 0 : 0, extensionCounts[extensionKey] ?? 0, 1)
            return Column(header: header, content: .link(header: header, dependencyType: isOutward ? type : nil, extensionKey: extensionKey), width: width)
        }
    }

    /// Columns of Jira's export the model kept as `jira:` extensions, sorted by header.
    private func extensionColumns() -> [Column] {
        let keys = extensionCounts.keys.filter { key in
            guard key.hasPrefix("jira:"), !(key.hasSuffix(")[]") && Self.linkHeader(key) != nil) else { return false }
            let (_, role) = JiraHeaderLayout.classify(Self.extensionHeader(key), column: 0, vocabulary: .shared)
            if case .field(let field) = role, Self.writtenByColumns.contains(field) { return false }
            return true
        }
        return keys.sorted().map { key in
            let isList = key.hasSuffix("[]")
            let header = Self.extensionHeader(key)
            let width = isList ? max(extensionCounts[key] ?? 0, Self.repeatsAnyway(header) ? 1 : 2) : 1
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
        if case .text(let text) = value { return JiraList.count(text) }
        return 1
    }

    // MARK: - Rendering

    /// The cells of one row go straight into the file's bytes: a wide export has 160 physical
    /// columns, most of them empty for any one issue, so nothing is built per cell.
    private struct RowSink {
        var out: [UInt8]
        private var isFirstCell = true
        /// Slots left in the current column, and how many of them were filled.
        private var remaining = 0
        private(set) var filled = 0

        init(reservingCapacity capacity: Int) {
            out = []
            out.reserveCapacity(capacity)
        }

        mutating func beginColumn(width: Int) {
            remaining = width
            filled = 0
        }

        /// A value beyond the column's width is dropped; the width was taken from the widest row.
        mutating func add(_ value: String) {
            guard startCell() else { return }
            CSVText.append(value, to: &out)
        }

        mutating func add(_ moment: CivilDateTime, in format: JiraDatePattern) {
            guard startCell() else { return }
            format.append(moment, to: &out)
        }

        mutating func endColumn() {
            while remaining > 0 { _ = startCell() }
        }

        mutating func endRow() {
            out.append(0x0A)
            isFirstCell = true
        }

        private mutating func startCell() -> Bool {
            guard remaining > 0 else { return false }
            if !isFirstCell { out.append(0x2C) }
            isFirstCell = false
            remaining -= 1
            filled += 1
            return true
        }
    }

    /// What render needs per column, in flat arrays, so that the loop over 16 million cells of a
    /// wide 100k-issue file copies no column; and which columns read a task's custom field or
    /// extension, so that a task's own dictionaries are walked once per row (an issue has a few
    /// of a wide file's fields) instead of being asked for every column.
    private struct RowLayout {
        enum Source { case model, customField, link, extensionValue }
        var sources: [Source] = []
        var widths: [Int] = []
        var isList: [Bool] = []
        /// The dependency link type a link column writes outward links of, if any.
        var linkTypes: [String?] = []
        var customField: [String: Int] = [:]
        /// Extension key → the columns that write it (links, kept values, kept source text).
        var extensionKey: [String: [Int]] = [:]

        init(_ columns: [Column]) {
            for c in columns.indices {
                let content = columns[c].content
                var source = Source.model, isList = false, linkType: String?
                switch content {
                case .customField(let definition):
                    source = .customField
                    customField[definition.id] = c
                    isList = definition.id.hasSuffix("[]")
                case .link(_, let dependencyType, let key):
                    source = .link
                    linkType = dependencyType
                    extensionKey[key, default: []].append(c)
                case .extensionValue(let key, let list):
                    source = .extensionValue
                    isList = list
                    extensionKey[key, default: []].append(c)
                default:
                    if let field = JiraCSVDocument.keptField(content) { extensionKey["jira:" + field.header, default: []].append(c) }
                }
                sources.append(source)
                widths.append(columns[c].width)
                self.isList.append(isList)
                linkTypes.append(linkType)
            }
        }
    }

    func render() -> [UInt8] {
        var sink = RowSink(reservingCapacity: plan.tasks.count * 256)
        for column in columns {
            sink.beginColumn(width: column.width)
            for _ in 0..<column.width { sink.add(column.header) }
        }
        sink.endRow()
        let layout = RowLayout(columns)
        // Per column, this row's custom-field value or extension text; reset after each row.
        var customValues = [CustomFieldValue?](repeating: nil, count: columns.count)
        var extensionValues = [String?](repeating: nil, count: columns.count)
        var touched: [Int] = []
        for i in order {
            for (key, value) in plan.tasks[i].customFields {
                guard let c = layout.customField[key] else { continue }
                customValues[c] = value
                touched.append(c)
            }
            for (key, value) in plan.tasks[i].extensions {
                guard let found = layout.extensionKey[key] else { continue }
                for c in found { extensionValues[c] = value }
                touched += found
            }
            for c in columns.indices {
                sink.beginColumn(width: layout.widths[c])
                writeCells(column: c, row: i, custom: customValues[c], extension: extensionValues[c], layout: layout, into: &sink)
                sink.endColumn()
            }
            sink.endRow()
            for c in touched {
                customValues[c] = nil
                extensionValues[c] = nil
            }
            touched.removeAll(keepingCapacity: true)
        }
        return sink.out
    }

    /// Jira's time fields are in seconds. A span too long for that (the loss report counts it) is
    /// left out rather than overflowing.
    static func seconds(_ duration: WorkDuration) -> Int? {
        let (seconds, overflow) = duration.minutes.multipliedReportingOverflow(by: 60)
        return overflow ? nil : seconds
    }

    static func fitsInSeconds(_ duration: WorkDuration?) -> Bool { duration.map { seconds($0) != nil } ?? true }

    private func writeCells(
        column c: Int, row i: Int, custom: CustomFieldValue?, extension text: String?, layout: RowLayout, into sink: inout RowSink
    ) {
        switch layout.sources[c] {
        case .customField:
            if let custom { writeValue(custom, isList: layout.isList[c], into: &sink) }
        case .link:
            if let type = layout.linkTypes[c] { for id in outwardLinks[i][type] ?? [] { sink.add(id) } }
            if let text { for value in JiraList.decode(text) { sink.add(value) } }
        case .extensionValue:
            guard let text else { return }
            if layout.isList[c] { for value in JiraList.decode(text) { sink.add(value) } } else { sink.add(text) }
        case .model:
            writeModelCell(columns[c].content, row: i, into: &sink)
            // Source text the reader could not read into the model, written back in its place.
            if sink.filled == 0, let text { sink.add(text) }
        }
    }

    private func writeValue(_ value: CustomFieldValue, isList: Bool, into sink: inout RowSink) {
        switch value {
        case .text(let text):
            if isList { for item in JiraList.decode(text) { sink.add(item) } } else { sink.add(text) }
        case .number(let number): sink.add("\(number)")
        case .date(let moment): sink.add(moment, in: options.dateFormat)
        case .duration(let duration): if let seconds = Self.seconds(duration) { sink.add(String(seconds)) }
        case .flag(let flag): sink.add(flag ? "Yes" : "No")
        case .cost(let amount): sink.add(amount.description)
        }
    }

    /// The cell of a column the model's own fields fill.
    private func writeModelCell(_ content: Content, row i: Int, into sink: inout RowSink) {
        let format = options.dateFormat
        func add(_ moment: CivilDateTime?) { if let moment { sink.add(moment, in: format) } }
        func add(_ duration: WorkDuration?) { if let seconds = duration.flatMap(Self.seconds) { sink.add(String(seconds)) } }
        switch content {
        case .summary: sink.add(plan.tasks[i].name)
        case .issueID: sink.add(issueIDs[i])
        case .issueKey: sink.add(plan.tasks[i].id.rawValue)
        case .issueType: sink.add(issueTypes[i])
        case .parent, .parentID:
            if let parent = plan.tasks[i].parent, let p = taskIndex[parent] { sink.add(issueIDs[p]) }
        case .status:
            if let status = plan.tasks[i].status {
                sink.add(status)
            } else if let percent = plan.tasks[i].percentComplete {
                sink.add(percent >= 100 ? "Done" : percent > 0 ? "In Progress" : "To Do")
            }
        case .priority:
            let kept = plan.tasks[i].extensions["jira:Priority"], priority = plan.tasks[i].priority
            if let kept, priority == nil || JiraVocabulary.shared.priorities[kept.lowercased()] == priority {
                sink.add(kept)
            } else if let priority {
                sink.add(JiraCSVWriter.priorityName(priority))
            }
        case .assignee: if let resource = firstAssignee[i] { sink.add(Self.assigneeText(resource)) }
        case .assigneeID: if let resource = firstAssignee[i] { sink.add(resource.id.rawValue) }
        case .description: if let notes = plan.tasks[i].notes { sink.add(notes) }
        case .originalEstimate: add(plan.tasks[i].work ?? plan.tasks[i].duration)
        case .remainingEstimate: add(plan.tasks[i].remainingDuration)
        case .timeSpent: add(plan.tasks[i].actualWork)
        case .start: add(plan.tasks[i].start)
        case .due: add(plan.tasks[i].finish)
        case .actualStart: add(plan.tasks[i].actualStart)
        case .actualFinish: add(plan.tasks[i].actualFinish)
        case .baselineStart: add(plan.tasks[i].baseline(0)?.start)
        case .baselineFinish: add(plan.tasks[i].baseline(0)?.finish)
        case .customField, .link, .extensionValue: break
        }
    }
}
