import PlanModel

/// Hand-made plans for the MSPDI writer's golden files, one per feature, built here so every
/// value in the goldens can be traced to a line of code.
enum MSPDIWriterPlans {
    static func at(_ text: String) -> CivilDateTime { CivilDateTime(iso: text)! }
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static func time(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }
    static func days(_ n: Int) -> WorkDuration { WorkDuration(minutes: n * 480, unit: .days) }

    static let all: [(name: String, plan: Plan)] = [
        ("links-and-lags", linksAndLags),
        ("calendars-recurring", calendarsRecurring),
        ("baselines-and-custom-fields", baselinesAndCustomFields),
        ("jira-like", jiraLike),
    ]

    /// Three outline levels; all four link types; lags in working days, elapsed days, hours,
    /// negative (a lead) and percent.
    static var linksAndLags: Plan {
        var plan = Plan()
        plan.project = Project(
            name: "links.xml", title: "Links & lags <demo>", author: "PlanBridge", start: at("2026-03-02T08:00:00"),
            finish: at("2026-03-31T17:00:00"), currencyCode: "EUR", currencySymbol: "€", currencyDigits: 2,
            defaultCalendar: "1", defaultStartTime: time(8), defaultFinishTime: time(17),
            extensions: ["mspdi:SaveVersion": "<SaveVersion>14</SaveVersion>"])
        plan.calendars = [WorkCalendar(id: "1", name: "Standard", week: .standard)]
        plan.tasks = [
            PlanTask(id: "1", displayID: 1, name: "Phase A", outlineLevel: 1, kind: .summary, start: at("2026-03-02T08:00:00"), finish: at("2026-03-20T17:00:00"), duration: days(15)),
            PlanTask(id: "2", displayID: 2, name: "Design", outlineLevel: 2, parent: "1", start: at("2026-03-02T08:00:00"), finish: at("2026-03-06T17:00:00"), duration: days(5), percentComplete: 100),
            PlanTask(id: "3", displayID: 3, name: "Build", outlineLevel: 2, parent: "1", kind: .summary, start: at("2026-03-09T08:00:00"), finish: at("2026-03-20T17:00:00"), duration: days(10)),
            PlanTask(id: "4", displayID: 4, name: "Frontend", outlineLevel: 3, parent: "3", start: at("2026-03-09T08:00:00"), finish: at("2026-03-13T17:00:00"), duration: days(5), priority: 700),
            PlanTask(id: "5", displayID: 5, name: "Backend", outlineLevel: 3, parent: "3", start: at("2026-03-11T08:00:00"), finish: at("2026-03-20T17:00:00"), duration: WorkDuration(minutes: 3840, unit: .days, isEstimated: true),
                     constraint: Constraint(type: .startNoEarlierThan, date: at("2026-03-11T08:00:00")), deadline: at("2026-03-25T17:00:00")),
            PlanTask(id: "6", displayID: 6, name: "Review", outlineLevel: 1, start: at("2026-03-23T08:00:00"), finish: at("2026-03-24T17:00:00"), duration: WorkDuration(minutes: 960, unit: .hours), notes: "Line one\nLine two & more"),
            PlanTask(id: "7", displayID: 7, name: "Sign-off", outlineLevel: 1, kind: .milestone, start: at("2026-03-31T17:00:00"), finish: at("2026-03-31T17:00:00"), duration: WorkDuration(minutes: 0, unit: .days)),
        ]
        plan.dependencies = [
            Dependency(predecessor: "2", successor: "4", type: .finishToStart, lag: .zero),
            Dependency(predecessor: "4", successor: "5", type: .startToStart, lag: .time(days(2))),
            Dependency(predecessor: "5", successor: "6", type: .finishToFinish, lag: .time(WorkDuration(minutes: -480, unit: .days))),
            Dependency(predecessor: "2", successor: "6", type: .startToFinish, lag: .time(WorkDuration(minutes: 2880, unit: .days, isElapsed: true))),
            Dependency(predecessor: "6", successor: "7", type: .finishToStart, lag: .percent(50, elapsed: false)),
            Dependency(predecessor: "3", successor: "7", type: .finishToStart, lag: .time(WorkDuration(minutes: 90, unit: .hours))),
        ]
        return plan
    }

    /// Every recurrence pattern, a working exception, a work week, a derived resource calendar and a
    /// calendar name longer than MS Project's 51 characters.
    static var calendarsRecurring: Plan {
        var plan = Plan()
        plan.project = Project(name: "calendars.xml", start: at("2026-01-05T08:00:00"), defaultCalendar: "1",
                               extensions: ["mspdi:SaveVersion": "<SaveVersion>14</SaveVersion>"])
        let morning = [WorkingInterval(from: time(9), to: time(13))]
        var night = WeekPattern()
        night[.monday] = [WorkingInterval(from: time(22), to: .endOfDay)]
        night[.tuesday] = [WorkingInterval(from: time(0), to: time(6)), WorkingInterval(from: time(22), to: .endOfDay)]
        night[.sunday] = []
        plan.calendars = [
            WorkCalendar(
                id: "1", name: "Standard", week: .standard,
                exceptions: [
                    CalendarException(name: "New Year", from: day("2026-01-01"), to: day("2026-01-02")),
                    CalendarException(name: "Every 3 days", from: day("2026-02-02"), to: day("2026-02-14"), recurrence: Recurrence(pattern: .daily(interval: 3), occurrences: 4)),
                    CalendarException(name: "Weekly Mon+Fri", from: day("2026-03-02"), to: day("2026-03-31"), recurrence: Recurrence(pattern: .weekly(interval: 2, days: [.monday, .friday]))),
                    CalendarException(name: "Monthly 15th", from: day("2026-04-01"), to: day("2026-06-30"), recurrence: Recurrence(pattern: .monthlyByDay(interval: 1, day: 15))),
                    CalendarException(name: "Last Friday", from: day("2026-07-01"), to: day("2026-09-30"), recurrence: Recurrence(pattern: .monthlyByWeekday(interval: 1, ordinal: .last, weekday: .friday), occurrences: 3)),
                    CalendarException(name: "Christmas", from: day("2026-12-25"), to: day("2028-12-25"), recurrence: Recurrence(pattern: .yearlyByDate(month: 12, day: 25))),
                    CalendarException(name: "Thanksgiving", from: day("2026-11-01"), to: day("2027-11-30"), recurrence: Recurrence(pattern: .yearlyByWeekday(month: 11, ordinal: .fourth, weekday: .thursday), occurrences: 2)),
                    CalendarException(name: "Saturday shift", from: day("2026-05-09"), to: day("2026-05-09"), intervals: morning),
                ],
                workWeeks: [WorkWeek(name: "Summer hours", from: day("2026-07-01"), to: day("2026-08-31"), week: WeekPattern(days: [
                    .monday: morning, .tuesday: morning, .wednesday: morning, .thursday: morning, .friday: [], .saturday: [], .sunday: [],
                ]))]),
            WorkCalendar(id: "2", name: "Night shift", week: night),
            WorkCalendar(id: "3", name: "Resource calendar for the night crew on the second site", baseCalendar: "2", isBaseCalendar: false, resource: "1",
                         week: WeekPattern(days: [.saturday: []]),
                         exceptions: [CalendarException(name: "Training", from: day("2026-02-10"), to: day("2026-02-11"), intervals: morning)]),
        ]
        plan.resources = [Resource(id: "1", displayID: 1, name: "Night crew", calendar: "3")]
        plan.tasks = [PlanTask(id: "1", displayID: 1, name: "Maintenance", start: at("2026-01-05T22:00:00"), finish: at("2026-01-06T06:00:00"), duration: WorkDuration(minutes: 480, unit: .hours), calendar: "2")]
        plan.assignments = [Assignment(id: "1", task: "1", resource: "1", units: 1, work: WorkDuration(minutes: 480, unit: .hours))]
        return plan
    }

    /// Baselines 0, 1 and 10 on tasks, resources and assignments; custom fields of every type from
    /// MSPDI (with FieldIDs) and from another tool (placed in free fields); resource names MS Project
    /// refuses; material and cost resources; an unassigned pseudo-assignment.
    static var baselinesAndCustomFields: Plan {
        var plan = Plan()
        plan.project = Project(name: "baselines.xml", title: "Baselines", start: at("2026-05-04T08:00:00"), currencyCode: "USD", defaultCalendar: "1",
                               extensions: ["mspdi:SaveVersion": "<SaveVersion>14</SaveVersion>"])
        plan.calendars = [WorkCalendar(id: "1", name: "Standard", week: .standard)]
        plan.customFieldDefinitions = [
            CustomFieldDefinition(id: "Text1", name: "Text1", alias: "Team", type: .text, entity: .task, sourceFieldID: "188743731"),
            CustomFieldDefinition(id: "Number1", name: "Number1", type: .number, entity: .task, sourceFieldID: "188743767"),
            CustomFieldDefinition(id: "risk", name: "Risk score", type: .number, entity: .task),
            CustomFieldDefinition(id: "due", name: "Review date", type: .date, entity: .task),
            CustomFieldDefinition(id: "buffer", name: "Buffer", type: .duration, entity: .task),
            CustomFieldDefinition(id: "billable", name: "Billable", type: .flag, entity: .task),
            CustomFieldDefinition(id: "budget", name: "Budget", type: .cost, entity: .task),
            CustomFieldDefinition(id: "site", name: "Site", type: .text, entity: .resource),
            CustomFieldDefinition(id: "Text1", name: "Text1", alias: "Note", type: .text, entity: .assignment, sourceFieldID: "255852632"),
            CustomFieldDefinition(id: "sponsor", name: "Sponsor", type: .text, entity: .project),
        ]
        plan.tasks = [
            PlanTask(id: "10", displayID: 1, name: "Survey", start: at("2026-05-04T08:00:00"), finish: at("2026-05-08T17:00:00"), duration: days(5),
                     work: WorkDuration(minutes: 2400, unit: .hours), percentComplete: 40, percentWorkComplete: 35, actualStart: at("2026-05-04T08:00:00"),
                     actualDuration: days(2), actualWork: WorkDuration(minutes: 960, unit: .hours), remainingDuration: days(3), cost: Amount(units: 1234), fixedCost: Amount(tenThousandths: 5_0050),
                     baselines: [
                        Baseline(number: 0, start: at("2026-05-04T08:00:00"), finish: at("2026-05-08T17:00:00"), duration: days(5), work: WorkDuration(minutes: 2400), cost: Amount(units: 1000)),
                        Baseline(number: 1, start: at("2026-05-05T08:00:00"), finish: at("2026-05-11T17:00:00"), duration: days(5)),
                        Baseline(number: 10, cost: Amount(tenThousandths: 1)),
                     ],
                     customFields: [
                        "Text1": .text("Survey team"), "Number1": .number(42), "risk": .number(0.75), "due": .date(at("2026-05-15T17:00:00")),
                        "buffer": .duration(WorkDuration(minutes: 960, unit: .days, isElapsed: true)), "billable": .flag(true), "budget": .cost(Amount(units: 250)),
                        "Text2": .text("value without a definition"),
                     ]),
            PlanTask(id: "11", displayID: 2, name: "Report", start: at("2026-05-11T08:00:00"), finish: at("2026-05-12T17:00:00"), duration: days(2)),
        ]
        plan.dependencies = [Dependency(predecessor: "10", successor: "11")]
        plan.resources = [
            Resource(id: "1", displayID: 1, name: "Smith, Jane [lead]", initials: "JS", email: "jane@example.com", group: "Survey", maxUnits: 0.5,
                     standardRate: Rate(amount: Amount(units: 50)), overtimeRate: Rate(amount: Amount(units: 600), per: .days), costPerUse: Amount(tenThousandths: 1_2300),
                     baselines: [Baseline(number: 0, work: WorkDuration(minutes: 2400), cost: Amount(units: 2000))], customFields: ["site": .text("North")]),
            Resource(id: "2", displayID: 2, name: "Concrete", type: .material, materialLabel: "m³"),
            Resource(id: "3", displayID: 3, name: "Travel", type: .cost),
        ]
        plan.assignments = [
            Assignment(id: "1", task: "10", resource: "1", units: 0.5, work: WorkDuration(minutes: 1200), actualWork: WorkDuration(minutes: 480), remainingWork: WorkDuration(minutes: 720),
                       start: at("2026-05-04T08:00:00"), finish: at("2026-05-08T17:00:00"), cost: Amount(units: 1000),
                       baselines: [Baseline(number: 0, start: at("2026-05-04T08:00:00"), finish: at("2026-05-08T17:00:00"), work: WorkDuration(minutes: 1200), cost: Amount(units: 900))],
                       customFields: ["Text1": .text("on site")]),
            Assignment(id: "2", task: "10", resource: "2", units: 20),
            Assignment(id: "3", task: "11", resource: nil, work: WorkDuration(minutes: 960)),
        ]
        return plan
    }

    /// What a Jira export looks like after reading: keys for identities, no calendars, dates without
    /// a schedule, an epic as parent, statuses, Jira-only extensions and Jira custom fields.
    static var jiraLike: Plan {
        var plan = Plan()
        plan.project = Project(name: "PROJ", timeZone: "Europe/Berlin", customFields: ["jira-project-lead": .text("Jane")],
                               extensions: ["jira:ProjectKey": "PROJ"])
        plan.customFieldDefinitions = [
            CustomFieldDefinition(id: "customfield_10020", name: "Custom field (Story Points)", type: .number, entity: .task),
            CustomFieldDefinition(id: "customfield_10021", name: "Custom field (Team)", type: .text, entity: .task),
        ]
        plan.tasks = [
            PlanTask(id: "PROJ-1", displayID: 10001, name: "Epic: checkout", kind: .summary, start: at("2026-06-01T09:00:00"), finish: at("2026-06-19T17:00:00"), status: "In Progress",
                     extensions: ["jira:IssueType": "Epic"]),
            PlanTask(id: "PROJ-12", displayID: 10012, name: "Payment form", outlineLevel: 1, parent: "PROJ-1", start: at("2026-06-01T09:00:00"), finish: at("2026-06-05T17:00:00"), status: "Done",
                     customFields: ["customfield_10020": .number(5), "customfield_10021": .text("Web")], extensions: ["jira:Sprint": "Sprint 7"]),
            PlanTask(id: "PROJ-13", displayID: 10013, name: "Receipt e-mail", outlineLevel: 1, parent: "PROJ-1", start: at("2026-06-08T09:00:00"), duration: WorkDuration(minutes: 1440, unit: .days), status: "To Do",
                     customFields: ["customfield_10020": .number(3)]),
            PlanTask(id: "99999999", displayID: 10014, name: "Legacy ticket\u{7} with a bell", kind: .milestone, start: at("2026-06-15T09:00:00"), finish: at("2026-06-15T17:00:00")),
        ]
        plan.dependencies = [Dependency(predecessor: "PROJ-12", successor: "PROJ-13")]
        plan.resources = [Resource(id: "jane@example.com", name: "Jane Doe")]
        plan.assignments = [Assignment(id: "PROJ-12/jane", task: "PROJ-12", resource: "jane@example.com")]
        return plan
    }
}
