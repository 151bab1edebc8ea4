import PlanModel

/// Project-wide values the rest of the document depends on.
struct ProjectState {
    /// `Project/DurationFormat`: the unit for durations whose own format is missing or "null".
    var defaultDurationUnit: DurationUnit = .days
    /// `Project/WorkFormat`: the unit work values are shown in (they carry no format of their own).
    var workUnit: DurationUnit = .hours
}

extension MSPDIDocumentBuilder {
    func projectLeaf(_ element: MSPDIElement) {
        switch element {
        case .Name: plan.project.name = textString
        case .Title: plan.project.title = textString
        case .Subject: plan.project.subject = textString
        case .Author: plan.project.author = textString
        case .Company: plan.project.company = textString
        case .Manager: plan.project.manager = textString
        case .StartDate: plan.project.start = dateTime(element, entity: EntityRef.project)
        case .FinishDate: plan.project.finish = dateTime(element, entity: EntityRef.project)
        case .StatusDate: plan.project.statusDate = dateTime(element, entity: EntityRef.project)
        case .CurrentDate: plan.project.currentDate = dateTime(element, entity: EntityRef.project)
        case .CreationDate: plan.project.creationDate = dateTime(element, entity: EntityRef.project)
        case .LastSaved: plan.project.lastSaved = dateTime(element, entity: EntityRef.project)
        case .CurrencyCode: plan.project.currencyCode = textString
        case .CurrencySymbol: plan.project.currencySymbol = textString
        case .CurrencyDigits: plan.project.currencyDigits = value(element, entity: EntityRef.project, MSPDI.int)
        case .CalendarUID:
            if let uid = value(element, entity: EntityRef.project, MSPDI.int) { plan.project.defaultCalendar = CalendarID(MSPDIDocumentBuilder.uidText(uid)) }
        case .MinutesPerDay:
            if let v = positive(element) { plan.project.conventions.minutesPerDay = v }
        case .MinutesPerWeek:
            if let v = positive(element) { plan.project.conventions.minutesPerWeek = v }
        case .DaysPerMonth:
            if let v = positive(element) { plan.project.conventions.daysPerMonth = v }
        case .ScheduleFromStart:
            if let fromStart = value(element, entity: EntityRef.project, MSPDI.bool) { plan.project.scheduleFrom = fromStart ? .start : .finish }
        case .DefaultStartTime: plan.project.defaultStartTime = value(element, entity: EntityRef.project, MSPDI.timeOfDay)
        case .DefaultFinishTime: plan.project.defaultFinishTime = value(element, entity: EntityRef.project, MSPDI.timeOfDay)
        default: break
        }
    }

    /// Project elements that are kept verbatim but still steer how other values are read.
    func projectSetting(_ name: String, xml: String) {
        guard name == "DurationFormat" || name == "WorkFormat", let code = innerText(xml).flatMap(MSPDI.int) else { return }
        if name == "DurationFormat" {
            if let format = MSPDI.DurationFormat(code: code), case .unit(let unit) = format.kind {
                project.defaultDurationUnit = unit
            }
        } else if let unit = MSPDI.workFormatUnit(code: code) {
            project.workUnit = unit
        }
    }

    /// The text between the start and end tag of a simple serialised element.
    private func innerText(_ xml: String) -> String? {
        guard let open = xml.firstIndex(of: ">"), let close = xml.lastIndex(of: "<"), open < close else { return nil }
        return String(xml[xml.index(after: open)..<close])
    }

    private func positive(_ element: MSPDIElement) -> Int? {
        guard let v = value(element, entity: .project, MSPDI.int) else { return nil }
        guard v > 0 else {
            warn(.mspdiBadValue, "\(element.rawValue) must be positive; '\(v)' ignored", entity: .project)
            return nil
        }
        return v
    }

    // MARK: Shared value readers

    /// A date-time; MS Project's malformed ones (`2008-12-04T17:-0:00`) are repaired with a warning.
    func dateTime(_ element: MSPDIElement, entity: @autoclosure () -> EntityRef?) -> CivilDateTime? {
        let parsed = text.withUnsafeBufferPointer { MSPDI.dateTime($0) }
        guard let parsed else {
            if !text.isEmpty {
                warn(.mspdiBadDate, "\(element.rawValue) '\(textString)' is not a date-time; ignored", entity: entity())
            }
            return nil
        }
        if let repair = parsed.repair {
            warn(.mspdiBadDate, "\(element.rawValue) '\(textString)' is malformed; \(repair)", entity: entity())
        }
        return parsed.value
    }

    /// A duration's minutes; nil (with a warning) when unreadable.
    func durationMinutes(_ element: MSPDIElement, entity: @autoclosure () -> EntityRef?, negativeWarning: Bool = false) -> Int? {
        let conventions = plan.project.conventions
        guard let minutes = value(element, code: .mspdiBadDuration, entity: entity(), { MSPDI.durationMinutes($0, conventions: conventions) })
        else { return nil }
        if negativeWarning && minutes < 0 {
            warn(.mspdiNegativeDuration, "\(element.rawValue) '\(textString)' is negative; kept as \(minutes) minutes", entity: entity())
        }
        return minutes
    }

    /// A work value in the project's work unit.
    func work(_ element: MSPDIElement, entity: @autoclosure () -> EntityRef?) -> WorkDuration? {
        durationMinutes(element, entity: entity(), negativeWarning: true).map { WorkDuration(minutes: $0, unit: project.workUnit) }
    }

    func money(_ element: MSPDIElement, entity: @autoclosure () -> EntityRef?) -> Amount? {
        value(element, entity: entity()) { MSPDI.amount(cents: $0) }
    }

    func percent(_ element: MSPDIElement, entity: @autoclosure () -> EntityRef?) -> Int? {
        value(element, entity: entity()) { MSPDI.fixedPoint($0, scale: 0) }
    }

    /// The unit, elapsed and estimated flags of a `DurationFormat` code, falling back to the
    /// project default for missing, "null" and percent codes.
    func durationShape(code: Int?) -> MSPDI.DurationFormat {
        guard let code, let format = MSPDI.DurationFormat(code: code) else {
            return MSPDI.DurationFormat(unit: project.defaultDurationUnit)
        }
        switch format.kind {
        case .unit: return format
        case .percent, .unspecified:
            return MSPDI.DurationFormat(unit: project.defaultDurationUnit, isEstimated: format.isEstimated)
        }
    }

    func duration(minutes: Int, format: MSPDI.DurationFormat, estimated: Bool = false) -> WorkDuration {
        guard case .unit(let unit) = format.kind else { return WorkDuration(minutes: minutes, unit: project.defaultDurationUnit) }
        return WorkDuration(minutes: minutes, unit: unit, isElapsed: format.isElapsed, isEstimated: format.isEstimated || estimated)
    }
}
