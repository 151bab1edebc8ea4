import PlanModel

/// Maps a tokenized export onto the model: identities first (links and parents refer to issues by
/// key or by numeric id, often before the issue's own row), then each row (`JiraRowMapper`, on all
/// cores), then the people, the hierarchy, the links and the outline order.
struct JiraPlanBuilder {
    typealias ParentReference = JiraRowMapper.ParentReference
    typealias LinkCell = JiraRowMapper.LinkCell

    let table: JiraTable
    /// Decided in `build`, beside the identities.
    private(set) var types: JiraColumnTypes!
    let dateFormat: JiraDatePattern?
    var diagnostics: JiraDiagnostics

    /// Per data row, in file order.
    var identities: [TaskID] = []
    var tasks: [PlanTask] = []
    /// In row order, several per row or none.
    var parentReferences: [ParentReference] = []
    var parentSummaries: [String?] = []
    /// Per data row, the Issue Type it gives; kept in `assemble` where the outline does not imply it.
    var issueTypes: [String?] = []
    var linkCells: [LinkCell] = []
    var byKey: [String: Int] = [:]
    var byIssueID: [String: Int] = [:]

    var resources: [Resource] = []
    var resourceIndex: [ResourceID: Int] = [:]
    /// Per data row, the assignment of its assignee.
    var assignments: [Assignment?] = []
    /// Column groups that gave a custom-field value, with the definition they made.
    var customFieldDefinitions: [Int: CustomFieldDefinition] = [:]
    var projectName: String?

    var layout: JiraHeaderLayout { table.layout }

    init(table: JiraTable, dateFormat: JiraDatePattern?, diagnostics: JiraDiagnostics) {
        self.table = table
        self.dateFormat = dateFormat
        self.diagnostics = diagnostics
    }

    mutating func build() -> Plan {
        decideTypesAndIdentities()
        mapRows()
        let parents = resolveParents()
        let dependencies = resolveLinks()
        return assemble(parents: parents, dependencies: dependencies)
    }

    /// Maps the rows with one mapper per range and takes over their output in row order.
    private mutating func mapRows() {
        let extensionKeys = layout.groups.map { "jira:" + $0.canonical + ($0.isList ? "[]" : "") }
        let customFieldIDs = layout.groups.map { $0.canonical + ($0.isList ? "[]" : "") }
        let mapper = JiraRowMapper(
            table: table, types: types, identities: identities, extensionKeys: extensionKeys, customFieldIDs: customFieldIDs,
            sourceName: diagnostics.sourceName)
        // Small files are mapped on one core: a second one costs more than it gives, and a batch
        // already keeps every core busy with files of its own.
        let count = table.rowCount
        let half = count >= Self.rowsWorthASecondCore ? count / 2 : count
        var outputs: [JiraRowMapper.Output] = []
        tasks = [PlanTask](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = JiraRowMapper.TaskSlots(base: base)
            let later = Pending<JiraRowMapper.Output?> {
                guard half < count else { return nil }
                var second = mapper
                second.map(rows: half..<count, into: slots)
                return second.output
            }
            var first = mapper
            first.map(rows: 0..<half, into: slots)
            outputs.append(first.output)
            // Both halves are initialized once the second mapper is done.
            if let output = later.value { outputs.append(output) }
            initialized = count
        }
        var assignees: [JiraRowMapper.Assignee?] = []
        for output in outputs {
            assignees += output.assignees
            take(output)
        }
        for (row, assignee) in assignees.enumerated() {
            guard let assignee else { continue }
            assign(row: row, name: assignee.name, accountID: assignee.accountID)
        }
    }

    static let rowsWorthASecondCore = 5_000

    private mutating func take(_ output: JiraRowMapper.Output) {
        parentReferences.append(contentsOf: output.parentReferences)
        parentSummaries.append(contentsOf: output.parentSummaries)
        issueTypes.append(contentsOf: output.issueTypes)
        linkCells.append(contentsOf: output.linkCells)
        customFieldDefinitions.merge(output.customFieldDefinitions) { earlier, _ in earlier }
        if projectName == nil { projectName = output.projectName }
        diagnostics.append(output.diagnostics)
    }

    /// The assignee becomes a resource (once per person) and the row's assignment.
    private mutating func assign(row: Int, name: String?, accountID: String?) {
        let id = ResourceID(accountID ?? name!)
        if resourceIndex[id] == nil {
            resourceIndex[id] = resources.count
            let display = name ?? accountID!
            resources.append(Resource(id: id, name: display, email: display.contains("@") ? display : nil))
        }
        let task = identities[row]
        assignments[row] = Assignment(
            id: AssignmentID(task.rawValue + "/" + id.rawValue), task: task, resource: id, work: tasks[row].work,
            actualWork: tasks[row].actualWork, remainingWork: tasks[row].remainingDuration)
    }

    static func duration(seconds: Int) -> WorkDuration {
        WorkDuration(minutes: (seconds + 30) / 60, unit: .hours)
    }

    /// Column types and identities do not depend on each other: they are found on two cores,
    /// and their findings reported in that order.
    private mutating func decideTypesAndIdentities() {
        let table = self.table, dateFormat = self.dateFormat, sourceName = diagnostics.sourceName
        let typing = Pending<(JiraColumnTypes, JiraDiagnostics)> {
            var found = JiraDiagnostics(sourceName: sourceName)
            let types = JiraColumnTypes(table: table, override: dateFormat, diagnostics: &found)
            return (types, found)
        }
        var findings = diagnostics
        diagnostics = JiraDiagnostics(sourceName: sourceName)
        assignIdentities()
        let (types, typeFindings) = typing.value
        self.types = types
        findings.append(typeFindings)
        findings.append(diagnostics)
        diagnostics = findings
    }

    /// Task identity = the issue key; without one the numeric id; without either the row.
    private mutating func assignIdentities() {
        var used: Set<String> = []
        used.reserveCapacity(table.rowCount)
        byKey.reserveCapacity(table.rowCount)
        byIssueID.reserveCapacity(table.rowCount)
        identities.reserveCapacity(table.rowCount)
        let keyGroup = layout.groupOfField[.issueKey], idGroup = layout.groupOfField[.issueID]
        let groupOfColumn = layout.groupOfColumn, table = self.table
        table.withCells { all in
            for row in 0..<table.rowCount {
                // The first cell of each of the two groups; a second key cell is not looked at.
                var keyCell: JiraTable.Cell?, idCell: JiraTable.Cell?
                for cell in all[table.range(ofRow: row)] {
                    let group = groupOfColumn[Int(cell.column)]
                    if group == keyGroup, keyCell == nil { keyCell = cell }
                    if group == idGroup, idCell == nil { idCell = cell }
                    if keyCell != nil && (idCell != nil || idGroup == nil) { break }
                }
                let key = keyCell.map { table.text($0).trimmingSpaces }?.nonEmpty
                let issueID = idCell.map { table.text($0).trimmingSpaces }?.nonEmpty
                let rowNumber = table.rowNumbers[row]
                var identity = key ?? issueID ?? "row-\(rowNumber)"
                if !used.insert(identity).inserted {
                    let unique = "\(identity)~row\(rowNumber)"
                    diagnostics.add(
                        .jiraDuplicateKey, "issue \(identity) appears twice; this row is read as \(unique)", row: rowNumber,
                        column: layout.group(key != nil ? .issueKey : .issueID).map { layout.headers[$0.columns[0]] },
                        entity: TaskID(unique))
                    identity = unique
                    used.insert(identity)
                } else {
                    if let key { byKey[key] = row }
                    if let issueID, byIssueID[issueID] == nil { byIssueID[issueID] = row }
                }
                identities.append(TaskID(identity))
            }
        }
        assignments = Array(repeating: nil, count: table.rowCount)
    }

    /// The row an issue reference (a key, or a numeric Issue id) names, if it is in the file.
    /// All digits is tried as an Issue id first: a plan written from MS Project has numeric keys,
    /// and its Parent and link cells hold Issue ids.
    func row(named reference: String) -> Int? {
        let trimmed = reference.trimmingSpaces
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            return byIssueID[trimmed] ?? byKey[trimmed]
        }
        return byKey[trimmed] ?? byIssueID[trimmed]
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// Status, category and priority words looked up once per distinct text: an export repeats a
/// handful of them on every row.
struct JiraWordLookups: Sendable {
    private var categories: [String: StatusCategory?] = [:]
    private var statuses: [String: StatusCategory?] = [:]
    private var priorities: [String: Int?] = [:]
    let vocabulary: JiraVocabulary

    init(vocabulary: JiraVocabulary) { self.vocabulary = vocabulary }

    mutating func statusCategory(_ text: String) -> StatusCategory? {
        if let known = categories[text] { return known }
        let found = vocabulary.statusCategories[text.lowercased()]
        categories[text] = found
        return found
    }

    mutating func status(_ text: String) -> StatusCategory? {
        if let known = statuses[text] { return known }
        let found = vocabulary.statuses[text.lowercased()]
        statuses[text] = found
        return found
    }

    mutating func priority(_ text: String) -> Int? {
        if let known = priorities[text] { return known }
        let found = vocabulary.priorities[text.lowercased()]
        priorities[text] = found
        return found
    }
}
