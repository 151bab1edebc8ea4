import PlanModel

/// Custom-field `FieldID`s (brief §5): entity base + field index. The index tables are data taken
/// from the definitions MS Project wrote in the corpus (`alias.xml` for tasks and resources, the
/// `assignment-*` files and MPXJ's published field map for assignments).
extension MSPDI {
    static let taskFieldBase = 0x0B40_0000
    static let resourceFieldBase = 0x0C40_0000
    static let assignmentFieldBase = 0x0F40_0000

    /// A custom field MSPDI knows by number: `Text1` of tasks is FieldID 188743731.
    struct CustomFieldName: Hashable, Sendable {
        var entity: EntityKind
        /// `Text1`, `Flag20`, `OutlineCode3`: the model's `CustomFieldDefinition.id`.
        var name: String
        var type: CustomFieldType
        var fieldID: Int
    }

    static func fieldBase(_ entity: EntityKind) -> Int? {
        switch entity {
        case .task: return taskFieldBase
        case .resource: return resourceFieldBase
        case .assignment: return assignmentFieldBase
        case .project: return nil
        }
    }

    /// The entity a FieldID belongs to, from its base.
    static func entity(ofFieldID fieldID: Int) -> EntityKind? {
        switch fieldID & ~0xFFFF {
        case taskFieldBase: return .task
        case resourceFieldBase: return .resource
        case assignmentFieldBase: return .assignment
        default: return nil
        }
    }

    /// The known field for a FieldID, or nil (enterprise fields and other numbers).
    static func customField(fieldID: Int) -> CustomFieldName? { FieldTable.byID[fieldID] }

    /// The known field by entity and name (`Text1`).
    static func customField(entity: EntityKind, name: String) -> CustomFieldName? {
        FieldTable.byName[FieldTable.NameKey(entity: entity, name: name)]
    }

    /// The type a field family stores: Start/Finish/Date are dates, OutlineCode values are text.
    static func customFieldType(family: String) -> CustomFieldType? {
        switch family {
        case "Text", "OutlineCode": return .text
        case "Start", "Finish", "Date": return .date
        case "Flag": return .flag
        case "Number": return .number
        case "Duration": return .duration
        case "Cost": return .cost
        default: return nil
        }
    }

    /// The `CFType` code a definition carries for a field (7 = Text, 6 = Start, 3 = Finish, …).
    static func cfType(forField name: String, type: CustomFieldType) -> Int {
        if name.hasPrefix("Start") { return 6 }
        if name.hasPrefix("Finish") { return 3 }
        switch type {
        case .cost: return 0
        case .date: return 1
        case .duration: return 2
        case .flag: return 4
        case .number: return 5
        case .text: return 7
        }
    }
}

private enum FieldTable {
    struct NameKey: Hashable {
        var entity: EntityKind
        var name: String
    }

    /// (family, numbers, index of the first, step between consecutive numbers).
    typealias Run = (family: String, numbers: ClosedRange<Int>, first: Int, step: Int)

    static let task: [Run] = [
        ("Text", 1...5, 51, 3), ("Start", 1...5, 52, 3), ("Finish", 1...5, 53, 3), ("Text", 6...10, 66, 1),
        ("Flag", 1...10, 72, 1), ("Number", 1...5, 87, 1), ("Duration", 1...3, 103, 1), ("Cost", 1...3, 106, 1),
        ("Cost", 4...10, 258, 1), ("Date", 1...10, 265, 1), ("Duration", 4...10, 275, 1), ("Start", 6...10, 282, 2),
        ("Finish", 6...10, 283, 2), ("Flag", 11...20, 292, 1), ("Number", 6...20, 302, 1), ("Text", 11...30, 317, 1),
        ("OutlineCode", 1...10, 416, 2),
    ]

    static let resource: [Run] = [
        ("Text", 1...2, 8, 1), ("Text", 3...5, 30, 1), ("Text", 6...10, 97, 1), ("Start", 1...5, 102, 1),
        ("Finish", 1...5, 107, 1), ("Number", 1...5, 112, 1), ("Duration", 1...3, 117, 1), ("Cost", 1...3, 123, 1),
        ("Flag", 10...10, 126, 1), ("Flag", 1...9, 127, 1), ("Cost", 4...10, 166, 1), ("Date", 1...10, 173, 1),
        ("Duration", 4...10, 183, 1), ("Finish", 6...10, 190, 1), ("Flag", 11...20, 195, 1), ("Number", 6...20, 205, 1),
        ("Start", 6...10, 220, 1), ("Text", 11...30, 225, 1), ("OutlineCode", 1...10, 278, 2),
    ]

    static let assignment: [Run] = [
        ("Text", 1...10, 88, 1), ("Start", 1...5, 98, 1), ("Finish", 1...5, 103, 1), ("Number", 1...5, 108, 1),
        ("Duration", 1...3, 113, 1), ("Cost", 1...3, 119, 1), ("Flag", 10...10, 122, 1), ("Flag", 1...9, 123, 1),
        ("Cost", 4...10, 159, 1), ("Date", 1...10, 166, 1), ("Duration", 4...10, 176, 1), ("Finish", 6...10, 183, 1),
        ("Flag", 11...20, 188, 1), ("Number", 6...20, 198, 1), ("Start", 6...10, 213, 1), ("Text", 11...30, 218, 1),
    ]

    static let all: [MSPDI.CustomFieldName] = {
        var fields: [MSPDI.CustomFieldName] = []
        for (entity, runs) in [(EntityKind.task, task), (.resource, resource), (.assignment, assignment)] {
            let base = MSPDI.fieldBase(entity)!
            for run in runs {
                for (offset, number) in run.numbers.enumerated() {
                    fields.append(MSPDI.CustomFieldName(
                        entity: entity, name: run.family + String(number),
                        type: MSPDI.customFieldType(family: run.family)!,
                        fieldID: base + run.first + offset * run.step))
                }
            }
        }
        return fields
    }()

    static let byID: [Int: MSPDI.CustomFieldName] = Dictionary(uniqueKeysWithValues: all.map { ($0.fieldID, $0) })
    static let byName: [NameKey: MSPDI.CustomFieldName] = Dictionary(
        uniqueKeysWithValues: all.map { (NameKey(entity: $0.entity, name: $0.name), $0) })
}
