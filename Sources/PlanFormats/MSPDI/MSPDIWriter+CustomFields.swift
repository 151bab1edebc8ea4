import PlanModel

/// Where each custom field goes in MSPDI. A definition read from MSPDI keeps its `FieldID`; one
/// from another format (a Jira `Custom field (Story Points)`) takes the first free MS Project
/// field of its type (`Number1`, `Number2`, …), with the source's name as the `Alias`, which is
/// what MS Project shows and what Primavera keys on (brief §5). When no field of the type is left,
/// the values are dropped and counted.
struct CustomFieldLayout {
    struct Field {
        var fieldID: Int
        var fieldName: String
        var alias: String?
        var type: CustomFieldType
        var entity: EntityKind
    }

    /// The definitions to write, in plan order.
    private(set) var definitions: [Field] = []
    /// Value key (`CustomFieldDefinition.id`, or a field name such as `Text1`) → field, per entity.
    private var byKey: [EntityKind: [String: Field]] = [:]
    /// Definitions that found no place: project fields, and fields with no free MSPDI field left.
    private(set) var unplaced: [CustomFieldDefinition] = []

    init(_ plan: Plan) {
        var taken = Set<Int>()
        var needsField: [CustomFieldDefinition] = []
        for definition in plan.customFieldDefinitions {
            guard MSPDI.fieldBase(definition.entity) != nil else {
                unplaced.append(definition)
                continue
            }
            // A source id is an MSPDI FieldID only when it lies in the entity's range; another
            // source's number (Jira's `customfield_10016` keeps 10016) would be a FieldID that
            // MS Project and MPXJ cannot map to any field.
            let sourceID = definition.sourceFieldID.flatMap { Int($0) }.flatMap {
                MSPDI.entity(ofFieldID: $0) == definition.entity ? $0 : nil
            }
            let known = sourceID ?? MSPDI.customField(entity: definition.entity, name: definition.id)?.fieldID
            if let fieldID = known, !taken.contains(fieldID) {
                taken.insert(fieldID)
                place(definition, Field(fieldID: fieldID, fieldName: definition.name, alias: definition.alias, type: definition.type, entity: definition.entity))
            } else {
                needsField.append(definition)
            }
        }
        for definition in needsField {
            guard let free = Self.freeField(for: definition, taken: taken) else {
                unplaced.append(definition)
                continue
            }
            taken.insert(free.fieldID)
            place(definition, Field(
                fieldID: free.fieldID, fieldName: free.name, alias: definition.alias ?? definition.name,
                type: definition.type, entity: definition.entity))
        }
    }

    private mutating func place(_ definition: CustomFieldDefinition, _ field: Field) {
        definitions.append(field)
        byKey[definition.entity, default: [:]][definition.id] = field
    }

    /// The field for a value key; values MS Project wrote without a definition use the field name.
    func field(entity: EntityKind, key: String) -> Field? {
        if let field = byKey[entity]?[key] { return field }
        guard let known = MSPDI.customField(entity: entity, name: key) else { return nil }
        return Field(fieldID: known.fieldID, fieldName: known.name, alias: nil, type: known.type, entity: entity)
    }

    /// The first MS Project field of the definition's type that no definition uses yet.
    private static func freeField(for definition: CustomFieldDefinition, taken: Set<Int>) -> MSPDI.CustomFieldName? {
        let family: String
        switch definition.type {
        case .text: family = "Text"
        case .number: family = "Number"
        case .date: family = "Date"
        case .duration: family = "Duration"
        case .flag: family = "Flag"
        case .cost: family = "Cost"
        }
        for number in 1...30 {
            guard let field = MSPDI.customField(entity: definition.entity, name: family + String(number)) else { break }
            if !taken.contains(field.fieldID) { return field }
        }
        return nil
    }
}

extension MSPDIWriter.Context {
    /// `Project/ExtendedAttributes`: one definition per placed field, with the children the reader
    /// kept for it (`mspdi:ExtendedAttributes[<FieldID>]/<Name>` in `plan.extensions`).
    func writeCustomFieldDefinitions() {
        let extras = ExtensionSplit.nested(plan.extensions, sub: "ExtendedAttributes")
        for field in customFields.definitions {
            out.start("ExtendedAttribute")
            var d = ChildEmitter<CustomFieldDefinitionElement>(out, extensions: extras[String(field.fieldID)] ?? [])
            d.int(.FieldID, field.fieldID)
            d.text(.FieldName, field.fieldName)
            d.int(.CFType, MSPDI.cfType(forField: field.fieldName, type: field.type))
            d.int(.ElemType, MSPDI.elemType(field.entity))
            d.text(.Alias, field.alias)
            d.finish()
            out.end()
        }
        for definition in customFields.unplaced {
            loss.record(
                "custom fields", count: 1,
                definition.entity == .project
                    ? "dropped: MSPDI has no project custom fields"
                    : "dropped: no free MS Project \(definition.type.rawValue) field left for \(definition.entity.rawValue)s")
        }
    }

    /// An entity's `ExtendedAttribute` values, sorted by FieldID so the output is deterministic.
    func writeCustomFieldValues(_ values: CustomFields, entity: EntityKind, extensions: Extensions) {
        guard !values.isEmpty else { return }
        let extras = ExtensionSplit.nested(extensions, sub: "ExtendedAttribute")
        var placed: [(field: CustomFieldLayout.Field, value: CustomFieldValue)] = []
        for (key, value) in values {
            if let field = customFields.field(entity: entity, key: key) {
                placed.append((field, value))
            } else {
                loss.record("custom field values", count: 1, "dropped: their field has no place in MSPDI")
            }
        }
        placed.sort { $0.field.fieldID < $1.field.fieldID }
        for (field, value) in placed {
            out.start("ExtendedAttribute")
            var v = ChildEmitter<CustomFieldValueElement>(out, extensions: extras[String(field.fieldID)] ?? [])
            v.int(.FieldID, field.fieldID)
            switch value {
            case .text(let text): v.text(.Value, text)
            case .number(let number): v.text(.Value, Self.numberText(number))
            case .date(let date): v.dateTime(.Value, date)
            case .flag(let flag): v.bool(.Value, flag)
            case .cost(let amount): v.cents(.Value, amount)
            case .duration(let duration):
                v.duration(.Value, minutes: duration.minutes)
                v.int(.DurationFormat, durationFormatCode(duration))
            }
            v.finish()
            out.end()
        }
    }

    /// `12`, `12.5`, `-0.25`: whole numbers without a fraction, as MS Project writes them.
    static func numberText(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
