import PlanModel

/// How the values of each column group are read, decided from all of the group's values before any
/// row is mapped: which date format a date column uses (Jira's format depends on the exporting
/// user's locale and the admin's settings, so it is detected per column), and which type a custom
/// field has.
struct JiraColumnTypes: Sendable {
    enum Kind: Sendable {
        /// A date column the model has a place for (start, due date, …); nil when no format fits.
        case roleDate(JiraDatePattern?)
        case customDate(JiraDatePattern)
        case customNumber
        case customText
        /// Everything else: the mapping decides by role.
        case byRole
    }

    private(set) var kinds: [Kind]

    static let dateRoles: Set<JiraField> = [
        .startDate, .targetStart, .targetEnd, .endDate, .dueDate, .actualStart, .actualEnd, .baselineStart, .baselineEnd,
    ]

    init(table: JiraTable, override: JiraDatePattern?, diagnostics: inout JiraDiagnostics) {
        let layout = table.layout
        // Only the groups that need a decision collect their values.
        var sampled = [Bool](repeating: false, count: layout.groups.count)
        for (index, group) in layout.groups.enumerated() {
            switch group.role {
            case .field(let field) where Self.dateRoles.contains(field): sampled[index] = true
            case .customField where !group.isList: sampled[index] = true
            default: break
            }
        }
        var collected = [[(row: Int, column: Int, text: String)]](repeating: [], count: layout.groups.count)
        for row in 0..<table.rowCount {
            for cell in table.cells(ofRow: row) {
                let group = layout.groupOfColumn[Int(cell.column)]
                if sampled[group] { collected[group].append((table.rowNumbers[row], Int(cell.column), table.text(cell))) }
            }
        }
        let samples = collected.indices.filter { sampled[$0] }.map { ($0, collected[$0]) }
        let override = override.map { [$0] } ?? []
        let roleCandidates = override + JiraDatePattern.candidates
        let candidates = override + JiraDatePattern.candidates.filter { !$0.keepsSeconds }
        kinds = layout.groups.map { _ in .byRole }
        for (index, values) in samples {
            let group = layout.groups[index]
            let texts = values.map(\.text)
            if case .field = group.role {
                let candidates = roleCandidates
                let pattern = candidates.first { pattern in texts.allSatisfy { pattern.parse($0) != nil } }
                if pattern == nil, !texts.isEmpty {
                    // Name the first value that the best-fitting format cannot read.
                    let best = candidates.max { a, b in
                        texts.count(where: { a.parse($0) != nil }) < texts.count(where: { b.parse($0) != nil })
                    }!
                    let bad = values.first { best.parse($0.text) == nil }!
                    diagnostics.add(
                        .jiraUnknownDateFormat,
                        "'\(bad.text)' matches no known date format\(override.first.map { " (nor \($0))" } ?? ""); name the format with --jira-date-format; values read with \(best)",
                        row: bad.row, column: layout.headers[bad.column])
                    kinds[index] = .roleDate(best)
                } else {
                    kinds[index] = .roleDate(pattern)
                }
                continue
            }
            if texts.isEmpty {
                kinds[index] = .customText
            } else if let pattern = candidates.first(where: { pattern in texts.allSatisfy { pattern.parse($0) != nil } }) {
                kinds[index] = .customDate(pattern)
            } else if group.canonical.lowercased().contains("story point"), texts.allSatisfy({ Double($0) != nil }) {
                kinds[index] = .customNumber
            } else {
                kinds[index] = .customText
            }
        }
    }

    subscript(group: Int) -> Kind { kinds[group] }
}

extension JiraDatePattern {
    /// Formats with seconds are not used for custom fields: the writer's default would drop the
    /// seconds, so such values stay text and round-trip exactly.
    var keepsSeconds: Bool { tokens.contains(.second) }
}
