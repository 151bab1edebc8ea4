import PlanModel

extension Comparison {
    mutating func compareTasks() {
        let baselineFields = CustomFieldNames(baseline.customFieldDefinitions, entity: .task)
        let currentFields = CustomFieldNames(current.customFieldDefinitions, entity: .task)
        for j in 0..<c.count {
            let now = c.tasks[j]
            guard let i = matching.baselineOf[j] else {
                add(Change(kind: .taskAdded, id: now.id.rawValue, name: now.name, after: c.parentPath(of: j)), group: 0, position: j)
                continue
            }
            let then = b.tasks[i]
            let rule = matching.rule[j]
            func report(_ kind: ChangeKind, field: String? = nil, _ before: String?, _ after: String?, slip: Slip? = nil) {
                add(Change(kind: kind, id: now.id.rawValue, baselineID: then.id.rawValue, name: now.name, field: field,
                           before: before, after: after, slip: slip, match: rule), group: 0, position: j)
            }

            if then.name != now.name { report(.renamed, then.name, now.name) }
            if isMoved(baseline: i, current: j) { report(.moved, b.parentPath(of: i), c.parentPath(of: j)) }

            let isMilestone = now.kind == .milestone || then.kind == .milestone
            if isMilestone {
                let old = then.finish ?? then.start
                let new = now.finish ?? now.start
                if differ(old, new) { report(.milestoneDate, ValueText.date(old), ValueText.date(new), slip: slipIfBoth(old, new)) }
            } else {
                if differ(then.start, now.start) {
                    report(.startSlip, ValueText.date(then.start), ValueText.date(now.start), slip: slipIfBoth(then.start, now.start))
                }
                if differ(then.finish, now.finish) {
                    report(.finishSlip, ValueText.date(then.finish), ValueText.date(now.finish), slip: slipIfBoth(then.finish, now.finish))
                }
            }
            if differ(then.duration?.minutes, now.duration?.minutes) || (then.duration != nil && now.duration != nil && then.duration?.isElapsed != now.duration?.isElapsed) {
                report(.duration, ValueText.duration(then.duration, baseline.project.conventions), ValueText.duration(now.duration, conventions))
            }
            if differ(then.work?.minutes, now.work?.minutes) { report(.work, ValueText.work(then.work), ValueText.work(now.work)) }
            if (then.percentComplete ?? 0) != (now.percentComplete ?? 0) {
                report(.percentComplete, ValueText.percent(then.percentComplete), ValueText.percent(now.percentComplete))
            }
            if Self.normalized(then.constraint) != Self.normalized(now.constraint) {
                report(.constraint, ValueText.constraint(then.constraint), ValueText.constraint(now.constraint))
            }
            if differ(then.deadline, now.deadline) { report(.deadline, ValueText.date(then.deadline), ValueText.date(now.deadline)) }
            if differ(Self.trimmed(then.notes), Self.trimmed(now.notes)) { report(.notes, Self.trimmed(then.notes), Self.trimmed(now.notes)) }

            if !then.customFields.isEmpty || !now.customFields.isEmpty {
                for (name, before, after) in CustomFieldNames.differences(
                    baselineFields.named(then.customFields), currentFields.named(now.customFields))
                where comparesAbsentValues || (before != nil && after != nil)
                {
                    report(.customField, field: name, ValueText.customValue(before, baseline.project.conventions),
                           ValueText.customValue(after, conventions))
                }
            }
        }
        for i in 0..<b.count where matching.currentOf[i] == nil {
            let then = b.tasks[i]
            add(Change(kind: .taskRemoved, id: then.id.rawValue, name: then.name, before: b.parentPath(of: i)), group: 0, position: c.count + i)
        }
    }

    /// The matched task sits under a different parent (one that is not the baseline parent's match).
    func isMoved(baseline i: Int, current j: Int) -> Bool {
        switch (b.parent[i], c.parent[j]) {
        case (nil, nil): return false
        case (let p?, let q?): return matching.currentOf[p] != q
        default: return true
        }
    }

    func slipIfBoth(_ old: CivilDateTime?, _ new: CivilDateTime?) -> Slip? {
        guard let old, let new else { return nil }
        return slip(from: old, to: new)
    }

    /// No constraint and "as soon as possible" are the same thing; dates only count where the type has one.
    static func normalized(_ constraint: Constraint?) -> Constraint {
        guard let constraint else { return Constraint(type: .asSoonAsPossible) }
        return constraint.type.needsDate ? constraint : Constraint(type: constraint.type)
    }

    static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = String(text.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Custom field values keyed by the name a user knows (the alias, else the field's name), so that
/// fields stored under different keys in two formats still line up.
struct CustomFieldNames {
    let names: [String: String]

    init(_ definitions: [CustomFieldDefinition], entity: EntityKind) {
        var names: [String: String] = [:]
        for definition in definitions where definition.entity == entity {
            var name = definition.alias ?? definition.name
            // Jira CSV calls a field `Custom field (Health)`; MSPDI's alias is `Health`.
            if name.hasPrefix("Custom field ("), name.hasSuffix(")") { name = String(name.dropFirst(14).dropLast()) }
            names[definition.id] = name
        }
        self.names = names
    }

    func named(_ values: CustomFields) -> [String: CustomFieldValue] {
        var result: [String: CustomFieldValue] = [:]
        for (key, value) in values { result[names[key] ?? key] = value }
        return result
    }

    /// Fields whose values differ, by name.
    static func differences(_ before: [String: CustomFieldValue], _ after: [String: CustomFieldValue])
        -> [(String, CustomFieldValue?, CustomFieldValue?)]
    {
        Set(before.keys).union(after.keys).sorted().compactMap { name in
            before[name] == after[name] ? nil : (name, before[name], after[name])
        }
    }
}
