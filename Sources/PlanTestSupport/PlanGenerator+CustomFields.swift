import PlanModel

/// Custom field definitions in MSPDI's style (`Text1` with a field id and an alias) or Jira's
/// (`customfield_10016`), and values of every type.
extension PlanBuilder {
    /// Every plan defines a task field of each type; resource, assignment and project fields come
    /// in some plans.
    mutating func makeCustomFieldDefinitions() -> [CustomFieldDefinition] {
        var definitions: [CustomFieldDefinition] = []
        let taskNames: [CustomFieldType: (alias: String, jira: String)] = [
            .text: ("Risk owner", "Team"), .number: ("Story points", "Story Points"),
            .date: ("Approved on", "Due (external)"),
            .duration: ("Buffer", "Original estimate"), .flag: ("Critical for go-live", "Flagged"),
            .cost: ("Budget", "Budget (€)"),
        ]
        var jiraNumber = 10_015
        func add(_ type: CustomFieldType, _ entity: EntityKind, _ index: Int, alias: String, jiraName: String) {
            let mspdiName = mspdiFieldName(type) + String(index)
            if flavor.usesKeys {
                jiraNumber += 1 + (index * 7) % 5
                definitions.append(
                    CustomFieldDefinition(
                        id: "customfield_\(jiraNumber)", name: jiraName, type: type, entity: entity,
                        sourceFieldID: rng.chance(0.5) ? String(jiraNumber) : nil))
            } else {
                definitions.append(
                    CustomFieldDefinition(
                        id: entity == .task
                            ? mspdiName
                            : entity.rawValue.prefix(1).uppercased() + entity.rawValue.dropFirst() + "." + mspdiName,
                        name: mspdiName,
                        alias: rng.chance(0.7) ? alias : nil, type: type, entity: entity,
                        sourceFieldID: mspdiFieldID(entity, type, index).map(String.init)))
            }
        }
        for type in CustomFieldType.allCases {
            let names = taskNames[type]!
            add(type, .task, 1, alias: names.alias, jiraName: names.jira)
        }
        if rng.chance(0.5) { add(.text, .task, 2, alias: "Gewerk", jiraName: "Component/s") }
        if rng.chance(0.6) {
            add(.text, .resource, 1, alias: "Standort", jiraName: "Location")
            add(.cost, .resource, 1, alias: "Day rate (external)", jiraName: "Day rate")
            add(.flag, .resource, 1, alias: "Contractor", jiraName: "External")
        }
        if rng.chance(0.4) {
            add(.number, .assignment, 1, alias: "Confidence %", jiraName: "Confidence")
            add(.text, .assignment, 1, alias: "Rolle", jiraName: "Role")
        }
        if rng.chance(0.5) {
            add(.text, .project, 1, alias: "Programme", jiraName: "Programme")
            add(.date, .project, 1, alias: "Board review", jiraName: "Board review")
        }
        return definitions
    }

    private func mspdiFieldName(_ type: CustomFieldType) -> String {
        switch type {
        case .text: return "Text"
        case .number: return "Number"
        case .date: return "Date"
        case .duration: return "Duration"
        case .flag: return "Flag"
        case .cost: return "Cost"
        }
    }

    /// The `FieldID` MS Project gives the field (`Text1` of tasks is 188743731), as its files and
    /// MPXJ's field map have them: an entity base plus an index that differs per entity and does
    /// not always step by one (task `Text2` is 188743734). Only the fields defined above are
    /// listed; MSPDI has no project fields, so those get none.
    private func mspdiFieldID(_ entity: EntityKind, _ type: CustomFieldType, _ index: Int) -> Int? {
        let first: [EntityKind: [CustomFieldType: Int]] = [
            .task: [.text: 188_743_731, .number: 188_743_767, .date: 188_743_945, .duration: 188_743_783,
                    .flag: 188_743_752, .cost: 188_743_786],
            .resource: [.text: 205_520_904, .number: 205_521_008, .date: 205_521_069, .duration: 205_521_013,
                        .flag: 205_521_023, .cost: 205_521_019],
            .assignment: [.text: 255_852_632, .number: 255_852_652, .date: 255_852_710, .duration: 255_852_657,
                          .flag: 255_852_667, .cost: 255_852_663],
        ]
        guard let id = first[entity]?[type] else { return nil }
        switch (entity, type, index) {
        case (_, _, 1): return id
        case (.task, .text, 2): return 188_743_734
        default: preconditionFailure("no MS Project FieldID listed for \(entity) \(type)\(index)")
        }
    }

    /// A value of `type`: non-ASCII text, fractional and negative numbers, dates with seconds,
    /// durations in several units, both flags, costs with four decimals.
    mutating func customFieldValue(of type: CustomFieldType) -> CustomFieldValue {
        switch type {
        case .text:
            return .text(rng.pick(Vocabulary.textValues))
        case .number:
            return .number(rng.pick([0, 1, 2, 3, 5, 8, 13, 0.5, 0.1, 2.75, -4, 1e6, 1234567.89, 0.333]))
        case .date:
            let date = clock.date(workingDay: rng.int(-20...400))
            return .date(
                CivilDateTime(
                    date: date, time: TimeOfDay(minutes: rng.pick([480, 540, 1020, 0]))!, second: rng.chance(0.1) ? 30 : 0))
        case .duration:
            let unit = rng.pick([DurationUnit.days, .hours, .weeks, .minutes])
            return .duration(WorkDuration(minutes: rng.int(0...40) * 60, unit: unit, isElapsed: rng.chance(0.1)))
        case .flag:
            return .flag(rng.chance(0.5))
        case .cost:
            return .cost(Amount(tenThousandths: rng.int(-1_000...50_000_000)))
        }
    }
}
