/// Which kind of entity a custom field belongs to.
public enum EntityKind: String, CaseIterable, Hashable, Sendable {
    case project, task, resource, assignment
}

/// The type of a custom field's values.
public enum CustomFieldType: String, CaseIterable, Hashable, Sendable {
    case text, number, date, duration, flag, cost
}

/// A custom field: MSPDI `ExtendedAttribute` definitions, Jira `Custom field (…)` columns.
public struct CustomFieldDefinition: Hashable, Sendable, Identifiable {
    /// The key values are stored under on each entity, e.g. `Text1` or `customfield_10020`.
    public var id: String
    /// The name the source calls the field by (`Custom field (Story Points)`, `Text1`).
    public var name: String
    /// The user's alias for it, when the source has one.
    public var alias: String?
    public var type: CustomFieldType
    public var entity: EntityKind
    /// The source's own numeric field id (MSPDI `FieldID`), kept for a faithful round trip.
    public var sourceFieldID: String?

    public init(id: String, name: String, alias: String? = nil, type: CustomFieldType, entity: EntityKind, sourceFieldID: String? = nil) {
        self.id = id
        self.name = name
        self.alias = alias
        self.type = type
        self.entity = entity
        self.sourceFieldID = sourceFieldID
    }
}

/// One value of a custom field.
public enum CustomFieldValue: Hashable, Sendable {
    case text(String)
    case number(Double)
    case date(CivilDateTime)
    case duration(WorkDuration)
    case flag(Bool)
    case cost(Amount)

    public var type: CustomFieldType {
        switch self {
        case .text: return .text
        case .number: return .number
        case .date: return .date
        case .duration: return .duration
        case .flag: return .flag
        case .cost: return .cost
        }
    }
}

/// Custom field values of one entity, keyed by `CustomFieldDefinition.id`.
public typealias CustomFields = [String: CustomFieldValue]
