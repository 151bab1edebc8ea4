import PlanModel

/// People, materials and cost items, and who works on what.
extension PlanBuilder {
    mutating func buildResources() {
        guard taskCount > 0 else { return }
        let count = min(max(3, taskCount / 12), 2_000)
        plan.resources.reserveCapacity(count)
        let resourceFields = customFields(of: .resource)
        for index in 0..<count {
            let type: ResourceType = index == 0 ? .work : ResourceType.allCases[rng.weighted([78, 12, 10])]
            var resource = Resource(
                id: resourceID(index), displayID: rng.chance(0.9) ? index + 1 : nil, name: "", type: type)
            switch type {
            case .work: fillWorkResource(&resource, number: index + 1)
            case .material:
                resource.name = rng.pick(Vocabulary.materials)
                if rng.chance(0.9) { resource.materialLabel = rng.pick(Vocabulary.materialLabels) }
                if rng.chance(0.8) { resource.standardRate = Rate(amount: Amount(tenThousandths: rng.int(1...5_000) * 100)) }
                if rng.chance(0.3) { resource.costPerUse = Amount(units: rng.int(10...500)) }
            case .cost:
                resource.name = rng.pick(Vocabulary.costResources)
            }
            if rng.chance(0.1) { resource.notes = rng.pick(Vocabulary.notes) }
            if flavor.hasBaseline0 && rng.chance(0.3) {
                resource.baselines = [
                    Baseline(
                        number: 0, work: WorkDuration(minutes: rng.int(1...400) * 60, unit: .hours),
                        cost: Amount(units: rng.int(100...90_000)))
                ]
            }
            if !resourceFields.isEmpty && rng.chance(0.3) {
                let field = rng.pick(resourceFields)
                resource.customFields[field.id] = customFieldValue(of: field.type)
            }
            if rng.chance(0.1) {
                resource.extensions["mspdi:Resource/Phonetics"] = rng.pick(["やまだ たろう", "zo-e", "SHO-ren"])
            }
            plan.resources.append(resource)
        }
    }

    private mutating func resourceID(_ index: Int) -> ResourceID {
        guard flavor.usesKeys else { return ResourceID(String(index + 1)) }
        // Jira account ids: 24 hex digits.
        let high = String(rng.next() >> 16, radix: 16)
        let low = String(rng.next() >> 16, radix: 16)
        return ResourceID(
            String(repeating: "0", count: 12 - high.count) + high + String(repeating: "0", count: 12 - low.count) + low)
    }

    private mutating func fillWorkResource(_ resource: inout Resource, number: Int) {
        let person = rng.pick(Vocabulary.people)
        // Big plans have more people than the name list; a number keeps them apart as HR systems do.
        resource.name = number <= Vocabulary.people.count ? person : "\(person) (\(number))"
        if rng.chance(0.8) {
            resource.initials = String(person.split(separator: " ").compactMap(\.first))
        }
        if rng.chance(0.85) {
            let local = rng.pick(["jose.alvarez", "zoe.mueller", "t.yamada", "asa+pm", "chloe_dubois", "j-weiss"])
            resource.email = "\(local)\(number)@example.\(rng.pick(["com", "de", "co.jp", "fr"]))"
        }
        if rng.chance(0.7) { resource.group = rng.pick(Vocabulary.groups) }
        if rng.chance(0.8) { resource.maxUnits = rng.pick([1.0, 1.0, 0.5, 0.8, 2.0, 3.0, 0.6]) }
        if rng.chance(0.85) {
            // Four decimal places on purpose: MSPDI rates such as 12.3456/h must survive.
            let perHour = rng.int(35...180) * 10_000 + rng.pick([0, 0, 5_000, 2_500, 3_456])
            resource.standardRate =
                rng.chance(0.9)
                ? Rate(amount: Amount(tenThousandths: perHour), per: .hours)
                : Rate(amount: Amount(tenThousandths: perHour * 8), per: .days)
            if rng.chance(0.4) { resource.overtimeRate = Rate(amount: Amount(tenThousandths: perHour * 3 / 2), per: .hours) }
        }
        if rng.chance(0.1) { resource.costPerUse = Amount(units: rng.int(50...300)) }
    }

    /// Cost per working minute of a resource's standard rate, in ten-thousandths.
    private func ratePerMinute(_ resource: Resource) -> Int {
        guard let rate = resource.standardRate else { return 0 }
        let minutes = flavor.conventions.minutes(per: rate.per, elapsed: false)
        return rate.amount.tenThousandths / max(minutes, 1)
    }

    /// Zero to three assignments per ordinary leaf: work resources at some units, now and then a
    /// material quantity, a cost item, or MS Project's unassigned pseudo-assignment.
    mutating func assignResources() {
        let count = plan.tasks.count
        workMinutes = Array(repeating: 0, count: count)
        costTenThousandths = Array(repeating: 0, count: count)
        assignmentRange = Array(repeating: 0..<0, count: count)
        let workers = plan.resources.indices.filter { plan.resources[$0].type == .work }
        let materials = plan.resources.indices.filter { plan.resources[$0].type == .material }
        let costs = plan.resources.indices.filter { plan.resources[$0].type == .cost }
        let assignmentFields = customFields(of: .assignment)
        guard !workers.isEmpty else { return }
        plan.assignments.reserveCapacity(count)

        var chosen: [Int] = []
        for task in leafIndices where plan.tasks[task].kind == .task {
            let first = plan.assignments.count
            chosen.removeAll(keepingCapacity: true)
            for _ in 0..<rng.weighted([20, 55, 20, 5]) {
                let worker = rng.pick(workers)
                if !chosen.contains(worker) { chosen.append(worker) }
            }
            if !materials.isEmpty && rng.chance(0.08) { chosen.append(rng.pick(materials)) }
            if !costs.isEmpty && rng.chance(0.04) { chosen.append(rng.pick(costs)) }
            for resourceIndex in chosen {
                var assignment = makeAssignment(task: task, resource: plan.resources[resourceIndex])
                if !assignmentFields.isEmpty && rng.chance(0.15) {
                    let field = rng.pick(assignmentFields)
                    assignment.customFields[field.id] = customFieldValue(of: field.type)
                }
                plan.assignments.append(assignment)
            }
            if chosen.isEmpty && rng.chance(0.1) {
                let work = WorkDuration(minutes: span[task], unit: .hours)
                plan.assignments.append(
                    Assignment(
                        id: nextAssignmentID(), task: plan.tasks[task].id, resource: nil, units: 1, work: work,
                        start: clock.start(startMinute[task]), finish: clock.finish(finishMinute[task])))
                workMinutes[task] += span[task]
            }
            assignmentRange[task] = first..<plan.assignments.count
            if workMinutes[task] > 0 || rng.chance(0.2) {
                plan.tasks[task].work = WorkDuration(minutes: workMinutes[task], unit: .hours)
            }
            if rng.chance(0.1) {
                let fixed = Amount(units: rng.int(-50...2_000))
                plan.tasks[task].fixedCost = fixed
                costTenThousandths[task] += fixed.tenThousandths
            }
            if costTenThousandths[task] != 0 { plan.tasks[task].cost = Amount(tenThousandths: costTenThousandths[task]) }
        }
    }

    private mutating func nextAssignmentID() -> AssignmentID {
        let number = plan.assignments.count + 1
        return flavor.usesKeys ? AssignmentID("A-" + String(number)) : AssignmentID(String(number))
    }

    private mutating func makeAssignment(task: Int, resource: Resource) -> Assignment {
        var assignment = Assignment(id: nextAssignmentID(), task: plan.tasks[task].id, resource: resource.id)
        let start = clock.start(startMinute[task])
        let finish = clock.finish(finishMinute[task])
        if rng.chance(0.9) { assignment.start = start }
        if rng.chance(0.9) { assignment.finish = finish }
        var cost = 0
        switch resource.type {
        case .work:
            let percent = rng.pick([100, 100, 100, 50, 25, 75, 200, 33, 150])
            let minutes = span[task] * percent / 100
            assignment.units = Double(percent) / 100
            assignment.work = WorkDuration(minutes: minutes, unit: rng.chance(0.9) ? .hours : .days)
            workMinutes[task] += minutes
            cost = minutes * ratePerMinute(resource)
        case .material:
            let quantity = rng.int(1...400)
            assignment.units = Double(quantity) / 4
            cost = (resource.standardRate?.amount.tenThousandths ?? 0) * quantity / 4
        case .cost:
            cost = rng.int(100...5_000) * Amount.scale
        }
        cost += resource.costPerUse?.tenThousandths ?? 0
        if cost != 0 || rng.chance(0.3) { assignment.cost = Amount(tenThousandths: cost) }
        costTenThousandths[task] += cost
        if flavor.hasBaseline0 && rng.chance(0.2) {
            assignment.baselines = [
                Baseline(
                    number: 0, start: rng.chance(0.9) ? start : nil, finish: rng.chance(0.9) ? finish : nil,
                    work: assignment.work, cost: Amount(tenThousandths: cost))
            ]
        }
        if rng.chance(0.02) {
            assignment.extensions["mspdi:Assignment/TimephasedData"] =
                "<TimephasedData><Type>1</Type><UID>\(assignment.id)</UID><Value>PT8H0M0S</Value></TimephasedData>"
        }
        return assignment
    }
}
