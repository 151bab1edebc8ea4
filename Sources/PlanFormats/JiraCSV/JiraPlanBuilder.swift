import PlanModel

/// Maps a tokenized export onto the model: identities first (links and parents refer to issues by
/// key or by numeric id, often before the issue's own row), then each row, then the hierarchy, the
/// links and the outline order.
struct JiraPlanBuilder {
    /// One row's non-empty values of one column group, left to right.
    struct GroupValues {
        var group: Int
        var values: [String]
        var columns: [Int]
    }

    /// A parent reference as the row states it.
    struct ParentReference {
        var field: JiraField
        var text: String
        var column: Int
    }

    /// One issue-link cell: `direction (type)` on `row` naming `target`.
    struct LinkCell {
        var row: Int
        var direction: LinkDirection
        var type: String
        var target: String
        var column: Int
    }

    let table: JiraTable
    let types: JiraColumnTypes
    var diagnostics: JiraDiagnostics
    let vocabulary = JiraVocabulary.shared

    /// Per data row, in file order.
    var tasks: [PlanTask] = []
    var parentReferences: [[ParentReference]] = []
    var parentSummaries: [String?] = []
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
    var lookups = JiraWordLookups(vocabulary: .shared)

    /// Per group: its extension key and custom-field id, made once instead of once per cell.
    let extensionKeys: [String]
    let customFieldIDs: [String]
    /// Scratch for `gather`: the slot of each group in the row being gathered, or -1.
    private var slotOfGroup: [Int]

    var layout: JiraHeaderLayout { table.layout }

    init(table: JiraTable, types: JiraColumnTypes, diagnostics: JiraDiagnostics) {
        self.table = table
        self.types = types
        self.diagnostics = diagnostics
        extensionKeys = table.layout.groups.map { "jira:" + $0.canonical + ($0.isList ? "[]" : "") }
        customFieldIDs = table.layout.groups.map { $0.canonical + ($0.isList ? "[]" : "") }
        slotOfGroup = Array(repeating: -1, count: table.layout.groups.count)
    }

    mutating func build() -> Plan {
        assignIdentities()
        for row in 0..<table.rowCount { mapRow(row) }
        let parents = resolveParents()
        let dependencies = resolveLinks()
        return assemble(parents: parents, dependencies: dependencies)
    }

    /// The row's non-empty values, grouped.
    mutating func gather(_ row: Int) -> [GroupValues] {
        var result: [GroupValues] = []
        let cells = table.cells(ofRow: row)
        result.reserveCapacity(cells.count)
        for cell in cells {
            let column = Int(cell.column)
            let group = layout.groupOfColumn[column]
            let index = slotOfGroup[group]
            if index >= 0 {
                result[index].values.append(cell.text)
                result[index].columns.append(column)
            } else {
                slotOfGroup[group] = result.count
                result.append(GroupValues(group: group, values: [cell.text], columns: [column]))
            }
        }
        for entry in result { slotOfGroup[entry.group] = -1 }
        return result
    }

    func firstValue(_ field: JiraField, row: Int) -> String? {
        guard let group = layout.groupOfField[field] else { return nil }
        for cell in table.cells(ofRow: row) where layout.groupOfColumn[Int(cell.column)] == group {
            return cell.text
        }
        return nil
    }

    /// Task identity = the issue key; without one the numeric id; without either the row.
    private mutating func assignIdentities() {
        var used: Set<String> = []
        tasks.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            let rowNumber = table.rowNumbers[row]
            let key = firstValue(.issueKey, row: row)?.trimmingSpaces.nonEmpty
            let issueID = firstValue(.issueID, row: row)?.trimmingSpaces.nonEmpty
            var identity = key ?? issueID ?? "row-\(rowNumber)"
            if used.contains(identity) {
                let unique = "\(identity)~row\(rowNumber)"
                diagnostics.add(
                    .jiraDuplicateKey, "issue \(identity) appears twice; this row is read as \(unique)", row: rowNumber,
                    column: layout.group(key != nil ? .issueKey : .issueID).map { layout.headers[$0.columns[0]] },
                    entity: TaskID(unique))
                identity = unique
            } else {
                if let key { byKey[key] = row }
                if let issueID, byIssueID[issueID] == nil { byIssueID[issueID] = row }
            }
            used.insert(identity)
            tasks.append(PlanTask(id: TaskID(identity), name: ""))
        }
        parentReferences = Array(repeating: [], count: table.rowCount)
        parentSummaries = Array(repeating: nil, count: table.rowCount)
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
struct JiraWordLookups {
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
