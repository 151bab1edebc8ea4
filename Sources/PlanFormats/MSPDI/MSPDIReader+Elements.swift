/// The element names the reader maps. Case names are the MSPDI local names themselves, so the
/// dispatch code reads like the format. Names that mean different things under different parents
/// (`Name`, `Start`, `Type`, …) are one case; the parent decides.
enum MSPDIElement: String, CaseIterable {
    // Structure.
    case Project, Calendars, Calendar, Tasks, Task, Resources, Resource, Assignments, Assignment
    case ExtendedAttributes, ExtendedAttribute, PredecessorLink, Baseline
    case WeekDays, WeekDay, WorkingTimes, WorkingTime, TimePeriod, Exceptions, Exception, WorkWeeks, WorkWeek

    // Project.
    case Name, Title, Subject, Author, Company, Manager, StartDate, FinishDate, StatusDate, CurrentDate
    case CreationDate, LastSaved, CurrencyCode, CurrencySymbol, CurrencyDigits, CalendarUID
    case MinutesPerDay, MinutesPerWeek, DaysPerMonth, ScheduleFromStart, DefaultStartTime, DefaultFinishTime
    case DurationFormat, WorkFormat

    // Task.
    case UID, ID, Active, Manual, IsNull, WBS, OutlineNumber, OutlineLevel, Priority, Start, Finish
    case Duration, Work, Estimated, Milestone, Summary, PercentComplete, PercentWorkComplete, Cost
    case FixedCost, ActualStart, ActualFinish, ActualDuration, ActualWork, RemainingDuration
    case ConstraintType, ConstraintDate, Deadline, Notes

    // Links, baselines, custom fields.
    case PredecessorUID, `Type`, LinkLag, LagFormat, Number, FieldID, Value, FieldName, Alias, CFType, ElemType

    // Resource and assignment.
    case Initials, MaterialLabel, Group, EmailAddress, MaxUnits, StandardRate, OvertimeRate, CostPerUse
    case IsCostResource, TaskUID, ResourceUID, Units, RemainingWork

    // Calendar.
    case IsBaseCalendar, BaseCalendarUID, DayType, DayWorking, FromDate, ToDate, FromTime, ToTime
    case EnteredByOccurrences, Occurrences, Period, DaysOfWeek, Month, MonthItem, MonthPosition, MonthDay

    static let byName: [String: MSPDIElement] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// Top-level `Project` children that hold collections the model does not (brief §5, step 3):
    /// kept in `plan.extensions`; other unmapped `Project` children go to `plan.project.extensions`.
    static let planLevelCollections: Set<String> = [
        "Views", "Filters", "Groups", "Tables", "Maps", "Reports", "Drawings", "DataLinks", "VBAProjects",
        "OutlineCodes", "WBSMasks",
    ]

    /// Task children up to `IsNull` in MS Project's order: while only these have been seen the reader
    /// still records the task verbatim, in case it turns out to be the project summary or a blank row.
    var isTaskHead: Bool {
        switch self {
        case .UID, .ID, .Name, .Active, .Manual, .Type, .IsNull: return true
        default: return false
        }
    }
}
