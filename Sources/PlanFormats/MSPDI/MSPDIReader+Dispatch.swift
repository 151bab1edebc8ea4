import PlanModel

/// Which elements the reader maps under which parent, and where each event goes. Anything not
/// listed here is kept verbatim (`keep`).
extension MSPDIDocumentBuilder {
    func isContainer(_ element: MSPDIElement, under parent: MSPDIElement?) -> Bool {
        switch (parent, element) {
        case (.Project?, .Calendars), (.Project?, .Tasks), (.Project?, .Resources), (.Project?, .Assignments),
            (.Project?, .ExtendedAttributes),
            (.Calendars?, .Calendar), (.Tasks?, .Task), (.Resources?, .Resource), (.Assignments?, .Assignment),
            (.ExtendedAttributes?, .ExtendedAttribute),
            (.Task?, .PredecessorLink), (.Task?, .Baseline), (.Task?, .ExtendedAttribute),
            (.Resource?, .Baseline), (.Resource?, .ExtendedAttribute),
            (.Assignment?, .Baseline), (.Assignment?, .ExtendedAttribute),
            (.Calendar?, .WeekDays), (.Calendar?, .Exceptions), (.Calendar?, .WorkWeeks),
            (.WeekDays?, .WeekDay), (.WeekDay?, .TimePeriod), (.WeekDay?, .WorkingTimes),
            (.WorkingTimes?, .WorkingTime), (.Exceptions?, .Exception), (.Exception?, .TimePeriod),
            (.Exception?, .WorkingTimes), (.WorkWeeks?, .WorkWeek), (.WorkWeek?, .TimePeriod),
            (.WorkWeek?, .WeekDays):
            return true
        default:
            return false
        }
    }

    /// Switches rather than sets: this runs for every element of the document.
    func isLeaf(_ element: MSPDIElement, under parent: MSPDIElement?) -> Bool {
        switch parent {
        case .Project?: return Self.isProjectLeaf(element)
        case .Task?: return Self.isTaskLeaf(element)
        case .Resource?: return Self.isResourceLeaf(element)
        case .Assignment?: return Self.isAssignmentLeaf(element)
        case .PredecessorLink?:
            switch element {
            case .PredecessorUID, .Type, .LinkLag, .LagFormat: return true
            default: return false
            }
        case .Baseline?:
            switch element {
            case .Number, .Start, .Finish, .Duration, .DurationFormat, .Work, .Cost: return true
            default: return false
            }
        case .ExtendedAttribute?:
            switch element {
            case .FieldID: return true
            case .FieldName, .Alias, .CFType, .ElemType: return isDefinition
            case .Value, .DurationFormat: return !isDefinition
            default: return false
            }
        case .Calendar?:
            switch element {
            case .UID, .Name, .IsBaseCalendar, .BaseCalendarUID: return true
            default: return false
            }
        case .WeekDay?: return element == .DayType || element == .DayWorking
        case .TimePeriod?: return element == .FromDate || element == .ToDate
        case .WorkingTime?: return element == .FromTime || element == .ToTime
        case .Exception?: return Self.isExceptionLeaf(element)
        case .WorkWeek?: return element == .Name
        default: return false
        }
    }

    /// Inside `Project/ExtendedAttributes` (definitions) rather than an entity's values, when the
    /// last path entry is the `ExtendedAttribute` (so: before a leaf is pushed and after it is popped).
    var isDefinition: Bool { path.count >= 2 && path[path.count - 2] == .ExtendedAttributes }

    func inside(_ element: MSPDIElement) -> Bool { path.contains(element) }

    static func isProjectLeaf(_ element: MSPDIElement) -> Bool {
        switch element {
        case .Name, .Title, .Subject, .Author, .Company, .Manager, .StartDate, .FinishDate, .StatusDate, .CurrentDate,
            .CreationDate, .LastSaved, .CurrencyCode, .CurrencySymbol, .CurrencyDigits, .CalendarUID, .MinutesPerDay,
            .MinutesPerWeek, .DaysPerMonth, .ScheduleFromStart, .DefaultStartTime, .DefaultFinishTime:
            return true
        default: return false
        }
    }

    static func isTaskLeaf(_ element: MSPDIElement) -> Bool {
        switch element {
        case .UID, .ID, .Name, .Active, .Manual, .IsNull, .WBS, .OutlineNumber, .OutlineLevel, .Priority, .Start, .Finish,
            .Duration, .DurationFormat, .Work, .Estimated, .Milestone, .Summary, .PercentComplete, .PercentWorkComplete,
            .Cost, .FixedCost, .ActualStart, .ActualFinish, .ActualDuration, .ActualWork, .RemainingDuration,
            .ConstraintType, .ConstraintDate, .CalendarUID, .Deadline, .Notes:
            return true
        default: return false
        }
    }

    static func isResourceLeaf(_ element: MSPDIElement) -> Bool {
        switch element {
        case .UID, .ID, .Name, .Type, .Initials, .MaterialLabel, .Group, .EmailAddress, .MaxUnits, .StandardRate,
            .OvertimeRate, .CostPerUse, .CalendarUID, .Notes, .IsCostResource:
            return true
        default: return false
        }
    }

    static func isAssignmentLeaf(_ element: MSPDIElement) -> Bool {
        switch element {
        case .UID, .TaskUID, .ResourceUID, .Units, .Work, .ActualWork, .RemainingWork, .Start, .Finish, .Cost: return true
        default: return false
        }
    }

    static func isExceptionLeaf(_ element: MSPDIElement) -> Bool {
        switch element {
        case .EnteredByOccurrences, .Occurrences, .Name, .Type, .Period, .DaysOfWeek, .Month, .MonthItem, .MonthPosition,
            .MonthDay, .DayWorking:
            return true
        default: return false
        }
    }

    // MARK: Containers

    func begin(_ element: MSPDIElement, under parent: MSPDIElement?, attributes: XMLAttributes, prefix: UnsafePointer<UInt8>?) {
        switch element {
        case .Task: beginTask(attributes: attributes, prefix: prefix)
        case .Resource: resource = ResourceState()
        case .Assignment:
            assignment = AssignmentState()
            assignment.extensions.reserveCapacity(lastAssignmentExtensionCount)
        case .Calendar: calendar = CalendarState()
        case .ExtendedAttribute:
            if isDefinition { definition = DefinitionState() } else { customValue = CustomValueState() }
        case .PredecessorLink: link = LinkState()
        case .Baseline: baseline = BaselineState()
        case .WeekDay: calendar.weekDay = WeekDayState()
        case .WorkingTime: calendar.workingTime = WorkingTimeState()
        case .Exception: calendar.exception = ExceptionState()
        case .WorkWeek: calendar.workWeek = WorkWeekState()
        case .TimePeriod: calendar.period = PeriodState()
        default: break
        }
    }

    func end(_ element: MSPDIElement, under parent: MSPDIElement?) {
        switch element {
        case .Task: endTask()
        case .Resource: endResource()
        case .Assignment: endAssignment()
        case .Calendar: endCalendar()
        case .ExtendedAttribute:
            if parent == .ExtendedAttributes { endDefinition() } else { endCustomValue(owner: parent) }
        case .PredecessorLink: endLink()
        case .Baseline: endBaseline(owner: parent)
        case .WeekDay: endWeekDay()
        case .WorkingTime: endWorkingTime()
        case .Exception: endException()
        case .WorkWeek: endWorkWeek()
        case .TimePeriod: endPeriod(owner: parent)
        case .Exceptions: calendar.sawExceptions = true
        default: break
        }
    }

    // MARK: Leaves

    func leaf(_ element: MSPDIElement, under parent: MSPDIElement?) {
        switch parent {
        case .Project?: projectLeaf(element)
        case .Task?: taskLeaf(element)
        case .Resource?: resourceLeaf(element)
        case .Assignment?: assignmentLeaf(element)
        case .PredecessorLink?: linkLeaf(element)
        case .Baseline?: baselineLeaf(element)
        case .ExtendedAttribute?: if isDefinition { definitionLeaf(element) } else { customValueLeaf(element) }
        case .Calendar?: calendarLeaf(element)
        case .WeekDay?: weekDayLeaf(element)
        case .TimePeriod?: periodLeaf(element)
        case .WorkingTime?: workingTimeLeaf(element)
        case .Exception?: exceptionLeaf(element)
        case .WorkWeek?: workWeekLeaf(element)
        default: break
        }
    }

    // MARK: Kept elements

    /// Files an element kept verbatim under its owner (the convention in `MSPDIVocabulary.swift`).
    func keep(_ name: String, key: String, xml: String, under parent: MSPDIElement?) {
        switch parent {
        case .Project?:
            if MSPDIElement.planLevelCollections.contains(name) {
                Self.add(xml, to: &plan.extensions, key: key)
            } else {
                Self.add(xml, to: &plan.project.extensions, key: key)
                projectSetting(name, xml: xml)
            }
        case .Calendars?, .Tasks?, .Resources?, .Assignments?, .ExtendedAttributes?:
            Self.add(xml, to: &plan.extensions, key: MSPDI.extensionPrefix + parent!.rawValue + "/" + name)
        case .Task?: Self.add(xml, to: &task.task.extensions, key: key)
        case .Resource?: Self.add(xml, to: &resource.resource.extensions, key: key)
        case .Assignment?: Self.add(xml, to: &assignment.extensions, key: key)
        case .PredecessorLink?: Self.add(xml, to: &link.extensions, key: key)
        case .Baseline?: baseline.kept.append((name, xml))
        case .ExtendedAttribute?:
            if isDefinition { definition.kept.append((name, xml)) } else { customValue.kept.append((name, xml)) }
        case .Calendar?: Self.add(xml, to: &calendar.calendar.extensions, key: key)
        case .WeekDay?: calendar.weekDay.kept.append((name, xml))
        case .Exception?: calendar.exception.kept.append((name, xml))
        case .WorkWeek?: calendar.workWeek.kept.append((name, xml))
        case .WeekDays?, .Exceptions?, .WorkWeeks?, .TimePeriod?, .WorkingTimes?, .WorkingTime?:
            Self.add(xml, to: &calendar.calendar.extensions, key: key)
        default:
            Self.add(xml, to: &plan.extensions, key: key)
        }
    }

    /// Adds kept text under `key`, after what is there (siblings of one name are concatenated). A
    /// first value is stored as is, so interned texts stay shared.
    static func add(_ xml: String, to extensions: inout Extensions, key: String) {
        if let existing = extensions[key] {
            extensions[key] = existing + xml
        } else {
            extensions[key] = xml
        }
    }
}
