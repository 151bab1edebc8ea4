import PlanModel

extension MSPDIWriter.Context {
    /// The project summary task (UID 0), then the tasks in plan (outline) order with MS Project's
    /// blank rows back at their IDs.
    func writeTasks() {
        if let preserved = plan.extensions[MSPDI.projectSummaryTaskKey] {
            out.verbatim(preserved)
        } else {
            writeSynthesisedSummaryTask()
        }
        let nullRows = plan.extensions[MSPDI.nullTasksKey].map(MSPDI.nullTaskRows(in:)) ?? []
        var nextNullRow = 0
        // Row numbers from MSPDI are kept (blank rows hold their places); other sources' numbers
        // (Jira issue ids) are not row numbers, so those tasks are numbered 1…n in outline order.
        let useSourceIDs = !pinsDates && Self.displayIDsUsable(plan.tasks)
        let parents = Set(plan.tasks.compactMap(\.parent))
        var levels: [TaskID: Int] = [:]
        var outline = OutlineCounter()
        for (index, task) in plan.tasks.enumerated() {
            let displayID = useSourceIDs ? task.displayID! : index + 1
            while nextNullRow < nullRows.count, let rowID = nullRows[nextNullRow].id, rowID < displayID {
                out.verbatim(String(nullRows[nextNullRow].xml))
                nextNullRow += 1
            }
            let parentLevel = task.parent.flatMap { levels[$0] } ?? 0
            let level = min(max(task.outlineLevel, parentLevel + 1), Self.maxOutlineLevel)
            levels[task.id] = level
            let row = TaskRow(
                displayID: displayID, level: level, outlineNumber: outline.next(level: level),
                isSummary: task.kind == .summary || parents.contains(task.id))
            writeTask(task, row)
        }
        while nextNullRow < nullRows.count {
            out.verbatim(String(nullRows[nextNullRow].xml))
            nextNullRow += 1
        }
    }

    /// Deeper outlines are flattened to this level (MS Project's outlines stay far shallower).
    static let maxOutlineLevel = 100

    /// Source display IDs are kept when every task has one and they ascend, as MS Project needs.
    static func displayIDsUsable(_ tasks: [PlanTask]) -> Bool {
        var previous = 0
        for task in tasks {
            guard let id = task.displayID, id > previous else { return false }
            previous = id
        }
        return true
    }

    /// What the writer derives for a task from its place in the plan.
    struct TaskRow {
        var displayID: Int
        var level: Int
        var outlineNumber: String
        var isSummary: Bool
    }

    /// `1`, `1.1`, `1.2`, `2`, … from the sequence of outline levels.
    struct OutlineCounter {
        private var counters: [Int] = []

        mutating func next(level: Int) -> String {
            if counters.count >= level {
                counters.removeLast(counters.count - level)
                counters[level - 1] += 1
            } else {
                while counters.count < level { counters.append(1) }
            }
            return counters.map(String.init).joined(separator: ".")
        }
    }

    /// MS Project always writes UID 0 (brief §2.5): the project's own row, level 0, a summary.
    private func writeSynthesisedSummaryTask() {
        out.start("Task")
        var e = ChildEmitter<TaskElement>(out, extensions: [])
        e.int(.UID, 0)
        e.int(.ID, 0)
        e.text(.Name, plan.project.title ?? plan.project.name)
        e.int(.`Type`, 1)
        e.bool(.IsNull, false)
        e.text(.WBS, "0")
        e.text(.OutlineNumber, "0")
        e.int(.OutlineLevel, 0)
        e.dateTime(.Start, plan.project.start ?? plan.tasks.compactMap(\.start).min())
        e.dateTime(.Finish, plan.project.finish ?? plan.tasks.compactMap(\.finish).max())
        e.bool(.Summary, true)
        e.finish()
        out.end()
    }

    private func writeTask(_ task: PlanTask, _ row: TaskRow) {
        guard let uid = ids.tasks[task.id] else { return }
        let pin = datePin(for: task, isSummary: row.isSummary)
        let isManual = task.isManuallyScheduled || pin == .manual
        let constraint = pin == .startNoEarlierThan ? Constraint(type: .startNoEarlierThan, date: task.start) : task.constraint

        out.start("Task")
        var e = ChildEmitter<TaskElement>(out, entityExtensions: task.extensions)
        e.int(.UID, uid)
        e.int(.ID, row.displayID)
        if !task.name.isEmpty { noteCleaned(e.text(.Name, task.name), "task name", entity: .task(task.id)) }
        e.bool(.Active, task.isActive)
        e.bool(.Manual, isManual)
        e.text(.WBS, task.wbs)
        e.text(.OutlineNumber, task.outlineNumber ?? row.outlineNumber)
        e.int(.OutlineLevel, row.level)
        e.int(.Priority, clamped(task.priority, 0...1000))
        e.dateTime(.Start, task.start)
        e.dateTime(.Finish, task.finish)
        let duration = task.duration ?? (pinsDates && task.kind == .milestone ? .zero : nil)
        e.duration(.Duration, minutes: duration?.minutes)
        if pin == .manual {
            e.dateTime(.ManualStart, task.start)
            e.dateTime(.ManualFinish, task.finish)
        }
        e.int(.DurationFormat, duration.map { durationFormatCode($0) })
        e.duration(.Work, minutes: task.work?.minutes)
        e.bool(.Estimated, duration?.isEstimated)
        e.bool(.Milestone, task.kind == .milestone)
        e.bool(.Summary, row.isSummary)
        e.cents(.FixedCost, task.fixedCost)
        e.int(.PercentComplete, clamped(task.percentComplete, 0...100))
        e.int(.PercentWorkComplete, clamped(task.percentWorkComplete, 0...100))
        e.cents(.Cost, task.cost)
        e.dateTime(.ActualStart, task.actualStart)
        e.dateTime(.ActualFinish, task.actualFinish)
        e.duration(.ActualDuration, minutes: task.actualDuration?.minutes)
        e.duration(.ActualWork, minutes: task.actualWork?.minutes)
        e.duration(.RemainingDuration, minutes: task.remainingDuration?.minutes)
        e.int(.ConstraintType, constraint?.type.rawValue)
        if let calendar = task.calendar {
            e.int(.CalendarUID, calendarUID(calendar, user: "task '\(task.name)'", entity: .task(task.id)))
        }
        e.dateTime(.ConstraintDate, constraint?.date)
        e.dateTime(.Deadline, task.deadline)
        noteCleaned(e.text(.Notes, task.notes), "task notes", entity: .task(task.id))
        for link in linksBySuccessor[task.id] ?? [] {
            writeLink(link, into: &e)
        }
        // Repeated elements: the model's occurrences first, then any the reader kept verbatim
        // (never the same occurrence twice, by the extension convention).
        e.advance(to: .ExtendedAttribute)
        writeCustomFieldValues(task.customFields, entity: .task, extensions: task.extensions)
        e.advance(to: .Baseline)
        writeBaselines(task.baselines, extensions: task.extensions, withDuration: true)
        e.finish()
        out.end()
    }

    private func writeLink(_ link: Dependency, into e: inout ChildEmitter<TaskElement>) {
        e.advance(to: .PredecessorLink)
        guard let predecessorUID = ids.tasks[link.predecessor] else {
            dangling("the link from '\(link.predecessor)' to '\(link.successor)' names a task the plan does not hold; left out",
                .dependency(predecessor: link.predecessor, successor: link.successor))
            return
        }
        out.start(XMLTextWriter.bytes("PredecessorLink"))
        var l = ChildEmitter<PredecessorLinkElement>(out, entityExtensions: link.extensions)
        l.int(.PredecessorUID, predecessorUID)
        l.int(.`Type`, MSPDI.linkTypeCode(link.type))
        switch link.lag {
        case .time(let lag):
            // Tenths of a minute (brief §2.2); the format is the unit the user saw, with the
            // estimated mark (`2d?`) as durations carry it.
            let (tenths, overflow) = lag.minutes.multipliedReportingOverflow(by: 10)
            l.int(.LinkLag, overflow ? Int.max : tenths)
            l.int(.LagFormat, durationFormatCode(lag))
        case .percent(let percent, let elapsed):
            // For percent formats LinkLag is the percentage itself, as MPXJ reads it (brief §2.2).
            l.int(.LinkLag, percent)
            l.int(.LagFormat, MSPDI.DurationFormat(kind: .percent, isElapsed: elapsed).code)
        }
        l.finish()
        out.end()
    }

    /// A value inside MS Project's range; one outside is clamped and counted.
    func clamped(_ value: Int?, _ range: ClosedRange<Int>) -> Int? {
        guard let value, !range.contains(value) else { return value }
        loss.record("values", count: 1, "outside MS Project's range clamped (priority 0–1000, percentages 0–100, minutes per day 1–1440, …)")
        return min(max(value, range.lowerBound), range.upperBound)
    }

    func durationFormatCode(_ duration: WorkDuration) -> Int {
        MSPDI.DurationFormat(unit: duration.unit, isElapsed: duration.isElapsed, isEstimated: duration.isEstimated).code
    }

    /// The UID for a calendar reference. One to a calendar the plan does not hold keeps its number
    /// when that is a free UID (MS Project itself writes such references) and is reported either way.
    func calendarUID(_ calendar: CalendarID, user: String, entity: EntityRef) -> Int? {
        if let uid = ids.calendars[calendar] { return uid }
        if let kept = ids.calendars.dangling(calendar) {
            diagnostics.append(Diagnostic(.mspdiDanglingReference, "\(user) uses calendar '\(calendar)', which the plan does not hold; the reference is written as it was", entity: entity))
            return kept
        }
        dangling("\(user) uses calendar '\(calendar)', which the plan does not hold; written without it", entity)
        return nil
    }

    func dangling(_ message: String, _ entity: EntityRef) {
        diagnostics.append(Diagnostic(.mspdiDanglingReference, message, entity: entity))
        loss.record("references", count: 1, "to entities the plan does not hold left out")
    }

    // MARK: Pinning dates

    enum DatePin { case startNoEarlierThan, manual }

    /// How a task from a source without a schedule keeps its dates in MS Project (brief §2.6): an
    /// auto-scheduled task with a start but no constraint would move to the project start on
    /// import. With a duration (or no finish) a Start No Earlier Than constraint keeps the start
    /// and lets MS Project compute the rest; with only start and finish the task is written as
    /// manually scheduled, which keeps both.
    func datePin(for task: PlanTask, isSummary: Bool) -> DatePin? {
        guard pinsDates, !task.isManuallyScheduled, !isSummary, task.start != nil else { return nil }
        if let constraint = task.constraint, constraint.type != .asSoonAsPossible { return nil }
        if task.duration == nil && task.finish != nil {
            diagnostics.append(Diagnostic(.mspdiDatesPinned, "task '\(task.name)' has dates but no schedule; written as manually scheduled so MS Project keeps them", entity: .task(task.id)))
            loss.record("task dates", count: 1, "pinned by writing the task as manually scheduled")
            return .manual
        }
        diagnostics.append(Diagnostic(.mspdiDatesPinned, "task '\(task.name)' has a start but no schedule; written with a Start No Earlier Than constraint so MS Project keeps it", entity: .task(task.id)))
        loss.record("task dates", count: 1, "pinned with a Start No Earlier Than constraint")
        return .startNoEarlierThan
    }

    // MARK: Baselines

    /// `Baseline` elements 0–10 of a task, resource or assignment, each with the children the
    /// reader kept for it (`mspdi:Baseline[<Number>]/<Name>`).
    func writeBaselines(_ baselines: [Baseline], extensions: Extensions, withDuration: Bool) {
        let extras = ExtensionSplit.nested(extensions, sub: "Baseline")
        for baseline in baselines.sorted(by: { $0.number < $1.number }) {
            out.start("Baseline")
            var b = ChildEmitter<BaselineElement>(out, extensions: extras[String(baseline.number)] ?? [])
            b.int(.Number, baseline.number)
            b.dateTime(.Start, baseline.start)
            b.dateTime(.Finish, baseline.finish)
            if withDuration, let duration = baseline.duration {
                b.duration(.Duration, minutes: duration.minutes)
                b.int(.DurationFormat, durationFormatCode(duration))
            }
            b.duration(.Work, minutes: baseline.work?.minutes)
            b.cents(.Cost, baseline.cost)
            b.finish()
            out.end()
        }
    }
}
