import Foundation
import PlanModel

/// Writes a plan as iCalendar for calendar apps: by default one all-day VEVENT per milestone
/// (`DTSTART;VALUE=DATE`, exclusive `DTEND` the next day), because Google, Outlook and Apple
/// Calendar show events only. `ICalendarWriteOptions` adds spanning VEVENTs for the other tasks,
/// VTODOs for task apps, and timed values in UTC or with TZID + VTIMEZONE.
///
/// Output is exact RFC 5545: CRLF, lines folded at 75 octets between characters and never inside
/// an escape, TEXT escaped, VERSION/PRODID, NAME and X-WR-CALNAME. UIDs are derived from the
/// plan's and the task's identities, so exporting the same plan again updates events instead of
/// duplicating them. What iCalendar has no property for but a plan needs to come back (exact
/// start and finish, WBS, outline, duration, predecessors, parent) travels in `X-PLANBRIDGE-*`
/// properties, which other programs ignore; the loss report counts the rest.
public struct ICalendarWriter: PlanWriter {
    public static let productID = "-//PlanBridge//PlanBridge iCalendar writer//EN"
    /// Categories the writer sets itself, so the reader does not keep them as foreign ones.
    static let ownCategories: Set<String> = ["Milestone", "Task", "Summary"]

    public init() {}

    public func write(_ plan: Plan, options: WriteOptions) throws(PlanError) -> WriteResult {
        var session = try ICalendarWriteSession(plan: plan, options: options)
        return session.run()
    }
}

/// The state of one write: the zone, the plan's key for UIDs, the output and the loss report.
struct ICalendarWriteSession {
    let plan: Plan
    let settings: ICalendarWriteOptions
    let stamp: String
    let planKey: String
    /// The zone the plan's civil times are in; nil when neither the plan nor the options say.
    let zone: ZoneRules?
    let zoneName: String?
    var out: ICalendarOutput
    var loss = LossReport()
    var diagnostics: [Diagnostic] = []
    var assumedUTC = false
    private var uidOfTask: [TaskID: String] = [:]

    init(plan: Plan, options: WriteOptions) throws(PlanError) {
        self.plan = plan
        settings = options.iCalendar
        let name = settings.timeZone ?? plan.project.timeZone
        if let name {
            guard let rules = ZoneRules.iana(name) else {
                throw PlanError(.writeFailed, Diagnostic(
                    .icsWriterUnknownTimeZone, "time zone '\(name)' is not an IANA zone known to this system"))
            }
            (zone, zoneName) = (rules, name == "Etc/UTC" || name == "GMT" ? "UTC" : name)
        } else {
            (zone, zoneName) = (nil, nil)
        }
        let identity = plan.project.extensions["mspdi:GUID"] ?? plan.project.name ?? plan.project.title ?? "plan"
        planKey = ICalendarImporter.hash(identity.lowercased())
        // DTSTAMP is required; without a pinned clock the plan's own save time keeps output reproducible.
        let moment = options.timestamp
        out = ICalendarOutput(expectedSize: 256 + plan.tasks.count * 600)
        if let moment {
            stamp = ICalendarOutput.formatDateTime(moment, utc: true)
        } else if let saved = plan.project.lastSaved {
            stamp = ICalendarOutput.formatDateTime(zone?.utc(fromLocal: saved) ?? saved, utc: true)
        } else {
            stamp = "19700101T000000Z"
        }
    }

    mutating func run() -> WriteResult {
        out.begin("VCALENDAR")
        out.raw("VERSION", "2.0")
        out.raw("PRODID", ICalendarWriter.productID)
        out.raw("CALSCALE", "GREGORIAN")
        out.raw("METHOD", "PUBLISH")
        if let name = settings.calendarName ?? plan.project.title ?? plan.project.name, !name.isEmpty {
            out.text("NAME", name)
            out.text("X-WR-CALNAME", name)
        }
        if let zoneName { out.text("X-WR-TIMEZONE", zoneName) }
        if settings.timing == .local, let zoneName, case .system(let timeZone)? = zone {
            writeTimeZone(zoneName, timeZone)
        }
        for task in plan.tasks { uidOfTask[task.id] = uid(task.id, "todo") }
        let predecessors = Dictionary(grouping: plan.dependencies, by: \.successor)
        var skippedTasks = 0, undated = 0
        for task in plan.tasks {
            guard task.start != nil || task.finish != nil else {
                undated += 1
                continue
            }
            let links = predecessors[task.id] ?? []
            if task.kind == .milestone || settings.includeTasks {
                writeEvent(task, links)
            } else if !settings.includeTodos {
                skippedTasks += 1
            }
            if settings.includeTodos { writeTodo(task, links) }
        }
        out.end("VCALENDAR")
        recordLoss(skippedTasks: skippedTasks, undated: undated)
        if assumedUTC {
            diagnostics.append(Diagnostic(
                .icsAssumedUTC, "the plan names no time zone; its times were written as UTC (name one with --ics-timezone)"))
        }
        return WriteResult(bytes: out.bytes, loss: loss, diagnostics: diagnostics)
    }

    /// `<task>-<kind>-<plan key>@<domain>`: the same plan and task give the same UID every time.
    func uid(_ id: TaskID, _ kind: String) -> String {
        "\(id.rawValue)-\(kind)-\(planKey)@\(settings.uidDomain)"
    }

    /// The UTC instant of a civil time of the plan; without a zone the time is taken as UTC, and
    /// the write says so once.
    mutating func utc(_ time: CivilDateTime) -> CivilDateTime {
        guard let zone else {
            assumedUTC = true
            return time
        }
        return zone.utc(fromLocal: time)
    }

    private mutating func recordLoss(skippedTasks: Int, undated: Int) {
        loss.record("non-milestone tasks", count: skippedTasks, "not exported; use --ics-tasks (events) or --ics-todos (to-dos)")
        loss.record("tasks without dates", count: undated, "not exported")
        loss.record("calendars", count: plan.calendars.count, "dropped (iCalendar has no working-time calendars)")
        loss.record("resources", count: plan.resources.count, "dropped")
        loss.record("assignments", count: plan.assignments.count, "dropped")
        let baselines = plan.tasks.reduce(0) { $0 + $1.baselines.count }
        loss.record("task baselines", count: baselines, "dropped")
        let customValues = plan.tasks.reduce(plan.project.customFields.count) { $0 + $1.customFields.count }
        loss.record("custom field values", count: customValues, "dropped")
        loss.record("constraints", count: plan.tasks.filter { $0.constraint != nil }.count, "dropped")
        let costs = plan.tasks.filter { $0.cost != nil || $0.fixedCost != nil }.count
        loss.record("task costs", count: costs, "dropped")
        let work = plan.tasks.filter { $0.work != nil || $0.actualWork != nil }.count
        loss.record("task work values", count: work, "dropped")
        let foreign = plan.tasks.reduce(0) { $0 + $1.extensions.keys.filter { !$0.hasPrefix("ics:") }.count }
            + plan.project.extensions.count + plan.extensions.count
        loss.record("extensions", count: foreign, "of other formats dropped")
    }
}
