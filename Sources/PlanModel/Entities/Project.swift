/// Project-wide properties.
public struct Project: Hashable, Sendable {
    public var name: String?
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var manager: String?
    public var start: CivilDateTime?
    public var finish: CivilDateTime?
    public var statusDate: CivilDateTime?
    public var currentDate: CivilDateTime?
    public var creationDate: CivilDateTime?
    public var lastSaved: CivilDateTime?
    /// ISO 4217 code (`EUR`).
    public var currencyCode: String?
    public var currencySymbol: String?
    public var currencyDigits: Int?
    /// The project calendar; tasks without a calendar of their own use it.
    public var defaultCalendar: CalendarID?
    public var conventions: TimeConventions
    public var scheduleFrom: ScheduleFrom
    /// Used to turn date-only input (a Jira due date, an iCalendar all-day event) into date-times.
    public var defaultStartTime: TimeOfDay?
    public var defaultFinishTime: TimeOfDay?
    /// The IANA zone a source declared (iCalendar `X-WR-TIMEZONE`, a Jira export's user zone).
    /// Date-times in the plan are civil times in this zone.
    public var timeZone: String?
    public var customFields: CustomFields
    public var extensions: Extensions

    public init(
        name: String? = nil, title: String? = nil, subject: String? = nil, author: String? = nil,
        company: String? = nil, manager: String? = nil, start: CivilDateTime? = nil, finish: CivilDateTime? = nil,
        statusDate: CivilDateTime? = nil, currentDate: CivilDateTime? = nil, creationDate: CivilDateTime? = nil,
        lastSaved: CivilDateTime? = nil, currencyCode: String? = nil, currencySymbol: String? = nil,
        currencyDigits: Int? = nil, defaultCalendar: CalendarID? = nil, conventions: TimeConventions = .standard,
        scheduleFrom: ScheduleFrom = .start, defaultStartTime: TimeOfDay? = nil, defaultFinishTime: TimeOfDay? = nil,
        timeZone: String? = nil, customFields: CustomFields = [:], extensions: Extensions = [:]
    ) {
        self.name = name
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.manager = manager
        self.start = start
        self.finish = finish
        self.statusDate = statusDate
        self.currentDate = currentDate
        self.creationDate = creationDate
        self.lastSaved = lastSaved
        self.currencyCode = currencyCode
        self.currencySymbol = currencySymbol
        self.currencyDigits = currencyDigits
        self.defaultCalendar = defaultCalendar
        self.conventions = conventions
        self.scheduleFrom = scheduleFrom
        self.defaultStartTime = defaultStartTime
        self.defaultFinishTime = defaultFinishTime
        self.timeZone = timeZone
        self.customFields = customFields
        self.extensions = extensions
    }
}

/// Whether the project is scheduled forward from its start or backward from its finish.
public enum ScheduleFrom: String, CaseIterable, Hashable, Sendable {
    case start, finish
}
