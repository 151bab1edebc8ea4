import PlanModel

/// The state of one scheduling run: per-task facts taken from the plan once, and the dates the
/// passes fill in, all in arrays indexed like `ScheduleNetwork`.
///
/// The rules follow Microsoft Project as MPXJ's `MicrosoftScheduler` reproduces it:
/// - a task without predecessors starts at the project start; otherwise at the latest date its
///   links allow (FS: predecessor finish + lag; SS: predecessor start + lag; FF: predecessor finish
///   + lag − own duration, never before the project start; SF: predecessor start + lag − own
///   duration). Lags run on the successor's calendar; percent lags are a share of the
///   predecessor's duration, to the second, and elapsed when that duration is; elapsed lags and
///   durations are clock time;
/// - a task with work assignments (fixed units or fixed work) takes as long as its resources need
///   for their work at their units (to the second) on their own calendars, cut down to the task's
///   calendar where the task has one (see `ResourceLoad`);
/// - a start is moved to the next working moment of the task's calendar, except that a milestone
///   may sit at the end of a working period (Friday 17:00 rather than Monday 08:00);
/// - constraints: SNET and FNET push the early dates later, SNLT and FNLT pull them earlier even
///   against the links, MSO and MFO fix them; in the backward pass MSO, MFO, SNLT, FNLT and
///   deadlines cap the late finish. Hard constraints can therefore give negative slack;
/// - the backward pass starts from the latest early finish; a late finish that falls at the start
///   of a working period moves back to the end of the previous one;
/// - ALAP tasks take their late dates, and their successors are scheduled from those;
/// - links on a summary task apply to its children: links into it to every child, FS/FF links out
///   of it from its latest finish, SS/SF links out of it from its earliest-starting leaf;
/// - tasks in progress keep their actual start; their remaining duration runs from where the done
///   part ends, but not before the status date; finished tasks keep their actual dates; links do
///   not move either;
/// - manually scheduled tasks keep their dates;
/// - a plan scheduled from its finish is first scheduled backward from the project finish, the
///   project start becomes the earliest late start, and tasks take their late dates unless they
///   say "as soon as possible".
struct ScheduleEngine {
    let network: ScheduleNetwork
    let order: [Int]
    let options: ScheduleOptions

    var calendars: [ResolvedCalendar] = []
    var projectCalendar: ResolvedCalendar
    /// Index into `calendars` per task.
    var calendarIndex: [Int] = []
    var duration: [Int] = []
    var remaining: [Int] = []
    var isElapsed: [Bool] = []
    var isMilestone: [Bool] = []
    var isManual: [Bool] = []
    var constraintType: [ConstraintType] = []
    var constraintDate: [CivilDateTime?] = []
    var deadline: [CivilDateTime?] = []
    var actualStart: [CivilDateTime?] = []
    var actualFinish: [CivilDateTime?] = []
    /// Where the remaining part of a task in progress may start, at the earliest.
    var resumeFloor: [CivilDateTime?] = []
    /// The duration already worked on a started task.
    var doneMinutes: [Int] = []
    var plannedStart: [CivilDateTime?] = []
    var plannedFinish: [CivilDateTime?] = []
    /// Each task's duration as a `WorkDuration`, for percent lags.
    var durationValue: [WorkDuration] = []
    /// For a task driven by its resources (see `ResourceLoad`), one load per work assignment;
    /// empty for a task scheduled on its own calendar.
    var loads: [[ResourceLoad]] = []
    var scheduleFromFinish: Bool

    // Filled in by the passes.
    var earlyStart: [CivilDateTime]
    var earlyFinish: [CivilDateTime]
    var lateStart: [CivilDateTime]
    var lateFinish: [CivilDateTime]
    /// The late start predecessors see: from the late finish minus the remaining duration, even
    /// for a started task whose reported late start is its actual start.
    var drivingLateStart: [CivilDateTime]
    /// Summary entry nodes: what links into the summary (and its ancestors) impose on children.
    var startFloor: [CivilDateTime?]
    var finishFloor: [CivilDateTime?]
    /// Summary exit nodes: what links out of the summary (and its ancestors) impose on children.
    var finishCeiling: [CivilDateTime?]
    /// SS/SF links out of a summary bind only its earliest-starting leaf.
    var startCeiling: [CivilDateTime?]
    var earliestLeaf: [Int]
    /// For links into a summary in the backward pass: the earliest late start and late finish of
    /// its children.
    var minimumLateStart: [CivilDateTime]
    var minimumLateFinish: [CivilDateTime]
    /// Whether the forward pass reads an ALAP predecessor's late dates (its second run).
    var alapPredecessorsUseLateDates = false

    var projectStart = CivilDateTime(secondsSinceEpoch: 0)
    var projectFinish = CivilDateTime(secondsSinceEpoch: 0)
    var statusDate: CivilDateTime?
    var diagnostics: [Diagnostic] = []
    /// Tasks whose calendar ran out of working time; reported once each.
    var exhausted = Set<Int>()

    init(network: ScheduleNetwork, order: [Int], plan: Plan, options: ScheduleOptions) {
        self.network = network
        self.order = order
        self.options = options
        let n = network.count
        let unset = CivilDateTime(secondsSinceEpoch: 0)
        earlyStart = Array(repeating: unset, count: n)
        earlyFinish = earlyStart
        lateStart = earlyStart
        lateFinish = earlyStart
        drivingLateStart = earlyStart
        minimumLateStart = earlyStart
        minimumLateFinish = earlyStart
        startFloor = Array(repeating: nil, count: n)
        finishFloor = startFloor
        finishCeiling = startFloor
        startCeiling = startFloor
        earliestLeaf = Array(0..<n)
        scheduleFromFinish = plan.project.scheduleFrom == .finish
        statusDate = options.statusDate ?? plan.project.statusDate
        anchorStart = plan.project.start ?? plan.tasks.compactMap(\.start).min()
        anchorFinish = plan.project.finish ?? plan.tasks.compactMap(\.finish).max()

        let resolver = CalendarResolver(plan.calendars)
        projectCalendar = resolver.calendar(plan.project.defaultCalendar)
        calendars = [projectCalendar]
        var calendarSlot: [CalendarID: Int] = [:]
        func slot(_ id: CalendarID?) -> Int {
            guard let id, let resolved = resolver[id] else { return 0 }
            if let known = calendarSlot[id] { return known }
            calendarSlot[id] = calendars.count
            calendars.append(resolved)
            return calendars.count - 1
        }
        let conventions = plan.project.conventions
        loads = Array(repeating: [], count: n)
        for t in 0..<n {
            let task = plan.tasks[network.planIndex[t]]
            calendarIndex.append(slot(task.calendar))
            readTask(task, t: t, conventions: conventions)
        }
        var sharedSlot: [[CalendarID]: Int] = [:]
        // A resource's calendar on a task: see `ResourceLoad`.
        func slot(task: CalendarID?, resource: CalendarID?) -> Int {
            guard let task, resolver[task] != nil else { return slot(resource) }
            guard let resource, resolver[resource] != nil, resource != task else { return slot(task) }
            if let known = sharedSlot[[task, resource]] { return known }
            let shared = calendars[slot(task)].sharingWorkingTime(with: calendars[slot(resource)])
            sharedSlot[[task, resource]] = calendars.count
            calendars.append(shared)
            return calendars.count - 1
        }
        loads = ResourceLoad.loads(plan, network: network, isElapsed: isElapsed, duration: duration, calendarSlot: slot)
        // Where the done part of a started task ends depends on who does the work, so it is
        // worked out once the loads are known.
        for t in 0..<n {
            if let started = actualStart[t], actualFinish[t] == nil {
                resumeFloor[t] = finish(t, after: started, minutes: doneMinutes[t])
            }
        }
    }

    /// Takes what scheduling needs from one task, with MS Project's defaults for what is missing.
    private mutating func readTask(_ task: PlanTask, t: Int, conventions: TimeConventions) {
        let calendar = calendars[calendarIndex[t]]
        var length = task.duration
        if length == nil, !network.isSummary[t] {
            if task.kind == .milestone {
                length = .zero
            } else if let start = task.start, let finish = task.finish, finish >= start {
                length = WorkDuration(minutes: calendar.workingMinutes(from: start, to: finish), unit: .days)
            } else {
                length = WorkDuration(minutes: conventions.minutesPerDay, unit: .days, isEstimated: true)
                diagnostics.append(Diagnostic(
                    .scheduleMissingDuration, "Task \(network.label(t)) has no duration; it is scheduled as 1 day.",
                    entity: .task(task.id)))
            }
        }
        let value = length ?? .zero
        let minutes = max(0, value.minutes)
        durationValue.append(value)
        duration.append(minutes)
        isElapsed.append(value.isElapsed)
        isMilestone.append(task.kind == .milestone)
        isManual.append(task.isManuallyScheduled && task.start != nil)
        plannedStart.append(task.start)
        plannedFinish.append(task.finish)
        deadline.append(task.deadline)

        var type = task.constraint?.type ?? (scheduleFromFinish ? .asLateAsPossible : .asSoonAsPossible)
        if type.needsDate && task.constraint?.date == nil {
            diagnostics.append(Diagnostic(
                .scheduleConstraintWithoutDate,
                "Task \(network.label(t)) has a \(type.code) constraint without a date; it is scheduled as soon as possible.",
                entity: .task(task.id)))
            type = .asSoonAsPossible
        }
        constraintType.append(type)
        constraintDate.append(task.constraint?.date)

        // Progress: a percentage without an actual start still means the work began as planned.
        let percent = min(max(task.percentComplete ?? 0, 0), 100)
        var started = task.actualStart ?? (percent > 0 ? task.start : nil)
        var finished = task.actualFinish ?? (percent == 100 ? task.finish : nil)
        if network.isSummary[t] { (started, finished) = (nil, nil) }
        if finished != nil && started == nil { started = finished.map { start(t, before: $0, minutes: minutes) } }
        actualStart.append(started)
        actualFinish.append(finished)
        var left = minutes
        if started != nil {
            left = task.remainingDuration.map { max(0, $0.minutes) } ?? (minutes * (100 - percent) + 50) / 100
            if finished != nil { left = 0 }
        }
        remaining.append(left)
        doneMinutes.append(task.actualDuration.map { max(0, $0.minutes) } ?? max(0, minutes - left))
        resumeFloor.append(nil)
    }

    /// Settles the date scheduling runs from; false (with an error) when there is none.
    mutating func prepareAnchor(diagnostics: inout [Diagnostic]) -> Bool {
        if scheduleFromFinish {
            guard let finish = options.fromDate ?? anchorFinish else {
                diagnostics.append(Diagnostic(
                    .scheduleNoAnchorDate, "The project is scheduled from its finish but has no finish date; give one with --from-date.",
                    entity: .project))
                return false
            }
            projectFinish = finish
            return true
        }
        guard let start = options.fromDate ?? anchorStart else {
            diagnostics.append(Diagnostic(
                .scheduleNoAnchorDate, "The project has no start date and no task has one; give one with --from-date.",
                entity: .project))
            return false
        }
        projectStart = start
        return true
    }

    /// The plan's own dates to schedule from: the project's, else the earliest task start (or the
    /// latest task finish), so that a plan imported without a project start still schedules.
    var anchorStart: CivilDateTime?
    var anchorFinish: CivilDateTime?

    mutating func run() {
        guard network.count > 0 else {
            if scheduleFromFinish { projectStart = projectFinish } else { projectFinish = projectStart }
            return
        }
        if scheduleFromFinish {
            backwardPass()
            projectStart = (0..<network.count).filter { !network.isSummary[$0] }.map { lateStart[$0] }.min() ?? projectFinish
            forwardPass()
        } else {
            forwardPass()
            projectFinish = (0..<network.count).filter { !network.isSummary[$0] }.map { earlyFinish[$0] }.max() ?? projectStart
            // Late dates are only slack, unless an ALAP task takes them as its dates.
            guard options.computesSlack || constraintType.contains(.asLateAsPossible) else { return }
            backwardPass()
        }
        if constraintType.contains(.asLateAsPossible) && !scheduleFromFinish {
            alapPredecessorsUseLateDates = true
            forwardPass()
            // Successors of ALAP tasks now start from those tasks' late dates; where calendars do
            // not round-trip exactly (elapsed lags, resource calendars) that can end later than
            // the first pass did, so the late dates are worked out again from the new end.
            let latest = (0..<network.count).filter { !network.isSummary[$0] }.map { earlyFinish[$0] }.max() ?? projectFinish
            if latest > projectFinish {
                projectFinish = latest
                backwardPass()
            }
        }
    }
}
