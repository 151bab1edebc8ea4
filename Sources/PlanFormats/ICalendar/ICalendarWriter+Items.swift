import PlanModel

extension ICalendarWriteSession {
    mutating func writeEvent(_ task: PlanTask, _ links: [Dependency]) {
        out.begin("VEVENT")
        out.text("UID", uid(task.id, "event"))
        out.raw("DTSTAMP", stamp)
        out.text("SUMMARY", task.name)
        let (start, finish) = span(task)
        switch settings.timing {
        case .allDay:
            let first = start.date
            var end = finish.date
            // A finish at midnight is already the exclusive end; any later time ends that day.
            if task.kind == .milestone || finish.secondOfDay != 0 || finish == start { end = end.adding(days: 1) }
            if end <= first { end = first.adding(days: 1) }
            out.date("DTSTART", first)
            out.date("DTEND", end)
        case .utc, .local:
            // RFC 5545 wants DTEND strictly later: a zero-length milestone lasts one minute here,
            // and X-PLANBRIDGE-FINISH keeps its real finish.
            let end = finish > start ? finish : start.adding(minutes: 1)
            timed("DTSTART", start)
            timed("DTEND", end)
        }
        out.raw("TRANSP", "TRANSPARENT")
        writeCommon(task, links, isTodo: false)
        out.end("VEVENT")
    }

    mutating func writeTodo(_ task: PlanTask, _ links: [Dependency]) {
        out.begin("VTODO")
        out.text("UID", uid(task.id, "todo"))
        out.raw("DTSTAMP", stamp)
        out.text("SUMMARY", task.name)
        let (start, finish) = span(task)
        // DTSTART only when strictly before DUE (RFC 5545 §3.8.2.3): a milestone has DUE alone.
        if start < finish { todoTime("DTSTART", start) }
        todoTime("DUE", finish)
        let percent = task.percentComplete ?? 0
        if let complete = task.percentComplete { out.raw("PERCENT-COMPLETE", String(min(max(complete, 0), 100))) }
        out.raw("STATUS", percent >= 100 ? "COMPLETED" : percent > 0 ? "IN-PROCESS" : "NEEDS-ACTION")
        if let priority = task.priority {
            // 0–1000 (1000 most important) to 1 (highest) … 9 (lowest).
            let mapped = 9 - Int((Double(min(max(priority, 0), 1000)) * 8 / 1000).rounded())
            out.raw("PRIORITY", String(min(max(mapped, 1), 9)))
        }
        if percent >= 100, let done = task.actualFinish {
            out.dateTime("COMPLETED", utc(done), utc: true)
        }
        if let parent = task.parent, let parentUID = uidFor(parent) { out.text("RELATED-TO", parentUID) }
        writeCommon(task, links, isTodo: true)
        out.end("VTODO")
    }

    private func uidFor(_ id: TaskID) -> String? {
        plan.tasks.contains { $0.id == id } ? uid(id, "todo") : nil
    }

    /// Start and finish, either standing in for a missing other, never finishing before starting.
    private func span(_ task: PlanTask) -> (CivilDateTime, CivilDateTime) {
        let start = task.start ?? task.finish!
        let finish = max(task.finish ?? start, start)
        return (start, finish)
    }

    /// A timed VEVENT value: UTC, or local with the plan's TZID (UTC when the plan has no zone).
    private mutating func timed(_ name: String, _ time: CivilDateTime) {
        if settings.timing == .local, let zoneName, zone != nil, zoneName != "UTC" {
            out.dateTime(name, time, utc: false, tzid: zoneName)
        } else {
            out.dateTime(name, utc(time), utc: true)
        }
    }

    /// VTODO times are always date-times (a DATE DUE is exclusive in the RFC but read as "due on"
    /// by task apps): UTC when the plan's zone is known, floating (the plan's own wall-clock time)
    /// when it is not, or local with TZID when asked.
    private mutating func todoTime(_ name: String, _ time: CivilDateTime) {
        switch settings.timing {
        case .allDay:
            if let zone { out.dateTime(name, zone.utc(fromLocal: time), utc: true) } else { out.dateTime(name, time, utc: false) }
        case .utc, .local:
            timed(name, time)
        }
    }

    private mutating func writeCommon(_ task: PlanTask, _ links: [Dependency], isTodo: Bool) {
        let category = task.kind == .milestone ? "Milestone" : task.kind == .summary ? "Summary" : "Task"
        out.list("CATEGORIES", [category], rawTail: task.extensions["ics:CATEGORIES"].map(Self.cleanRaw))
        if let notes = task.notes, !notes.isEmpty { out.text("DESCRIPTION", notes) }
        writeKeptProperties(task)
        writePlanBridge(task, links, isTodo: isTodo)
    }

    /// Properties a previous read kept as `ics:NAME` (LOCATION, URL, SEQUENCE, foreign X- ones),
    /// written back as they were.
    private mutating func writeKeptProperties(_ task: PlanTask) {
        for key in task.extensions.keys(inNamespace: "ics") where key != "ics:CATEGORIES" {
            let name = String(key.dropFirst(4))
            guard name == "LOCATION" || name == "URL" || name == "SEQUENCE" || (name.hasPrefix("X-") && !name.hasPrefix("X-PLANBRIDGE-")),
                name.utf8.allSatisfy(ContentLineLexer.isNameByte)
            else { continue }
            out.raw(name, Self.cleanRaw(task.extensions[key]!))
        }
    }

    /// A kept raw value holds no line breaks or other control characters that would break the line.
    private static func cleanRaw(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) else { return value }
        return String(value.unicodeScalars.map { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F ? " " : Character($0) })
    }

    private mutating func writePlanBridge(_ task: PlanTask, _ links: [Dependency], isTodo: Bool) {
        out.text("X-PLANBRIDGE-TASK-ID", task.id.rawValue)
        out.raw("X-PLANBRIDGE-KIND", task.kind.rawValue)
        if let start = task.start { out.dateTime("X-PLANBRIDGE-START", start, utc: false) }
        if let finish = task.finish { out.dateTime("X-PLANBRIDGE-FINISH", finish, utc: false) }
        if let wbs = task.wbs { out.text("X-PLANBRIDGE-WBS", wbs) }
        if let number = task.outlineNumber { out.text("X-PLANBRIDGE-OUTLINE-NUMBER", number) }
        out.raw("X-PLANBRIDGE-OUTLINE-LEVEL", String(task.outlineLevel))
        if let displayID = task.displayID { out.raw("X-PLANBRIDGE-DISPLAY-ID", String(displayID)) }
        if let parent = task.parent { out.text("X-PLANBRIDGE-PARENT", parent.rawValue) }
        if let duration = task.duration {
            out.raw("X-PLANBRIDGE-DURATION", String(duration.minutes), parameters: Self.durationParameters(duration, prefix: ""))
        }
        if let priority = task.priority { out.raw("X-PLANBRIDGE-PRIORITY", String(priority)) }
        if !isTodo, let percent = task.percentComplete { out.raw("X-PLANBRIDGE-PERCENT-COMPLETE", String(percent)) }
        if let status = task.status { out.text("X-PLANBRIDGE-STATUS", status) }
        if task.isManuallyScheduled { out.raw("X-PLANBRIDGE-MANUAL", "TRUE") }
        if !task.isActive { out.raw("X-PLANBRIDGE-INACTIVE", "TRUE") }
        for link in links {
            var parameters = ";TYPE=" + link.type.rawValue
            switch link.lag {
            case .time(let lag) where lag.minutes != 0 || lag.unit != .minutes || lag.isElapsed || lag.isEstimated:
                parameters += ";LAG=\(lag.minutes)" + Self.durationParameters(lag, prefix: "LAG-")
            case .percent(let percent, let elapsed):
                parameters += ";LAG-PERCENT=\(percent)" + (elapsed ? ";LAG-ELAPSED=TRUE" : "")
            case .time:
                break
            }
            out.text("X-PLANBRIDGE-PREDECESSOR", link.predecessor.rawValue, parameters: parameters)
        }
    }

    private static func durationParameters(_ duration: WorkDuration, prefix: String) -> String {
        var text = ";\(prefix)UNIT=\(duration.unit.rawValue)"
        if duration.isElapsed { text += ";\(prefix)ELAPSED=TRUE" }
        if duration.isEstimated { text += ";\(prefix)ESTIMATED=TRUE" }
        return text
    }
}
