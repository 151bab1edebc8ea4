import PlanModel

/// Two positions in the current plan: a link's ends, or an assignment's task and resource.
struct PositionPair: Hashable {
    var first: Int
    var second: Int
}

extension Comparison {
    /// Links between matched tasks. A link that comes or goes with a task added or removed is part
    /// of that change and not listed again.
    mutating func compareDependencies() {
        var now: [PositionPair: (Int, Dependency)] = [:]
        for (offset, link) in current.dependencies.enumerated() {
            guard let p = c.position[link.predecessor], let s = c.position[link.successor] else { continue }
            let key = PositionPair(first: p, second: s)
            if now[key] == nil { now[key] = (offset, link) }
        }
        var seen: Set<PositionPair> = []
        for link in baseline.dependencies {
            guard let bp = b.position[link.predecessor], let bs = b.position[link.successor] else { continue }
            guard let p = matching.currentOf[bp], let s = matching.currentOf[bs] else { continue }
            let key = PositionPair(first: p, second: s)
            guard seen.insert(key).inserted else { continue }
            let id = c.tasks[p].id.rawValue + "->" + c.tasks[s].id.rawValue
            let baselineID = link.predecessor.rawValue + "->" + link.successor.rawValue
            let name = c.tasks[p].name + " -> " + c.tasks[s].name
            let before = ValueText.link(link.type, link.lag, baseline.project.conventions)
            if let (_, other) = now[key] {
                if link.type != other.type || !Self.sameLag(link.lag, other.lag) {
                    let field = link.type != other.type ? (Self.sameLag(link.lag, other.lag) ? "type" : "type+lag") : "lag"
                    add(Change(kind: .dependencyChanged, id: id, baselineID: baselineID, name: name, field: field,
                               before: before, after: ValueText.link(other.type, other.lag, conventions)), group: 1, position: s * 2)
                }
            } else {
                add(Change(kind: .dependencyRemoved, id: id, baselineID: baselineID, name: name, before: before), group: 1, position: s * 2)
            }
        }
        for (key, entry) in now where !seen.contains(key) {
            guard matching.baselineOf[key.first] != nil, matching.baselineOf[key.second] != nil else { continue }
            let link = entry.1
            add(Change(kind: .dependencyAdded, id: link.predecessor.rawValue + "->" + link.successor.rawValue,
                       name: c.tasks[key.first].name + " -> " + c.tasks[key.second].name,
                       after: ValueText.link(link.type, link.lag, conventions)), group: 1, position: key.second * 2 + 1)
        }
    }

    static func sameLag(_ x: Lag, _ y: Lag) -> Bool {
        switch (x, y) {
        case (.time(let a), .time(let b)): return a.minutes == b.minutes && (a.isElapsed == b.isElapsed || a.minutes == 0)
        case (.percent(let a, let ea), .percent(let b, let eb)): return a == b && ea == eb
        default: return x.isZero && y.isZero
        }
    }

    /// Resources added, removed and changed field by field; then assignments between matched tasks
    /// and matched resources. Assignments that come or go with their task or resource are not listed.
    mutating func compareResourcesAndAssignments() {
        var matchedCurrent = [Bool](repeating: false, count: current.resources.count)
        let baselineFields = CustomFieldNames(baseline.customFieldDefinitions, entity: .resource)
        let currentFields = CustomFieldNames(current.customFieldDefinitions, entity: .resource)
        for (i, then) in baseline.resources.enumerated() {
            guard let j = currentOfResource[i] else {
                add(Change(kind: .resourceRemoved, id: then.id.rawValue, name: then.name, before: then.type.rawValue),
                    group: 3, position: current.resources.count + i)
                continue
            }
            matchedCurrent[j] = true
            let now = current.resources[j]
            var fields: [(String, String?, String?)] = [
                ("name", then.name, now.name),
                ("type", then.type.rawValue, now.type.rawValue),
                ("initials", then.initials, now.initials),
                ("email", then.email, now.email),
                ("group", then.group, now.group),
                ("max units", ValueText.units(then.maxUnits), ValueText.units(now.maxUnits)),
                ("standard rate", ValueText.rate(then.standardRate), ValueText.rate(now.standardRate)),
                ("overtime rate", ValueText.rate(then.overtimeRate), ValueText.rate(now.overtimeRate)),
                ("cost per use", ValueText.amount(then.costPerUse), ValueText.amount(now.costPerUse)),
            ]
            for (name, before, after) in CustomFieldNames.differences(baselineFields.named(then.customFields), currentFields.named(now.customFields)) {
                fields.append((name, ValueText.customValue(before, baseline.project.conventions), ValueText.customValue(after, conventions)))
            }
            for (field, before, after) in fields where differ(before, after) {
                add(Change(kind: .resourceChanged, id: now.id.rawValue, baselineID: then.id.rawValue, name: now.name, field: field,
                           before: before, after: after), group: 3, position: j)
            }
        }
        for (j, now) in current.resources.enumerated() where !matchedCurrent[j] {
            add(Change(kind: .resourceAdded, id: now.id.rawValue, name: now.name, after: now.type.rawValue), group: 3, position: j)
        }

        var resourcePosition: [ResourceID: Int] = [:]
        for (j, resource) in current.resources.enumerated() where resourcePosition[resource.id] == nil { resourcePosition[resource.id] = j }
        var baselineResourcePosition: [ResourceID: Int] = [:]
        for (i, resource) in baseline.resources.enumerated() where baselineResourcePosition[resource.id] == nil {
            baselineResourcePosition[resource.id] = i
        }
        var now: [PositionPair: Assignment] = [:]
        for assignment in current.assignments {
            guard let resource = assignment.resource, let r = resourcePosition[resource], let t = c.position[assignment.task] else { continue }
            let key = PositionPair(first: t, second: r)
            if now[key] == nil { now[key] = assignment }
        }
        var seen: Set<PositionPair> = []
        for assignment in baseline.assignments {
            guard let resource = assignment.resource, let br = baselineResourcePosition[resource], let bt = b.position[assignment.task],
                  let r = currentOfResource[br], let t = matching.currentOf[bt] else { continue }
            let key = PositionPair(first: t, second: r)
            guard seen.insert(key).inserted else { continue }
            let id = c.tasks[t].id.rawValue + "/" + current.resources[r].id.rawValue
            let baselineID = assignment.task.rawValue + "/" + resource.rawValue
            let name = c.tasks[t].name + " / " + current.resources[r].name
            guard let other = now[key] else {
                add(Change(kind: .assignmentRemoved, id: id, baselineID: baselineID, name: name, before: ValueText.units(assignment.units)),
                    group: 2, position: t)
                continue
            }
            let unitsBefore = ValueText.units(assignment.units)
            let unitsAfter = ValueText.units(other.units)
            if differ(unitsBefore, unitsAfter) {
                add(Change(kind: .assignmentChanged, id: id, baselineID: baselineID, name: name, field: "units",
                           before: unitsBefore, after: unitsAfter), group: 2, position: t)
            }
            if differ(assignment.work?.minutes, other.work?.minutes) {
                add(Change(kind: .assignmentChanged, id: id, baselineID: baselineID, name: name, field: "work",
                           before: ValueText.work(assignment.work), after: ValueText.work(other.work)), group: 2, position: t)
            }
        }
        for (key, assignment) in now where !seen.contains(key) {
            guard matching.baselineOf[key.first] != nil, matchedCurrent[key.second] else { continue }
            add(Change(kind: .assignmentAdded, id: c.tasks[key.first].id.rawValue + "/" + current.resources[key.second].id.rawValue,
                       name: c.tasks[key.first].name + " / " + current.resources[key.second].name,
                       after: ValueText.units(assignment.units)), group: 2, position: key.first)
        }
    }
}
