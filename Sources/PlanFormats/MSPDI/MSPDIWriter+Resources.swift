import PlanModel

extension MSPDIWriter.Context {
    func writeResources() {
        for (index, resource) in plan.resources.enumerated() {
            guard let uid = ids.resources[resource.id] else { continue }
            out.start("Resource")
            var e = ChildEmitter<ResourceElement>(out, entityExtensions: resource.extensions)
            e.int(.UID, uid)
            e.int(.ID, resource.displayID ?? index + 1)
            // MS Project's hidden resource 0 has no name; an empty name is left out as it was.
            if !resource.name.isEmpty {
                noteCleaned(e.text(.Name, acceptedResourceName(resource)), "resource name", entity: .resource(resource.id))
            }
            let codes = MSPDI.resourceTypeCodes(resource.type)
            e.int(.`Type`, codes.type)
            e.text(.Initials, resource.initials)
            e.text(.MaterialLabel, resource.materialLabel)
            e.text(.Group, resource.group)
            e.text(.EmailAddress, resource.email)
            e.fraction(.MaxUnits, resource.maxUnits)
            if let rate = resource.standardRate {
                e.units(.StandardRate, hourly(rate))
                // The format is only the unit shown; hours is MS Project's default, so a rate shown
                // per hour leaves any preserved format element alone.
                if rate.per != .hours { e.int(.StandardRateFormat, MSPDI.workFormatCode(rate.per)) }
            }
            if let rate = resource.overtimeRate {
                e.units(.OvertimeRate, hourly(rate))
                if rate.per != .hours { e.int(.OvertimeRateFormat, MSPDI.workFormatCode(rate.per)) }
            }
            e.cents(.CostPerUse, resource.costPerUse)
            if let calendar = resource.calendar {
                e.int(.CalendarUID, calendarUID(calendar, user: "resource '\(resource.name)'", entity: .resource(resource.id)))
            }
            noteCleaned(e.text(.Notes, resource.notes), "resource notes", entity: .resource(resource.id))
            e.bool(.IsCostResource, codes.isCostResource)
            e.advance(to: .ExtendedAttribute)
            writeCustomFieldValues(resource.customFields, entity: .resource, extensions: resource.extensions)
            e.advance(to: .Baseline)
            writeBaselines(resource.baselines, extensions: resource.extensions, withDuration: false)
            e.finish()
            out.end()
        }
    }

    /// MS Project refuses resource names with `,` `[` `]` (brief §2.1); they become `;` `(` `)`.
    private func acceptedResourceName(_ resource: Resource) -> String {
        guard resource.name.contains(where: { $0 == "," || $0 == "[" || $0 == "]" }) else { return resource.name }
        let fixed = String(resource.name.map { c -> Character in
            switch c {
            case ",": return ";"
            case "[": return "("
            case "]": return ")"
            default: return c
            }
        })
        diagnostics.append(Diagnostic(
            .mspdiResourceNameChanged, "resource name '\(resource.name)' contains characters MS Project refuses; written as '\(fixed)'",
            entity: .resource(resource.id)))
        loss.record("resource names", count: 1, "changed: ',' '[' ']' written as ';' '(' ')'")
        return fixed
    }

    /// MSPDI stores rates per hour whatever unit the user sees (brief §2.3).
    private func hourly(_ rate: Rate) -> Amount {
        let conventions = plan.project.conventions
        // Conventions from a broken source (0 minutes per day) must not overflow the arithmetic.
        guard conventions.minutesPerDay > 0, conventions.minutesPerWeek > 0, conventions.daysPerMonth > 0,
            conventions.daysPerMonth < 1000, conventions.minutesPerDay <= 1440
        else { return rate.amount }
        let minutes = conventions.minutes(per: rate.per, elapsed: false)
        guard minutes != 60, minutes > 0 else { return rate.amount }
        let perHour = (Double(rate.amount.tenThousandths) * 60 / Double(minutes)).rounded()
        guard abs(perHour) < 9e18 else { return rate.amount }
        return Amount(tenThousandths: Int(perHour))
    }

    func writeAssignments() {
        for assignment in plan.assignments {
            guard let uid = ids.assignments[assignment.id] else { continue }
            guard let taskUID = ids.tasks[assignment.task] else {
                dangling("assignment '\(assignment.id)' is for task '\(assignment.task)', which the plan does not hold; left out", .assignment(assignment.id))
                continue
            }
            var resourceUID = MSPDI.unassignedResourceUID
            if let resource = assignment.resource {
                guard let mapped = ids.resources[resource] else {
                    dangling("assignment '\(assignment.id)' names resource '\(resource)', which the plan does not hold; left out", .assignment(assignment.id))
                    continue
                }
                resourceUID = mapped
            }
            out.start("Assignment")
            var e = ChildEmitter<AssignmentElement>(out, entityExtensions: assignment.extensions)
            e.int(.UID, uid)
            e.int(.TaskUID, taskUID)
            e.int(.ResourceUID, resourceUID)
            e.duration(.ActualWork, minutes: assignment.actualWork?.minutes)
            e.cents(.Cost, assignment.cost)
            e.dateTime(.Finish, assignment.finish)
            e.duration(.RemainingWork, minutes: assignment.remainingWork?.minutes)
            e.dateTime(.Start, assignment.start)
            e.fraction(.Units, assignment.units)
            e.duration(.Work, minutes: assignment.work?.minutes)
            e.advance(to: .ExtendedAttribute)
            writeCustomFieldValues(assignment.customFields, entity: .assignment, extensions: assignment.extensions)
            e.advance(to: .Baseline)
            writeBaselines(assignment.baselines, extensions: assignment.extensions, withDuration: false)
            e.finish()
            out.end()
        }
    }
}
