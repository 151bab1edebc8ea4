import PlanModel

/// Maps a range of rows to tasks, each row on its own. What a row says about other issues (its
/// parent, its links) or about people is collected for `JiraPlanBuilder`, which resolves it once
/// every row is mapped. Because rows are independent, the builder maps ranges on several cores,
/// one mapper each, and joins their output in row order: the result is the same as one mapper's.
struct JiraRowMapper: Sendable {
    /// One row's non-empty values of one column group, left to right.
    /// Points into cells that live only while rows are mapped; a mapper keeps them between rows
    /// as scratch space only, hence unchecked.
    struct GroupValues: @unchecked Sendable {
        var group: Int
        /// Into the table's cells, or into the mapper's sorted copy of the row: no reference counts.
        var cells: UnsafeBufferPointer<JiraTable.Cell>
        let source: JiraTable.Source

        var first: String { source.text(cells.first!) }
        /// The first value's bytes where they are its text (no quotes to undo): numbers and dates
        /// are read from them without making a string.
        var firstBytes: UnsafeBufferPointer<UInt8>? { source.plainBytes(cells.first!) }
        var firstColumn: Int { Int(cells.first!.column) }
        var texts: [String] { cells.map { source.text($0) } }
        /// The values as one list text; a single value that needs no quotes is that value.
        var list: String { hasSeveral ? JiraList.encode(texts) : CSVText.quotedIfNeeded(first) }
        var hasSeveral: Bool { cells.count > 1 }
    }

    /// A parent reference as a row states it.
    struct ParentReference: Sendable {
        var row: Int
        var field: JiraField
        var text: String
        var column: Int
    }

    /// One issue-link cell: `direction (type)` on `row` naming `target`.
    struct LinkCell: Sendable {
        var row: Int
        var direction: LinkDirection
        var type: String
        var target: String
        var column: Int
    }

    /// Who a row is assigned to, as the row names them.
    struct Assignee: Sendable {
        var name: String?
        var accountID: String?
    }

    /// What the mapped rows said, one entry per row of the range where it is per row.
    struct Output: Sendable {
        /// Every row's references, in row order: most rows have one or two, and a flat list
        /// allocates nothing per row.
        var parentReferences: [ParentReference] = []
        var parentSummaries: [String?] = []
        /// Per row, the `Issue Type` it gives; the builder keeps it only where the outline does
        /// not imply it, so that most tasks need no extension at all.
        var issueTypes: [String?] = []
        var assignees: [Assignee?] = []
        var linkCells: [LinkCell] = []
        /// Column groups that gave a custom-field value, with the definition they made.
        var customFieldDefinitions: [Int: CustomFieldDefinition] = [:]
        var projectName: String?
        var diagnostics: JiraDiagnostics
    }

    let table: JiraTable
    private let source: JiraTable.Source
    let types: JiraColumnTypes
    let identities: [TaskID]
    /// Per group: its extension key and custom-field id, made once instead of once per cell.
    private(set) var extensionKeys: [String]
    private(set) var customFieldIDs: [String]
    private(set) var output: Output
    private var lookups = JiraWordLookups(vocabulary: .shared)
    private let monthWords = JiraDatePattern.monthWords
    /// Scratch for `gather`, kept between rows so that a row allocates nothing for its grouping:
    /// the entry of each group in the row being gathered (or -1), and the row's cells by group.
    private var slotOfGroup: [Int]
    private var groupCounts: [GroupCount] = []
    private var groupNext: [Int] = []
    private var entryScratch: [GroupValues] = []
    private var dateScratch: [FoundDate] = []
    private let groupOfColumn: [Int]
    /// Per group, whether its values are lists; read per cell, so kept apart from the groups.
    private let isList: [Bool]
    private let roomOfGroup: [Room]
    /// Per group, whether a custom-field definition was made for it.
    private var defined: [Bool]

    var layout: JiraHeaderLayout { table.layout }

    init(table: JiraTable, types: JiraColumnTypes, identities: [TaskID], extensionKeys: [String], customFieldIDs: [String], sourceName: String) {
        self.table = table
        source = table.source
        self.types = types
        self.identities = identities
        self.extensionKeys = extensionKeys
        self.customFieldIDs = customFieldIDs
        output = Output(diagnostics: JiraDiagnostics(sourceName: sourceName))
        slotOfGroup = Array(repeating: -1, count: table.layout.groups.count)
        groupOfColumn = table.layout.groupOfColumn
        isList = table.layout.groups.map(\.isList)
        roomOfGroup = table.layout.groups.map { Room($0.role) }
        defined = Array(repeating: false, count: table.layout.groups.count)
    }

    /// Where mapped tasks go: the builder's one array of every row's task, which mappers on
    /// several cores fill in place, each its own rows, instead of making arrays to be joined.
    struct TaskSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<PlanTask>
    }

    /// Maps the rows, initializing each row's slot in `tasks`.
    mutating func map(rows: Range<Int>, into tasks: TaskSlots) {
        output.parentReferences.reserveCapacity(rows.count)
        output.parentSummaries.reserveCapacity(rows.count)
        output.issueTypes.reserveCapacity(rows.count)
        output.assignees.reserveCapacity(rows.count)
        // This mapper's own copies of the keys it puts into every task: one String object shared
        // by mappers on two cores would have its reference count bounce between them.
        extensionKeys = extensionKeys.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        customFieldIDs = customFieldIDs.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        let sorted = UnsafeMutableBufferPointer<JiraTable.Cell>.allocate(capacity: max(1, layout.headers.count))
        defer { sorted.deallocate() }
        let table = self.table
        table.withCells { all in
            for row in rows {
                let cells = UnsafeBufferPointer(rebasing: all[table.range(ofRow: row)])
                (tasks.base + row).initialize(to: mapRow(row, cells: cells, sorted: sorted))
            }
        }
    }

    struct GroupCount {
        var group: Int
        var count: Int
    }

    /// The row's non-empty values, grouped. Columns of a group are nearly always side by side,
    /// and then the groups are runs of the row itself; otherwise the row is sorted by group
    /// (a counting sort) into `sorted`.
    private mutating func gather(
        _ rowCells: UnsafeBufferPointer<JiraTable.Cell>, sorted: UnsafeMutableBufferPointer<JiraTable.Cell>,
        into entries: inout [GroupValues]
    ) {
        var groups = groupCounts
        groupCounts = []
        groups.removeAll(keepingCapacity: true)
        var isContiguous = true
        var last = -1
        for cell in rowCells {
            let group = groupOfColumn[Int(cell.column)]
            let slot = slotOfGroup[group]
            if slot >= 0 {
                groups[slot].count += 1
                if group != last { isContiguous = false }
            } else {
                slotOfGroup[group] = groups.count
                groups.append(GroupCount(group: group, count: 1))
            }
            last = group
        }
        var grouped = rowCells
        if !isContiguous {
            // Where each group's cells begin; then every cell is placed after its group's earlier ones.
            var next = groupNext
            groupNext = []
            next.removeAll(keepingCapacity: true)
            var start = 0
            for entry in groups {
                next.append(start)
                start += entry.count
            }
            for cell in rowCells {
                let slot = slotOfGroup[groupOfColumn[Int(cell.column)]]
                sorted[next[slot]] = cell
                next[slot] += 1
            }
            groupNext = next
            grouped = UnsafeBufferPointer(rebasing: sorted[0..<rowCells.count])
        }
        entries.removeAll(keepingCapacity: true)
        var begin = 0
        for entry in groups {
            slotOfGroup[entry.group] = -1
            entries.append(GroupValues(group: entry.group, cells: UnsafeBufferPointer(rebasing: grouped[begin..<(begin + entry.count)]), source: source))
            begin += entry.count
        }
        groupCounts = groups
    }

    /// Maps everything one row says about its own issue; parents and links wait for all rows.
    private mutating func mapRow(_ row: Int, cells rowCells: UnsafeBufferPointer<JiraTable.Cell>, sorted: UnsafeMutableBufferPointer<JiraTable.Cell>) -> PlanTask {
        let rowNumber = table.rowNumbers[row]
        var task = PlanTask(id: identities[row], name: "")
        var dates = dateScratch
        dateScratch = []
        dates.removeAll(keepingCapacity: true)
        var statusCategory: StatusCategory?
        var assignee = Assignee()
        var parentSummary: String?
        var issueType: String?
        var logged = 0
        var entries = entryScratch
        entryScratch = []
        gather(rowCells, sorted: sorted, into: &entries)
        reserveValues(entries, in: &task)
        for entry in entries {
            // Made only where it is used (a list is made from all of its values instead), and
            // bound to a constant where it is used twice. Not a `lazy var`: that is a box with
            // exclusivity checks, on every cell.
            var first: String { entry.first }
            switch layout.groups[entry.group].role {
            case .field(let field):
                switch field {
                case .summary: task.name = first
                case .issueKey: break
                case .issueID:
                    if let number = entry.firstBytes.flatMap(Self.wholeNumber) ?? Int(first.trimmingSpaces) {
                        task.displayID = number
                    } else {
                        keep(entry, first, in: &task)
                    }
                case .issueType where !isList[entry.group]: issueType = first
                case .status: task.status = first
                case .statusCategory:
                    let text = first
                    statusCategory = lookups.statusCategory(text)
                    keep(entry, text, in: &task)
                case .priority:
                    let text = first
                    task.priority = lookups.priority(text)
                    if task.priority == nil || JiraCSVWriter.priorityName(task.priority!) != text { keep(entry, text, in: &task) }
                case .assignee: assignee.name = first
                case .assigneeID: assignee.accountID = first
                case .description: task.notes = first
                case .originalEstimate:
                    if let work = seconds(entry, row: rowNumber, task: task.id) {
                        task.work = work
                        task.duration = work
                    } else {
                        keep(entry, first, in: &task)
                    }
                case .remainingEstimate:
                    if let remaining = seconds(entry, row: rowNumber, task: task.id) { task.remainingDuration = remaining } else { keep(entry, first, in: &task) }
                case .timeSpent:
                    if let spent = seconds(entry, row: rowNumber, task: task.id) { task.actualWork = spent } else { keep(entry, first, in: &task) }
                case .logWork:
                    // `comment;date;author;seconds`: the seconds are the last part (comments may hold `;`).
                    let values = entry.texts
                    for value in values {
                        let last = value.utf8.lastIndex(of: UInt8(ascii: ";")).map { value.utf8.index(after: $0) } ?? value.startIndex
                        if let s = Int(String(value[last...]).trimmingSpaces) { logged += s }
                    }
                    // Kept from the texts just made, not made again.
                    task.extensions[extensionKeys[entry.group]] = isList[entry.group] ? JiraList.encode(values) : values[0]
                case .parentKey, .parent, .parentID, .epicLink:
                    output.parentReferences.append(ParentReference(row: row, field: field, text: first.trimmingSpaces, column: entry.firstColumn))
                case .parentSummary: parentSummary = first
                case .projectName:
                    let text = first
                    if output.projectName == nil { output.projectName = text }
                    keep(entry, text, in: &task)
                case .labels, .sprint, .components, .fixVersions, .affectsVersions:
                    setCustomField(.text(entry.list), group: entry.group, type: .text, in: &task)
                default:
                    if case .roleDate(let pattern) = types[entry.group], let pattern {
                        if let moment = parse(entry, pattern) {
                            noteConflicts(entry, pattern: pattern, row: rowNumber, task: task.id)
                            dates.append(FoundDate(field: field, moment: moment, group: entry.group))
                        } else {
                            keep(entry, first, in: &task)
                        }
                    } else {
                        keep(entry, first, in: &task)
                    }
                }
            case .link(let direction, let type):
                for cell in entry.cells {
                    output.linkCells.append(LinkCell(row: row, direction: direction, type: type, target: source.text(cell).trimmingSpaces, column: Int(cell.column)))
                }
            case .customField:
                switch types[entry.group] {
                case .customDate(let pattern): setCustomField(.date(parse(entry, pattern)!), group: entry.group, type: .date, in: &task)
                case .customNumber: setCustomField(.number(Double(first)!), group: entry.group, type: .number, in: &task)
                default:
                    let text = isList[entry.group] ? entry.list : first
                    setCustomField(.text(text), group: entry.group, type: .text, in: &task)
                }
            case .other:
                keep(entry, first, in: &task)
            }
        }
        entryScratch = entries
        dateScratch = dates
        if task.name.isEmpty {
            output.diagnostics.add(.jiraMissingSummary, "the issue has no summary", row: rowNumber, column: layout.group(.summary).map { layout.headers[$0.columns[0]] }, entity: task.id)
        }
        if task.actualWork == nil, logged > 0 { task.actualWork = JiraPlanBuilder.duration(seconds: logged) }
        applyDates(dates, to: &task)
        task.percentComplete = percentComplete(category: statusCategory, status: task.status, work: task.work, spent: task.actualWork)
        output.parentSummaries.append(parentSummary)
        output.issueTypes.append(issueType)
        output.assignees.append(assignee.name != nil || assignee.accountID != nil ? assignee : nil)
        return task
    }

    /// Room for the row's custom fields and extensions at once, instead of a series of doublings
    /// that rehash every key each time.
    private func reserveValues(_ entries: [GroupValues], in task: inout PlanTask) {
        var custom = 0, kept = 0
        for entry in entries {
            let room = roomOfGroup[entry.group]
            if room.contains(.customField) { custom += 1 }
            if room.contains(.extension) { kept += 1 }
        }
        // One value needs no room made: the first insert allocates it. (Reserving goes through
        // the standard library's unspecialized resizing, which looks up type metadata each time.)
        if custom > 1 { task.customFields.reserveCapacity(custom) }
        if kept > 1 { task.extensions.reserveCapacity(kept) }
    }

    /// Where a group's value may land in a task; a value that may land in either counts for both.
    struct Room: OptionSet, Sendable {
        let rawValue: UInt8
        static let customField = Room(rawValue: 1)
        static let `extension` = Room(rawValue: 2)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ role: JiraHeaderLayout.Role) {
            switch role {
            case .customField: self = .customField
            case .other: self = .extension
            case .link: self = []
            case .field(let field):
                switch field {
                case .labels, .sprint, .components, .fixVersions, .affectsVersions: self = .customField
                case .summary, .issueKey, .status, .assignee, .assigneeID, .description, .parentKey, .parent, .parentID, .epicLink,
                    .parentSummary:
                    self = []
                default: self = JiraColumnTypes.dateRoles.contains(field) ? [.customField, .extension] : .extension
                }
            }
        }
    }

    /// Start ← Start date ▸ Target start; finish ← Due date ▸ Target end ▸ End date; actual and
    /// baseline dates from their columns. A date that is not used is kept as a date custom field.
    /// A date a row gives, and the group it came from.
    struct FoundDate {
        var field: JiraField
        var moment: CivilDateTime
        var group: Int
    }

    private mutating func applyDates(_ dates: [FoundDate], to task: inout PlanTask) {
        guard !dates.isEmpty else { return }
        func date(_ field: JiraField) -> CivilDateTime? { dates.first { $0.field == field }?.moment }
        var used: [JiraField] = []
        if let field = JiraField.startSources.first(where: { date($0) != nil }) {
            task.start = date(field)
            used.append(field)
        }
        if let field = JiraField.finishSources.first(where: { date($0) != nil }) {
            task.finish = date(field)
            used.append(field)
        }
        if let moment = date(.actualStart) { task.actualStart = moment; used.append(.actualStart) }
        if let moment = date(.actualEnd) { task.actualFinish = moment; used.append(.actualEnd) }
        if date(.baselineStart) != nil || date(.baselineEnd) != nil {
            task.baselines = [Baseline(number: 0, start: date(.baselineStart), finish: date(.baselineEnd))]
            used.append(contentsOf: [.baselineStart, .baselineEnd])
        }
        for entry in dates where !used.contains(entry.field) {
            setCustomField(.date(entry.moment), group: entry.group, type: .date, in: &task)
        }
    }

    /// Done → 100 %, to do → 0 %; in progress → time spent over the estimate (1–99 %), or 50 %.
    private mutating func percentComplete(category: StatusCategory?, status: String?, work: WorkDuration?, spent: WorkDuration?) -> Int? {
        guard let category = category ?? status.flatMap({ lookups.status($0) }) ?? (status == nil ? nil : .inProgress)
        else { return nil }
        switch category {
        case .toDo: return 0
        case .done: return 100
        case .inProgress:
            guard let work = work?.minutes, work > 0, let spent = spent?.minutes else { return 50 }
            return min(99, max(1, spent * 100 / work))
        }
    }

    /// The values of a column the model has no field for, kept under `jira:<English header>`.
    private func keep(_ entry: GroupValues, _ first: @autoclosure () -> String, in task: inout PlanTask) {
        task.extensions[extensionKeys[entry.group]] = isList[entry.group] ? entry.list : first()
    }

    private mutating func setCustomField(_ value: CustomFieldValue, group index: Int, type: CustomFieldType, in task: inout PlanTask) {
        let id = customFieldIDs[index]
        if !defined[index] {
            defined[index] = true
            output.customFieldDefinitions[index] = CustomFieldDefinition(id: id, name: layout.groups[index].canonical, type: type, entity: .task)
        }
        task.customFields[id] = value
    }

    /// The first value as a date of the pattern, read from its bytes where it can be.
    private func parse(_ entry: GroupValues, _ pattern: JiraDatePattern) -> CivilDateTime? {
        guard let bytes = entry.firstBytes else { return pattern.parse(entry.first) }
        return pattern.parse(bytes, months: monthWords)
    }

    /// Digits with nothing but spaces or tabs around them, as a number; nil for anything else
    /// (signs, too many digits), which is then read the slow way, from the text.
    private static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0, end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard start < end, end - start <= 18 else { return nil }
        var value = 0
        for index in start..<end {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// Estimates are whole seconds; the model counts minutes.
    private mutating func seconds(_ entry: GroupValues, row: Int, task: TaskID) -> WorkDuration? {
        guard let seconds = entry.firstBytes.flatMap(Self.wholeNumber) ?? Int(entry.first.trimmingSpaces).flatMap({ $0 >= 0 ? $0 : nil })
        else {
            let text = entry.first.trimmingSpaces
            output.diagnostics.add(.jiraBadNumber, "'\(text)' is not a number of seconds; kept as text", row: row, column: layout.headers[entry.firstColumn], entity: task)
            return nil
        }
        if seconds % 60 != 0 {
            output.diagnostics.add(.jiraEstimateRounded, "\(seconds) seconds is not a whole number of minutes; rounded", row: row, column: layout.headers[entry.firstColumn], entity: task)
        }
        return JiraPlanBuilder.duration(seconds: seconds)
    }

    /// Three `Start date` columns that disagree: the first is used, and the user is told.
    private mutating func noteConflicts(_ entry: GroupValues, pattern: JiraDatePattern, row: Int, task: TaskID) {
        guard entry.hasSeveral else { return }
        let first = pattern.parse(entry.first)
        for cell in entry.cells.dropFirst() where pattern.parse(source.text(cell)) != first {
            output.diagnostics.add(
                .jiraConflictingValues, "'\(source.text(cell))' differs from '\(entry.first)' in an earlier column of the same meaning; the first is used",
                row: row, column: layout.headers[Int(cell.column)], entity: task)
        }
    }
}
