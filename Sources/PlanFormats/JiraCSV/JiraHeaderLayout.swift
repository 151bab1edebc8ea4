/// What each column of an export means. Jira repeats headers (`Labels`×5, one column per value)
/// and even gives different custom fields the same header, so columns are addressed by position
/// and gathered into groups: one group per field, link type or custom-field name.
struct JiraHeaderLayout: Sendable {
    enum Role: Hashable, Sendable {
        case field(JiraField)
        case link(LinkDirection, type: String)
        case customField
        /// A column the reader has no meaning for; kept as an extension.
        case other
    }

    struct Group: Sendable {
        /// The English header (`Custom field (Department)`, `Outward issue link (Blocks)`).
        var canonical: String
        var role: Role
        /// Column positions, left to right.
        var columns: [Int]
        /// Values are lists: Jira repeats this header once per value.
        var isList: Bool
    }

    /// Headers as the file has them (byte-order mark removed), for locations.
    let headers: [String]
    let groups: [Group]
    /// The group of each column.
    let groupOfColumn: [Int]
    let groupOfField: [JiraField: Int]

    init(headers: [String], vocabulary: JiraVocabulary = .shared) {
        self.headers = headers
        var groups: [Group] = []
        var groupIndex: [String: Int] = [:]
        var groupOfField: [JiraField: Int] = [:]
        var groupOfColumn: [Int] = []
        for (column, header) in headers.enumerated() {
            let (canonical, role) = Self.classify(header, column: column, vocabulary: vocabulary)
            // Fields group by meaning ("Start date" and "Start Date" are one), the rest by name.
            let key: String
            if case .field(let field) = role { key = "field:" + field.rawValue } else { key = "name:" + canonical }
            if let existing = groupIndex[key] {
                groups[existing].columns.append(column)
                groups[existing].isList = groups[existing].isList || Self.repeatsMeanLists(role)
                groupOfColumn.append(existing)
            } else {
                groupIndex[key] = groups.count
                if case .field(let field) = role { groupOfField[field] = groups.count }
                groupOfColumn.append(groups.count)
                groups.append(Group(canonical: canonical, role: role, columns: [column], isList: Self.alwaysList(role)))
            }
        }
        self.groups = groups
        self.groupOfColumn = groupOfColumn
        self.groupOfField = groupOfField
    }

    func group(_ field: JiraField) -> Group? { groupOfField[field].map { groups[$0] } }

    /// Multi-valued system fields and link columns hold lists even when the export has one column.
    private static func alwaysList(_ role: Role) -> Bool {
        switch role {
        case .field(let field): return field.isMultiValued
        case .link: return true
        case .customField, .other: return false
        }
    }

    /// A repeated custom-field or unknown header is a list; a repeated single-valued field (three
    /// `Start date` custom fields) is still one value, the first one given.
    private static func repeatsMeanLists(_ role: Role) -> Bool {
        if case .field(let field) = role { return field.isMultiValued }
        return true
    }

    static func classify(_ rawHeader: String, column: Int, vocabulary: JiraVocabulary) -> (String, Role) {
        let header = rawHeader.trimmingSpaces
        guard !header.isEmpty else { return ("(column \(column + 1))", .other) }
        let lower = header.lowercased()
        if let field = vocabulary.headers[lower] { return (field.header, .field(field)) }
        if let inner = Self.inner(of: header, lower: lower, prefixes: vocabulary.customFieldPrefixes) {
            if let field = JiraField.byCustomFieldName[inner.lowercased()] { return (field.header, .field(field)) }
            return (JiraField.customFieldPrefix + inner + ")", .customField)
        }
        for (prefix, direction) in vocabulary.linkPrefixes {
            if let type = Self.inner(of: header, lower: lower, prefixes: [prefix]) {
                return (direction.header(type: type), .link(direction, type: type))
            }
        }
        return (header, .other)
    }

    /// `X` of `<prefix>X)`, keeping X's case.
    private static func inner(of header: String, lower: String, prefixes: [String]) -> String? {
        guard header.hasSuffix(")") else { return nil }
        for prefix in prefixes where lower.hasPrefix(prefix) {
            let start = header.unicodeScalars.index(header.unicodeScalars.startIndex, offsetBy: prefix.unicodeScalars.count)
            let end = header.unicodeScalars.index(before: header.unicodeScalars.endIndex)
            guard start <= end else { return nil }
            return String(header.unicodeScalars[start..<end])
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (header cells sometimes carry them).
    var trimmingSpaces: String {
        // Nearly every value has nothing to trim; the check needs no index arithmetic.
        if let first = utf8.first, let last = utf8.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
