import PlanModel
import PlanSchedule
import Testing

/// Hand-made cases for rules the MPXJ cross-check on generated plans showed PlanBridge getting
/// wrong (scripts/crosscheck-schedule.sh, README "Cross-check against MPXJ"). Every plan starts
/// on Monday 2024-03-04 08:00 on the standard calendar (08:00–12:00, 13:00–17:00).
struct SchedulerMSProjectRuleTests {
    static let monday = CivilDateTime(year: 2024, month: 3, day: 4, hour: 8)!

    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0, _ second: Int = 0) -> CivilDateTime {
        CivilDateTime(year: 2024, month: 3, day: day, hour: hour, minute: minute, second: second)!
    }

    static func hours(_ from: Int, _ to: Int) -> WorkingInterval {
        WorkingInterval(from: TimeOfDay(hour: from, minute: 0)!, to: TimeOfDay(hour: to, minute: 0)!)
    }

    /// Monday to Friday with the given intervals.
    static func weekdays(_ intervals: [WorkingInterval]) -> WeekPattern {
        var week = WeekPattern()
        for day in Weekday.allCases { week[day] = day == .saturday || day == .sunday ? [] : intervals }
        return week
    }

    static func work(_ task: TaskID, _ resource: ResourceID, minutes: Int, units: Double) -> Assignment {
        Assignment(
            id: AssignmentID(task.rawValue + "/" + resource.rawValue), task: task, resource: resource, units: units,
            work: WorkDuration(minutes: minutes, unit: .hours))
    }

    /// A task on a mornings-only calendar, done by a resource whose own calendar is the standard
    /// day with Mondays off: the resource works only when both calendars say so (MS Project's
    /// rule unless the task ignores resource calendars), so 8 hours take Tuesday and Wednesday
    /// morning. A resource without a calendar of its own works the task's calendar. Before, the
    /// task calendar was ignored: Tuesday 17:00 and Monday 17:00.
    @Test func aResourceOnATaskWithACalendarWorksOnlyWhereBothCalendarsDo() throws {
        var mondaysOff = Self.weekdays([Self.hours(8, 12), Self.hours(13, 17)])
        mondaysOff[.monday] = []
        var plan = Plan(
            project: Project(start: Self.monday),
            calendars: [
                WorkCalendar(id: "standard", name: "Standard", week: Self.weekdays([Self.hours(8, 12), Self.hours(13, 17)])),
                WorkCalendar(id: "mornings", name: "Mornings", week: Self.weekdays([Self.hours(8, 12)])),
                WorkCalendar(id: "ann", name: "Ann", baseCalendar: "standard", isBaseCalendar: false, resource: "ann", week: mondaysOff),
            ],
            tasks: [
                PlanTask(id: "A", name: "Ann's task", duration: WorkDuration(minutes: 480, unit: .hours), calendar: "mornings"),
                PlanTask(id: "B", name: "Bob's task", duration: WorkDuration(minutes: 480, unit: .hours), calendar: "mornings"),
            ],
            resources: [Resource(id: "ann", name: "Ann", calendar: "ann"), Resource(id: "bob", name: "Bob")],
            assignments: [Self.work("A", "ann", minutes: 480, units: 1), Self.work("B", "bob", minutes: 480, units: 1)])
        plan.project.defaultCalendar = "standard"
        let result = Scheduler().schedule(plan)
        let ann = try #require(result.tasks["A"])
        #expect(ann.earlyStart == Self.at(5, 8))
        #expect(ann.earlyFinish == Self.at(6, 12))
        let bob = try #require(result.tasks["B"])
        #expect(bob.earlyStart == Self.at(4, 8))
        #expect(bob.earlyFinish == Self.at(5, 12))
    }

    /// 2 h 38 min of work at 33 % is 478.79 working minutes: the finish is Monday 16:58:47, as
    /// MS Project (which keeps tenths of a minute) has it at 16:58:48, not 16:59:00 from a
    /// length rounded to the whole minute.
    @Test func workDividedByUnitsIsNotRoundedToTheMinute() throws {
        let plan = Plan(
            project: Project(start: Self.monday),
            tasks: [PlanTask(id: "A", name: "Review", duration: WorkDuration(minutes: 480, unit: .days))],
            resources: [Resource(id: "r", name: "Reviewer")],
            assignments: [Self.work("A", "r", minutes: 158, units: 0.33)])
        let task = try #require(Scheduler().schedule(plan).tasks["A"])
        #expect(task.earlyFinish == Self.at(4, 16, 58, 47))
    }

    /// 50 % of a one-elapsed-day predecessor is twelve elapsed hours: from Tuesday 08:00 to
    /// Tuesday 20:00, so the successor starts Wednesday 08:00. Read as 720 working minutes it was
    /// Wednesday 12:00, and the successor started at 13:00.
    @Test func aPercentLagOfAnElapsedPredecessorIsElapsed() throws {
        let plan = Plan(
            project: Project(start: Self.monday),
            tasks: [
                PlanTask(id: "A", name: "Cure", duration: WorkDuration(minutes: 1440, unit: .days, isElapsed: true)),
                PlanTask(id: "B", name: "Strip formwork", duration: WorkDuration(minutes: 480, unit: .days)),
            ],
            dependencies: [Dependency(predecessor: "A", successor: "B", lag: .percent(50, elapsed: false))])
        let result = Scheduler().schedule(plan)
        #expect(result.tasks["A"]?.earlyFinish == Self.at(5, 8))
        let successor = try #require(result.tasks["B"])
        #expect(successor.earlyStart == Self.at(6, 8))
    }

    /// 25 % of a 7.5-hour predecessor is 112.5 working minutes: from Monday 16:30 to Tuesday
    /// 09:22:30. Rounded to 113 minutes, the successor started at 09:23.
    @Test func aPercentLagIsKeptToTheSecond() throws {
        let plan = Plan(
            project: Project(start: Self.monday),
            tasks: [
                PlanTask(id: "A", name: "Survey", duration: WorkDuration(minutes: 450, unit: .hours)),
                PlanTask(id: "B", name: "Report", duration: WorkDuration(minutes: 60, unit: .hours)),
            ],
            dependencies: [Dependency(predecessor: "A", successor: "B", lag: .percent(25, elapsed: false))])
        let result = Scheduler().schedule(plan)
        #expect(result.tasks["A"]?.earlyFinish == Self.at(4, 16, 30))
        let successor = try #require(result.tasks["B"])
        #expect(successor.earlyStart == Self.at(5, 9, 22, 30))
    }

    static func days(_ count: Int, elapsed: Bool = false) -> WorkDuration {
        WorkDuration(minutes: count * (elapsed ? 1440 : 480), unit: .days, isElapsed: elapsed)
    }

    /// An FF or SF link says the successor cannot finish before the predecessor's finish (or
    /// start) plus the lag. So the lag moves the linked date to the earliest finish, and the
    /// successor's duration is taken back from there. A finishes on Tuesday 17:00. B (3 days,
    /// FF +2ed) may finish on Thursday 17:00, so it starts on Tuesday. C (1 day, FF +4ed) may finish
    /// on Saturday 17:00, which is Friday 17:00 in working time. D (1 day, SF +3ed from A's
    /// start on Monday 08:00) may finish on Thursday 08:00, which is Wednesday 17:00. MPXJ takes
    /// the duration back first and then adds the elapsed lag. That finishes B on Wednesday 17:00,
    /// a day before the link allows, and D on Monday 17:00. C moves to the next Monday.
    @Test func anFFOrSFElapsedLagMovesTheLinkedDateToTheEarliestFinish() throws {
        let plan = Plan(
            project: Project(start: Self.monday),
            tasks: [
                PlanTask(id: "A", name: "Pour", duration: Self.days(2)),
                PlanTask(id: "B", name: "Inspect", duration: Self.days(3)),
                PlanTask(id: "C", name: "Sign off", duration: Self.days(1)),
                PlanTask(id: "D", name: "Order", duration: Self.days(1)),
            ],
            dependencies: [
                Dependency(predecessor: "A", successor: "B", type: .finishToFinish, lag: .time(Self.days(2, elapsed: true))),
                Dependency(predecessor: "A", successor: "C", type: .finishToFinish, lag: .time(Self.days(4, elapsed: true))),
                Dependency(predecessor: "A", successor: "D", type: .startToFinish, lag: .time(Self.days(3, elapsed: true))),
            ])
        let result = Scheduler().schedule(plan)
        #expect(result.tasks["A"]?.earlyFinish == Self.at(5, 17))
        let b = try #require(result.tasks["B"])
        #expect(b.earlyStart == Self.at(5, 8))
        #expect(b.earlyFinish == Self.at(7, 17))
        let c = try #require(result.tasks["C"])
        #expect(c.earlyStart == Self.at(8, 8))
        #expect(c.earlyFinish == Self.at(8, 17))
        let d = try #require(result.tasks["D"])
        #expect(d.earlyStart == Self.at(6, 8))
        #expect(d.earlyFinish == Self.at(6, 17))
    }

    /// An ALAP task starts no later than its SS successor's late start, even when one of its
    /// resources cannot work then. The project (task L) ends on Tuesday the 19th at 17:00, so Y
    /// (20 hours, SS from X) must start by Friday the 15th at 13:00. X is Ann's 4 hours and Bob's
    /// 4 hours, and Bob has Fridays off. X starts on Friday at 13:00 with Ann, and Bob's share ends
    /// on Monday at 12:00. Taken as "finish by Monday 12:00 and start as late as that allows", X
    /// started on Monday 08:00. Y then followed it and ended on Wednesday, so the ALAP task
    /// delayed the project.
    @Test func anALAPTaskStartsNoLaterThanItsSSSuccessorAllows() throws {
        let standard = Self.weekdays([Self.hours(8, 12), Self.hours(13, 17)])
        var fridaysOff = standard
        fridaysOff[.friday] = []
        var plan = Plan(
            project: Project(start: Self.monday),
            calendars: [
                WorkCalendar(id: "standard", name: "Standard", week: standard),
                WorkCalendar(id: "bob", name: "Bob", baseCalendar: "standard", isBaseCalendar: false, resource: "bob", week: fridaysOff),
            ],
            tasks: [
                PlanTask(id: "L", name: "Build", duration: WorkDuration(minutes: 96 * 60, unit: .hours)),
                PlanTask(
                    id: "X", name: "Prepare", duration: WorkDuration(minutes: 240, unit: .hours),
                    constraint: Constraint(type: .asLateAsPossible)),
                PlanTask(id: "Y", name: "Hand over", duration: WorkDuration(minutes: 20 * 60, unit: .hours)),
            ],
            resources: [Resource(id: "ann", name: "Ann"), Resource(id: "bob", name: "Bob", calendar: "bob")],
            assignments: [Self.work("X", "ann", minutes: 240, units: 1), Self.work("X", "bob", minutes: 240, units: 1)],
            dependencies: [Dependency(predecessor: "X", successor: "Y", type: .startToStart)])
        plan.project.defaultCalendar = "standard"
        let result = Scheduler().schedule(plan)
        #expect(result.projectFinish == Self.at(19, 17))
        let x = try #require(result.tasks["X"])
        #expect(x.start == Self.at(15, 13))
        #expect(x.finish == Self.at(18, 12))
        let y = try #require(result.tasks["Y"])
        #expect(y.start == Self.at(15, 13))
        #expect(y.finish == Self.at(19, 17))
    }
}
