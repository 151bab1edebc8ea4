import PlanModel

/// Hand-built plans for the PlanBridge JSON tests: every field set, every enum case used, and the
/// values that break naive encoders (extreme integers, awkward doubles, control characters).
enum PlanJSONSamples {
    static func dateTime(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0) -> CivilDateTime {
        CivilDateTime(year: y, month: m, day: d, hour: h, minute: min, second: s)!
    }

    static func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    static func time(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }

    static func interval(_ from: (Int, Int), _ to: (Int, Int)) -> WorkingInterval {
        WorkingInterval(from: time(from.0, from.1), to: time(to.0, to.1))
    }

    /// Every field of every entity set, every enum case and recurrence pattern used somewhere.
    static func fullModel() -> Plan {
        let allValues: CustomFields = [
            "Text1": .text("hello \"world\"\n"),
            "Number1": .number(0.1),
            "Date1": .date(dateTime(2024, 2, 29, 23, 59, 59)),
            "Duration1": .duration(WorkDuration(minutes: -90, unit: .hours, isElapsed: true, isEstimated: true)),
            "Flag1": .flag(false),
            "Cost1": .cost(Amount(tenThousandths: -12_345)),
        ]
        var project = Project(
            name: "Full model", title: "Every field", subject: "Tests", author: "Ada", company: "ACME",
            manager: "Grace", start: dateTime(2024, 1, 8, 8), finish: dateTime(2024, 3, 29, 17),
            statusDate: dateTime(2024, 2, 1, 17), currentDate: dateTime(2024, 2, 2), creationDate: dateTime(2023, 12, 1),
            lastSaved: dateTime(2024, 2, 2, 9, 30, 15), currencyCode: "EUR", currencySymbol: "€", currencyDigits: 2,
            defaultCalendar: "1", conventions: TimeConventions(minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 21),
            scheduleFrom: .finish, defaultStartTime: time(8, 30), defaultFinishTime: time(24, 0),
            timeZone: "Europe/Berlin", customFields: ["Text1": .text("project level")],
            extensions: ["mspdi:Project/Revision": "7"])
        project.extensions["jira:Project"] = "PROJ"

        var standard = WeekPattern.standard
        standard[.saturday] = [interval((9, 0), (12, 0))]
        let calendars = [
            WorkCalendar(
                id: "1", name: "Standard", week: standard,
                exceptions: [
                    CalendarException(name: "Christmas", from: date(2024, 12, 25), to: date(2024, 12, 26)),
                    CalendarException(
                        name: "Short Fridays", from: date(2024, 1, 1), to: date(2024, 12, 31),
                        intervals: [interval((8, 0), (12, 0))],
                        recurrence: Recurrence(pattern: .weekly(interval: 1, days: [.friday]))),
                    CalendarException(from: date(2024, 1, 1), to: date(2024, 3, 1), recurrence: Recurrence(pattern: .daily(interval: 3), occurrences: 10)),
                    CalendarException(from: date(2024, 1, 1), to: date(2025, 1, 1), recurrence: Recurrence(pattern: .monthlyByDay(interval: 2, day: 15))),
                    CalendarException(
                        from: date(2024, 1, 1), to: date(2025, 1, 1),
                        recurrence: Recurrence(pattern: .monthlyByWeekday(interval: 1, ordinal: .last, weekday: .friday), occurrences: 12)),
                    CalendarException(name: "New year", from: date(2024, 1, 1), to: date(2030, 1, 1), recurrence: Recurrence(pattern: .yearlyByDate(month: 1, day: 1))),
                    CalendarException(
                        name: "Thanksgiving", from: date(2024, 1, 1), to: date(2030, 12, 31),
                        recurrence: Recurrence(pattern: .yearlyByWeekday(month: 11, ordinal: .fourth, weekday: .thursday))),
                    CalendarException(from: date(2024, 6, 3), to: date(2024, 6, 3), recurrence: Recurrence(pattern: .monthlyByWeekday(interval: 1, ordinal: .first, weekday: .monday))),
                    CalendarException(from: date(2024, 6, 3), to: date(2024, 6, 3), recurrence: Recurrence(pattern: .monthlyByWeekday(interval: 1, ordinal: .second, weekday: .tuesday))),
                    CalendarException(from: date(2024, 6, 3), to: date(2024, 6, 3), recurrence: Recurrence(pattern: .monthlyByWeekday(interval: 1, ordinal: .third, weekday: .wednesday))),
                    CalendarException(from: date(2024, 6, 3), to: date(2024, 6, 3), recurrence: Recurrence(pattern: .weekly(interval: 2, days: []))),
                ],
                workWeeks: [
                    WorkWeek(name: "Summer", from: date(2024, 7, 1), to: date(2024, 8, 31), week: WeekPattern(days: [.friday: [], .monday: [interval((7, 0), (15, 0))]])),
                    WorkWeek(from: date(2024, 9, 1), to: date(2024, 9, 30), week: WeekPattern()),
                ],
                extensions: ["mspdi:Calendar/GUID": "{0000}"]),
            WorkCalendar(id: "2", name: "Ada's calendar", baseCalendar: "1", isBaseCalendar: false, resource: "1"),
            WorkCalendar(id: "3", name: "Night shift", week: WeekPattern(days: [.sunday: [interval((22, 0), (24, 0))]])),
        ]

        let tasks = [
            PlanTask(
                id: "1", displayID: 1, name: "Design", wbs: "1", outlineNumber: "1", outlineLevel: 1, kind: .summary,
                start: dateTime(2024, 1, 8, 8), finish: dateTime(2024, 2, 2, 17)),
            PlanTask(
                id: "2", displayID: 2, name: "Sketch ✏️", wbs: "1.1", outlineNumber: "1.1", outlineLevel: 2, parent: "1",
                kind: .task, isManuallyScheduled: true, isActive: false, start: dateTime(2024, 1, 8, 8),
                finish: dateTime(2024, 1, 19, 17), duration: WorkDuration(minutes: 4500, unit: .days),
                work: WorkDuration(minutes: 9000, unit: .hours), percentComplete: 50, percentWorkComplete: 40,
                actualStart: dateTime(2024, 1, 8, 8), actualFinish: dateTime(2024, 1, 19, 17),
                actualDuration: WorkDuration(minutes: 2250, unit: .days), actualWork: WorkDuration(minutes: 3600, unit: .hours),
                remainingDuration: WorkDuration(minutes: 2250, unit: .weeks, isEstimated: true),
                constraint: Constraint(type: .startNoEarlierThan, date: dateTime(2024, 1, 8, 8)),
                deadline: dateTime(2024, 1, 31, 17), priority: 700, notes: "Line one\r\nLine two\ttabbed \u{1}",
                cost: Amount(tenThousandths: 12_500_000), fixedCost: Amount(units: 100),
                baselines: [
                    Baseline(number: 0, start: dateTime(2024, 1, 8, 8), finish: dateTime(2024, 1, 19, 17),
                        duration: WorkDuration(minutes: 4500, unit: .days), work: WorkDuration(minutes: 9000, unit: .hours),
                        cost: Amount(units: 1250)),
                    Baseline(number: 10),
                ],
                calendar: "3", status: "In Progress", customFields: allValues,
                extensions: ["mspdi:Task/Hyperlink": "<Hyperlink>x</Hyperlink>", "jira:Sprint": "Sprint 4"]),
            PlanTask(id: "3", name: "Approve", outlineLevel: 2, parent: "1", kind: .milestone, duration: .zero,
                constraint: Constraint(type: .asLateAsPossible)),
        ] + ConstraintType.allCases.map { type in
            PlanTask(id: TaskID(rawValue: "c\(type.rawValue)"), name: type.code,
                duration: WorkDuration(minutes: 60, unit: .minutes, isElapsed: true),
                constraint: Constraint(type: type, date: type.needsDate ? dateTime(2024, 2, 1, 8) : nil))
        } + DurationUnit.allCases.map { unit in
            PlanTask(id: TaskID(rawValue: "u-\(unit.rawValue)"), name: unit.rawValue, work: WorkDuration(minutes: 480, unit: unit))
        }

        let resources = [
            Resource(
                id: "1", displayID: 1, name: "Ada", initials: "A", type: .work, email: "ada@example.com", group: "Dev",
                maxUnits: 1.0, standardRate: Rate(amount: Amount(tenThousandths: 123_456), per: .hours),
                overtimeRate: Rate(amount: Amount(units: 80), per: .days), costPerUse: Amount(units: 5), calendar: "2",
                notes: "Lead", baselines: [Baseline(number: 1, work: WorkDuration(minutes: 60, unit: .hours), cost: Amount(units: 60))],
                customFields: ["Number1": .number(1e-7)], extensions: ["mspdi:Resource/Phonetics": "ada"]),
            Resource(id: "2", name: "Concrete", type: .material, materialLabel: "m³", maxUnits: 2.5),
            Resource(id: "3", name: "Travel", type: .cost),
        ]

        let assignments = [
            Assignment(
                id: "1", task: "2", resource: "1", units: 0.5, work: WorkDuration(minutes: 9000, unit: .hours),
                actualWork: WorkDuration(minutes: 3600, unit: .hours), remainingWork: WorkDuration(minutes: 5400, unit: .hours),
                start: dateTime(2024, 1, 8, 8), finish: dateTime(2024, 1, 19, 17), cost: Amount(units: 1250),
                baselines: [Baseline(number: 0, work: WorkDuration(minutes: 9000, unit: .hours))],
                customFields: ["Flag1": .flag(true)], extensions: ["mspdi:Assignment/Delay": "0"]),
            Assignment(id: "2", task: "3", resource: nil),
        ]

        let dependencies = [
            Dependency(predecessor: "2", successor: "3"),
            Dependency(predecessor: "2", successor: "c0", type: .startToStart, lag: .time(WorkDuration(minutes: -480, unit: .days))),
            Dependency(predecessor: "2", successor: "c1", type: .finishToFinish, lag: .percent(25, elapsed: false)),
            Dependency(predecessor: "2", successor: "c2", type: .startToFinish, lag: .percent(-50, elapsed: true),
                extensions: ["mspdi:PredecessorLink/CrossProject": "0"]),
            Dependency(predecessor: "3", successor: "c3", lag: .time(WorkDuration(minutes: 0, unit: .days))),
            Dependency(predecessor: "3", successor: "c4", lag: .time(WorkDuration(minutes: 1440, unit: .days, isElapsed: true, isEstimated: true))),
        ]

        let definitions = CustomFieldType.allCases.enumerated().map { i, type in
            CustomFieldDefinition(id: "\(type.rawValue.capitalized)1", name: "\(type.rawValue.capitalized)1",
                alias: i % 2 == 0 ? "Alias \(i)" : nil, type: type,
                entity: EntityKind.allCases[i % EntityKind.allCases.count], sourceFieldID: i % 2 == 0 ? "\(188_743_731 + i)" : nil)
        }

        return Plan(
            project: project, calendars: calendars, tasks: tasks, resources: resources, assignments: assignments,
            dependencies: dependencies, customFieldDefinitions: definitions,
            extensions: ["planbridge:note": "top-level", "mspdi:Project/Views": "<Views/>"])
    }

    /// Values at the edges of what the model can hold.
    static func extremes() -> Plan {
        let doubles: [Double] = [0.1, 1e-7, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123456789.125, 1e21, -2.5e-300, 100]
        var fields: CustomFields = [:]
        for (i, value) in doubles.enumerated() { fields["n\(i)"] = .number(value) }
        fields[""] = .text("")
        fields["key with \"quotes\" and \\ and \u{7}"] = .text("\u{0}\u{1F}\u{7F}\u{2028}")
        fields["é"] = .cost(Amount(tenThousandths: Int.min))
        fields["e\u{301}x"] = .cost(Amount(tenThousandths: Int.max))
        fields["早"] = .date(CivilDateTime(secondsSinceEpoch: Int.min))
        fields["晚"] = .date(CivilDateTime(secondsSinceEpoch: Int.max))
        fields["year0"] = .date(CivilDateTime(secondsSinceEpoch: -62_167_219_200))
        fields["year-1"] = .date(CivilDateTime(secondsSinceEpoch: -62_167_219_201))
        fields["year10000"] = .date(CivilDateTime(secondsSinceEpoch: 253_402_300_800))
        fields["min duration"] = .duration(WorkDuration(minutes: Int.min, unit: .months))
        let task = PlanTask(
            id: "", displayID: Int.min, name: "\u{1F600} 𝄞 \u{0}", outlineLevel: Int.max,
            start: CivilDateTime(secondsSinceEpoch: -1), finish: CivilDateTime(secondsSinceEpoch: 0),
            duration: WorkDuration(minutes: Int.max, unit: .weeks), percentComplete: -5, percentWorkComplete: 250,
            priority: Int.min, cost: Amount(tenThousandths: -1),
            fixedCost: Amount(tenThousandths: 1), customFields: fields, extensions: ["": "", "\\": "/"])
        let calendar = WorkCalendar(
            id: "far", name: "far dates",
            exceptions: [
                CalendarException(from: CivilDate(daysSinceEpoch: Int.min), to: CivilDate(daysSinceEpoch: Int.max)),
                CalendarException(
                    from: CivilDate(daysSinceEpoch: -719_529), to: CivilDate(daysSinceEpoch: 2_932_897),
                    recurrence: Recurrence(pattern: .weekly(interval: Int.min, days: Set(Weekday.allCases)), occurrences: Int.max)),
            ])
        return Plan(
            project: Project(conventions: TimeConventions(minutesPerDay: 0, minutesPerWeek: -1, daysPerMonth: Int.max)),
            calendars: [calendar], tasks: [task],
            resources: [Resource(id: "r", name: "r", maxUnits: -0.0)],
            assignments: [Assignment(id: "a", task: "", resource: "r", units: 1e300)],
            dependencies: [
                Dependency(predecessor: "", successor: "", lag: .percent(Int.min, elapsed: true)),
                Dependency(predecessor: "", successor: "", lag: .time(WorkDuration(minutes: Int.min))),
            ])
    }
}
