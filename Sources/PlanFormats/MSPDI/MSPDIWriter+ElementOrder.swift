/// The child order MS Project 2010+ writes, one enum per parent element, cases in emission order
/// (`shared/formats/mspdi-element-order.json`, plus `WorkWeek` from the brief §1.3). A case's raw
/// value is its position, so the writer can place preserved `mspdi:<Name>` extensions between the
/// elements it writes from the model. Cases are spelled exactly as the XML elements on purpose: the
/// spelling is the element name that gets written.
protocol ElementOrder: RawRepresentable, CaseIterable where RawValue == Int {
    /// Element names as UTF-8 bytes, by position (a stored `static let` in each order type).
    static var names: [[UInt8]] { get }
}

extension ElementOrder {
    /// The element name as UTF-8 bytes.
    var name: [UInt8] { Self.names[rawValue] }

    static func makeNames() -> [[UInt8]] { allCases.map { Array(String(describing: $0).utf8) } }

    /// The position of an element name in this order, or nil when the order does not know it.
    static func position(of name: Substring) -> Int? { ElementNames.positions(for: Self.self)[name] }
}

/// Children of `Project`.
enum ProjectElement: Int, ElementOrder {
    static let names = makeNames()
    case SaveVersion, BuildNumber, UID, Name, GUID, Title, Subject, Category, Company, Manager, Author
    case CreationDate, Revision, LastSaved, ScheduleFromStart, StartDate, FinishDate, FYStartDate
    case CriticalSlackLimit, CurrencyDigits, CurrencySymbol, CurrencyCode, CurrencySymbolPosition, CalendarUID
    case DefaultStartTime, DefaultFinishTime, MinutesPerDay, MinutesPerWeek, DaysPerMonth, DefaultTaskType
    case DefaultFixedCostAccrual, DefaultStandardRate, DefaultOvertimeRate, DurationFormat, WorkFormat
    case EditableActualCosts, HonorConstraints, EarnedValueMethod, InsertedProjectsLikeSummary
    case MultipleCriticalPaths, NewTasksEffortDriven, NewTasksEstimated, SplitsInProgressTasks, SpreadActualCost
    case SpreadPercentComplete, TaskUpdatesResource, FiscalYearStart, WeekStartDay, MoveCompletedEndsBack
    case MoveRemainingStartsBack, MoveRemainingStartsForward, MoveCompletedEndsForward, BaselineForEarnedValue
    case AutoAddNewResourcesAndTasks, StatusDate, CurrentDate, MicrosoftProjectServerURL, Autolink
    case NewTaskStartDate, NewTasksAreManual, DefaultTaskEVMethod, ProjectExternallyEdited, ExtendedCreationDate
    case ActualsInSync, RemoveFileProperties, AdminProject, BaselineCalendar
    case UpdateManuallyScheduledTasksWhenEditingLinks, KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled, Views
    case Filters, Groups, Tables, Maps, Reports, Drawings, DataLinks, VBAProjects, OutlineCodes, WBSMasks
    case ExtendedAttributes, Calendars, Tasks, Resources, Assignments
}

/// Children of `Task`.
enum TaskElement: Int, ElementOrder {
    static let names = makeNames()
    case UID, GUID, ID, Name, Active, Manual, `Type`, IsNull, CreateDate, Contact, WBS, WBSLevel, OutlineNumber
    case OutlineLevel, Priority, StartText, FinishText, DurationText, Start, Finish, Duration, ManualStart
    case ManualFinish, ManualDuration, DurationFormat, FreeformDurationFormat, Work, Stop, Resume, ResumeValid
    case EffortDriven, Recurring, OverAllocated, Estimated, Milestone, Summary, DisplayAsSummary, Critical
    case IsSubproject, IsSubprojectReadOnly, SubprojectName, ExternalTask, ExternalTaskProject, EarlyStart
    case EarlyFinish, LateStart, LateFinish, StartVariance, FinishVariance, WorkVariance, FreeSlack, TotalSlack
    case StartSlack, FinishSlack, FixedCost, FixedCostAccrual, PercentComplete, PercentWorkComplete, Cost
    case OvertimeCost, OvertimeWork, ActualStart, ActualFinish, ActualDuration, ActualCost, ActualOvertimeCost
    case ActualWork, ActualOvertimeWork, RegularWork, RemainingDuration, RemainingCost, RemainingWork
    case RemainingOvertimeCost, RemainingOvertimeWork, ACWP, CV, ConstraintType, CalendarUID, ConstraintDate
    case Deadline, LevelAssignments, LevelingCanSplit, LevelingDelay, LevelingDelayFormat, PreLeveledStart
    case PreLeveledFinish, Hyperlink, HyperlinkAddress, HyperlinkSubAddress, IgnoreResourceCalendar, Notes
    case HideBar, Rollup, BCWS, BCWP, PhysicalPercentComplete, EarnedValueMethod, PredecessorLink
    case ActualWorkProtected, ActualOvertimeWorkProtected, IsPublished, StatusManager, CommitmentStart
    case CommitmentFinish, CommitmentType, BoardStatusColumnOrderingID, SprintColumnOrderingID
    case NextAvailableBoardStatusColumnOrderingID, NextAvailableSprintOrderingID, ExtendedAttribute, Baseline
    case OutlineCode, TimephasedData
}

/// Children of `Resource`.
enum ResourceElement: Int, ElementOrder {
    static let names = makeNames()
    case UID, GUID, ID, Name, `Type`, IsNull, Initials, Phonetics, NTAccount, MaterialLabel, Code, Group, WorkGroup
    case EmailAddress, Hyperlink, HyperlinkAddress, HyperlinkSubAddress, MaxUnits, PeakUnits, OverAllocated
    case AvailableFrom, AvailableTo, Start, Finish, CanLevel, AccrueAt, Work, RegularWork, OvertimeWork
    case ActualWork, RemainingWork, ActualOvertimeWork, RemainingOvertimeWork, PercentWorkComplete, StandardRate
    case StandardRateFormat, Cost, OvertimeRate, OvertimeRateFormat, OvertimeCost, CostPerUse, ActualCost
    case ActualOvertimeCost, RemainingCost, RemainingOvertimeCost, WorkVariance, CostVariance, SV, CV, ACWP
    case CalendarUID, Notes, BCWS, BCWP, IsGeneric, IsInactive, IsEnterprise, BookingType, ActualWorkProtected
    case ActualOvertimeWorkProtected, ActiveDirectoryGUID, CreationDate, IsCostResource, AssnOwner, AssnOwnerGuid
    case IsBudget, AvailabilityPeriods, Rates, ExtendedAttribute, Baseline, OutlineCode, TimephasedData
}

/// Children of `Assignment`.
enum AssignmentElement: Int, ElementOrder {
    static let names = makeNames()
    case UID, GUID, TaskUID, ResourceUID, PercentWorkComplete, ActualCost, ActualFinish, ActualOvertimeCost
    case ActualOvertimeWork, ActualStart, ActualWork, ACWP, Confirmed, Cost, CostRateTable, RateScale
    case CostVariance, CV, Delay, Finish, FinishVariance, WorkVariance, HasFixedRateUnits, FixedMaterial
    case Hyperlink, HyperlinkAddress, HyperlinkSubAddress, LevelingDelay, LevelingDelayFormat, LinkedFields
    case Milestone, Notes, Overallocated, OvertimeCost, OvertimeWork, PeakUnits, RegularWork, RemainingCost
    case RemainingOvertimeCost, RemainingOvertimeWork, RemainingWork, ResponsePending, Start, Stop, Resume
    case StartVariance, Summary, SV, Units, UpdateNeeded, VAC, Work, WorkContour, BCWS, BCWP, BookingType
    case ActualWorkProtected, ActualOvertimeWorkProtected, CreationDate, AssnOwner, AssnOwnerGuid, BudgetCost
    case BudgetWork, ExtendedAttribute, Baseline, TimephasedData
}

/// Children of `Calendar`.
enum CalendarElement: Int, ElementOrder {
    static let names = makeNames()
    case UID, GUID, Name, IsBaseCalendar, IsBaselineCalendar, BaseCalendarUID, WeekDays, Exceptions, WorkWeeks
}

/// Children of `Exception`.
enum ExceptionElement: Int, ElementOrder {
    static let names = makeNames()
    case EnteredByOccurrences, TimePeriod, Occurrences, Name, `Type`, Period, DaysOfWeek, Month, MonthItem
    case MonthPosition, MonthDay, DayWorking, WorkingTimes
}

/// Children of `Baseline`.
enum BaselineElement: Int, ElementOrder {
    static let names = makeNames()
    case TimephasedData, Number, Interim, Start, Finish, Duration, DurationFormat, EstimatedDuration, Work, Cost
    case BCWS, BCWP, FixedCost
}

/// Children of `PredecessorLink`.
enum PredecessorLinkElement: Int, ElementOrder {
    static let names = makeNames()
    case PredecessorUID, `Type`, CrossProject, CrossProjectName, LinkLag, LagFormat
}

/// Children of `ExtendedAttribute (value)`.
enum CustomFieldValueElement: Int, ElementOrder {
    static let names = makeNames()
    case UID, FieldID, Value, ValueGUID, DurationFormat
}

/// Children of `ExtendedAttribute (definition)`.
enum CustomFieldDefinitionElement: Int, ElementOrder {
    static let names = makeNames()
    case FieldID, FieldName, CFType, Guid, ElemType, MaxMultiValues, UserDef, Alias, SecondaryPID, AutoRollDown
    case DefaultGuid, Ltuid, SecondaryGuid, PhoneticAlias, RollupType, CalculationType, Formula, RestrictValues
    case ValuelistSortOrder, AppendNewValues, Default, ValueList
}

/// Children of `WeekDay`.
enum WeekDayElement: Int, ElementOrder {
    static let names = makeNames()
    case DayType, DayWorking, TimePeriod, WorkingTimes
}

/// Children of `WorkWeek`.
enum WorkWeekElement: Int, ElementOrder {
    static let names = makeNames()
    case TimePeriod, Name, WeekDays
}

/// Position tables built once per order type (Swift has no stored static properties in protocol
/// extensions, so they live here, keyed by type); used only when placing preserved extensions.
private enum ElementNames {
    private static let names: [ObjectIdentifier: [[UInt8]]] = build()
    private static let positionTables: [ObjectIdentifier: [Substring: Int]] = {
        var tables: [ObjectIdentifier: [Substring: Int]] = [:]
        for (key, list) in names {
            var positions: [Substring: Int] = [:]
            for (i, name) in list.enumerated() { positions[Substring(String(decoding: name, as: UTF8.self))] = i }
            tables[key] = positions
        }
        return tables
    }()

    static func positions<T: ElementOrder>(for type: T.Type) -> [Substring: Int] { positionTables[ObjectIdentifier(type)]! }

    private static func build() -> [ObjectIdentifier: [[UInt8]]] {
        var result: [ObjectIdentifier: [[UInt8]]] = [:]
        func add<T: ElementOrder>(_ type: T.Type) { result[ObjectIdentifier(type)] = type.names }
        add(ProjectElement.self)
        add(TaskElement.self)
        add(ResourceElement.self)
        add(AssignmentElement.self)
        add(CalendarElement.self)
        add(ExceptionElement.self)
        add(BaselineElement.self)
        add(PredecessorLinkElement.self)
        add(CustomFieldValueElement.self)
        add(CustomFieldDefinitionElement.self)
        add(WeekDayElement.self)
        add(WorkWeekElement.self)
        return result
    }
}
