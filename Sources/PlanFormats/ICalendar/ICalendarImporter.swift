import PlanModel

/// Turns the VCALENDARs of one input into one plan: every VEVENT and VTODO becomes a task, and
/// every zoned time becomes a civil time of one zone, the plan's.
///
/// The plan's zone is the read option's, else the first calendar's X-WR-TIMEZONE, else the zone
/// of the first zoned time in the file, else UTC when the file has UTC times; it is recorded in
/// `project.timeZone`. UTC and zoned times are converted to it; DATE values and floating times
/// are taken as the civil times they are. A TZID nothing explains is a warning naming it, and
/// its times are kept as written, never silently read as UTC.
struct ICalendarImporter {
    let sourceName: String
    private(set) var diagnostics: [Diagnostic] = []
    private var resolver: TimeZoneResolver
    private var target: ZoneRules?
    private var targetName: String?
    private var reportedZones: Set<String> = []
    private var reportedFloating = false

    private var plan = Plan()
    private var indexByID: [TaskID: Int] = [:]
    /// Identity given to each UID (without RECURRENCE-ID), for RELATED-TO.
    private var idByUID: [String: TaskID] = [:]
    private var parentReference: [Int: (reference: String, byUID: Bool, line: Int)] = [:]
    private var pendingLinks: [(Dependency, byUID: Bool, line: Int)] = []
    private var missingUIDs = 0
    private var firstMissingUIDLine = 0

    init(sourceName: String, calendars: [Component]) {
        self.sourceName = sourceName
        resolver = TimeZoneResolver(vtimezones: calendars.flatMap { $0.children.filter { $0.name == "VTIMEZONE" } })
    }

    private func location(_ line: Int) -> SourceLocation { SourceLocation(file: sourceName, line: line) }

    private mutating func note(_ code: DiagnosticCode, _ message: String, line: Int, task: TaskID? = nil) {
        diagnostics.append(Diagnostic(code, message, at: location(line), entity: task.map { .task($0) }))
    }

    mutating func makePlan(_ calendars: [Component], options: ICalendarReadOptions) -> Plan {
        if calendars.count > 1 {
            note(.icsSeveralCalendars, "the input holds \(calendars.count) VCALENDARs; their items are merged into one plan", line: calendars[1].line)
        }
        let items = calendars.flatMap { $0.children.filter { $0.name == "VEVENT" || $0.name == "VTODO" } }.map(ICalendarItem.init)
        chooseZone(calendars, items, requested: options.timeZone)
        readProject(calendars)
        let masters = Set(items.filter { $0.recurrenceID == nil }.compactMap { $0.uid.map { uidText($0) } })
        for item in items { add(item, masters: masters) }
        if missingUIDs > 0 {
            note(.icsMissingUID, "\(missingUIDs) item(s) without UID; identities derived from their start and summary", line: firstMissingUIDLine)
        }
        resolveParents()
        resolveLinks()
        orderOutline()
        return plan
    }

    // MARK: - Zones

    private mutating func chooseZone(_ calendars: [Component], _ items: [ICalendarItem], requested: String?) {
        if let requested {
            if let zone = ZoneRules.iana(requested) {
                (target, targetName) = (zone, requested)
            } else {
                note(.icsUnknownTimeZone, "the requested time zone '\(requested)' is not known; using the file's", line: 1)
            }
        }
        if target == nil {
            for calendar in calendars {
                guard let property = calendar.property("X-WR-TIMEZONE") else { continue }
                let name = ICalendarText.unescape(property.value).trimmingWhitespace()
                if let zone = resolver.resolve(name) {
                    (target, targetName) = (zone.rules, zone.ianaName ?? TimeZoneResolver.normalize(name))
                    break
                }
                note(.icsUnknownTimeZone, "X-WR-TIMEZONE '\(name)' names no known time zone; ignored", line: property.line)
            }
        }
        guard target == nil else { return }
        var sawUTC = false
        for item in items {
            for property in [item.start, item.end, item.due].compactMap({ $0 }) {
                if let tzid = property.parameter("TZID"), property.parameter("VALUE")?.uppercased() != "DATE",
                    let zone = resolver.resolve(tzid)
                {
                    (target, targetName) = (zone.rules, zone.ianaName ?? TimeZoneResolver.normalize(tzid))
                    return
                }
                if property.value.hasSuffix("Z") || property.value.hasSuffix("z") { sawUTC = true }
            }
        }
        if sawUTC { (target, targetName) = (.utc, "UTC") }
    }

    /// A DATE or DATE-TIME as a civil time of the plan's zone.
    private mutating func civil(_ time: ICalendarTime, line: Int) -> CivilDateTime {
        switch time.form {
        case .date:
            return time.civil
        case .floating:
            if !reportedFloating {
                reportedFloating = true
                let zone = targetName.map { "the plan's zone (\($0))" } ?? "civil times without a zone"
                note(.icsFloatingTime, "floating date-times (no TZID, no Z) read as \(zone)", line: line)
            }
            return time.civil
        case .utc:
            return target?.local(fromUTC: time.civil) ?? time.civil
        case .zoned(let tzid):
            guard let zone = resolver.resolve(tzid) else {
                if reportedZones.insert("?" + tzid).inserted {
                    note(.icsUnknownTimeZone, "time zone '\(TimeZoneResolver.normalize(tzid))' is not defined in the file nor a known IANA, Windows or Outlook name; its times are kept as written", line: line)
                }
                return time.civil
            }
            if let via = zone.via, reportedZones.insert(tzid).inserted {
                let meaning = zone.ianaName.map { "as \($0)" } ?? "as a fixed offset"
                note(.icsTimeZoneMapped, "time zone '\(TimeZoneResolver.normalize(tzid))' read \(meaning) (\(via))", line: line)
            }
            let instant = zone.rules.utc(fromLocal: time.civil)
            guard let target else { return time.civil }
            return target.local(fromUTC: instant)
        }
    }

    private mutating func time(_ property: ContentLine?, task: TaskID? = nil) -> ICalendarTime? {
        guard let property else { return nil }
        guard let value = ICalendarValues.time(of: property) else {
            note(.icsBadDate, "\(property.name) '\(property.value.prefix(40))' is not a valid date or date-time; ignored", line: property.line, task: task)
            return nil
        }
        return value
    }

    // MARK: - Project

    private mutating func readProject(_ calendars: [Component]) {
        for calendar in calendars {
            if plan.project.name == nil, let name = calendar.property("NAME") ?? calendar.property("X-WR-CALNAME") {
                let text = ICalendarText.unescape(name.value)
                if !text.isEmpty { plan.project.name = text }
            }
        }
        plan.project.timeZone = targetName
    }

    // MARK: - Items

    private func uidText(_ property: ContentLine) -> String {
        ICalendarText.unescape(property.value).trimmingWhitespace()
    }

    private mutating func add(_ item: ICalendarItem, masters: Set<String>) {
        let ownID = item.planBridge("TASK-ID").map { TaskID(ICalendarText.unescape($0.value)) }
        let uid = item.uid.map(uidText).flatMap { $0.isEmpty ? nil : $0 }
        var id: TaskID
        if let ownID {
            id = ownID
        } else if let uid {
            id = TaskID(uid)
            if let recurrence = item.recurrenceID {
                id = TaskID(uid + "#" + recurrence.value.trimmingWhitespace())
                if !masters.contains(uid) {
                    note(.icsOrphanOverride, "occurrence override of '\(uid)' whose recurring item is not in the file; imported on its own", line: recurrence.line, task: id)
                }
            }
        } else {
            if missingUIDs == 0 { firstMissingUIDLine = item.line }
            missingUIDs += 1
            id = TaskID("ics-" + Self.hash((item.start?.value ?? "") + "|" + (item.summary?.value ?? "")))
        }

        var task = PlanTask(id: id, name: item.summary.map { ICalendarText.unescape($0.value) } ?? "")
        fillDates(&task, item)
        fillDetails(&task, item)

        if let existing = indexByID[id] {
            if ownID != nil {
                // Our own VEVENT and VTODO of one task (--ics-tasks with --ics-todos): one task.
                merge(task, into: existing)
                return
            }
            var n = 2
            while indexByID[TaskID("\(id.rawValue)#\(n)")] != nil { n += 1 }
            let renamed = TaskID("\(id.rawValue)#\(n)")
            note(.icsDuplicateUID, "UID '\(id.rawValue)' appears again; this item is read as '\(renamed.rawValue)'", line: item.uid?.line ?? item.line, task: renamed)
            id = renamed
            task.id = renamed
        }
        if let uid, item.recurrenceID == nil, idByUID[uid] == nil { idByUID[uid] = id }
        if item.isRecurring {
            note(.icsRecurrenceImportedOnce, "recurring item imported once, at its first occurrence", line: item.line, task: id)
        }
        if item.planBridge("KIND") != nil { explicitKinds.insert(id) }
        if item.planBridge("OUTLINE-LEVEL") != nil { explicitLevels.insert(id) }
        let index = plan.tasks.count
        indexByID[id] = index
        plan.tasks.append(task)
        collectReferences(item, index: index, id: id)
    }

    private mutating func fillDates(_ task: inout PlanTask, _ item: ICalendarItem) {
        let start = time(item.start, task: task.id)
        var end = time(item.isTodo ? item.due : item.end, task: task.id)
        if end == nil, let start, let property = item.duration {
            if let span = ICalendarValues.duration(property.value) {
                let days = start.isDate ? span.nominalDays + span.seconds / 86_400 : span.nominalDays
                let seconds = start.isDate ? 0 : span.seconds
                end = ICalendarTime(civil: start.civil.adding(seconds: days * 86_400 + seconds), form: start.form)
            } else {
                note(.icsBadDuration, "DURATION '\(property.value.prefix(40))' cannot be read; ignored", line: property.line, task: task.id)
            }
        }
        var kind: TaskKind = .task
        switch (start, end) {
        case (let start?, let endTime):
            let from = civil(start, line: item.start?.line ?? item.line)
            var to: CivilDateTime
            if let endTime {
                to = civil(endTime, line: (item.isTodo ? item.due : item.end)?.line ?? item.line)
            } else {
                // RFC 5545 §3.6.1: a DATE start alone lasts one day, a DATE-TIME start alone none.
                to = start.isDate && !item.isTodo ? from.adding(seconds: 86_400) : from
            }
            if to < from || (to == from && start.isDate && endTime != nil && !item.isTodo) {
                note(.icsEndBeforeStart, "the item ends before it starts; read as \(start.isDate ? "one day" : "zero length")", line: item.end?.line ?? item.line, task: task.id)
                to = start.isDate ? from.adding(seconds: 86_400) : from
            }
            if start.isDate && !item.isTodo && to.secondsSinceEpoch - from.secondsSinceEpoch == 86_400 {
                kind = .milestone
                to = from
            } else if to == from {
                kind = .milestone
            }
            task.start = from
            task.finish = to
        case (nil, let due?) where item.isTodo:
            let at = civil(due, line: item.due?.line ?? item.line)
            task.start = at
            task.finish = at
            kind = .milestone
        case (nil, _):
            if !item.isTodo {
                note(.icsMissingStart, "VEVENT without DTSTART; imported without dates", line: item.line, task: task.id)
            }
        }
        if item.categories.contains(where: { ICalendarText.splitList($0.value).contains { $0.lowercased() == "milestone" } }) {
            kind = .milestone
        }
        task.kind = kind
        // Exact civil times written by PlanBridge (an all-day event loses the time of day).
        if let exact = item.planBridge("START").flatMap(ICalendarValues.time(of:)) { task.start = exact.civil }
        if let exact = item.planBridge("FINISH").flatMap(ICalendarValues.time(of:)) { task.finish = exact.civil }
        if let kind = item.planBridge("KIND").flatMap({ TaskKind(rawValue: $0.value.lowercased()) }) { task.kind = kind }
    }

    private mutating func fillDetails(_ task: inout PlanTask, _ item: ICalendarItem) {
        if let description = item.description {
            let text = ICalendarText.unescape(description.value)
            if !text.isEmpty { task.notes = text }
        }
        if let property = item.percentComplete {
            if let value = Int(property.value.trimmingWhitespace()), (0...100).contains(value) {
                task.percentComplete = value
            } else {
                note(.icsBadValue, "PERCENT-COMPLETE '\(property.value.prefix(20))' is not 0–100; ignored", line: property.line, task: task.id)
            }
        }
        // In PlanBridge's own files the X-PLANBRIDGE-* values are exact; STATUS and PRIORITY
        // there are only what calendar apps get to see.
        let ours = item.planBridge("TASK-ID") != nil
        if let property = item.priority, !ours {
            if let value = Int(property.value.trimmingWhitespace()), (0...9).contains(value) {
                // RFC 5545: 1 highest … 9 lowest, 0 undefined; the model: 0–1000, 500 medium.
                if value > 0 { task.priority = (9 - value) * 1000 / 8 }
            } else {
                note(.icsBadValue, "PRIORITY '\(property.value.prefix(20))' is not 0–9; ignored", line: property.line, task: task.id)
            }
        }
        if item.isTodo, !ours, let status = item.status { task.status = status.value.trimmingWhitespace() }
        if item.isTodo, let completed = time(item.completed, task: task.id) {
            task.actualFinish = civil(completed, line: item.completed?.line ?? item.line)
        }
        var categories: [String] = []
        for property in item.categories {
            for category in ICalendarText.splitList(property.value) where !ICalendarWriter.ownCategories.contains(category) {
                categories.append(category)
            }
        }
        if !categories.isEmpty {
            var text = [UInt8]()
            for (i, category) in categories.enumerated() {
                if i > 0 { text.append(UInt8(ascii: ",")) }
                ICalendarText.appendEscaped(category, to: &text)
            }
            task.extensions["ics:CATEGORIES"] = String(decoding: text, as: UTF8.self)
        }
        for property in item.kept where task.extensions["ics:" + property.name] == nil {
            task.extensions["ics:" + property.name] = property.value
        }
        readPlanBridgeFields(&task, item)
    }

    private mutating func readPlanBridgeFields(_ task: inout PlanTask, _ item: ICalendarItem) {
        for (name, property) in item.planBridge {
            let text = ICalendarText.unescape(property.value)
            switch name {
            case "WBS": task.wbs = text
            case "OUTLINE-NUMBER": task.outlineNumber = text
            case "OUTLINE-LEVEL": task.outlineLevel = Int(text) ?? task.outlineLevel
            case "DISPLAY-ID": task.displayID = Int(text)
            case "PRIORITY": task.priority = Int(text) ?? task.priority
            case "PERCENT-COMPLETE": task.percentComplete = Int(text) ?? task.percentComplete
            case "STATUS": task.status = text
            case "NOTES": task.notes = text
            case "MANUAL": task.isManuallyScheduled = text.uppercased() == "TRUE"
            case "INACTIVE": task.isActive = text.uppercased() != "TRUE"
            case "DURATION":
                if let duration = Self.workDuration(property) { task.duration = duration }
                else { note(.icsBadValue, "X-PLANBRIDGE-DURATION '\(text.prefix(20))' is not a number of minutes", line: property.line, task: task.id) }
            default: break
            }
        }
    }

    static func workDuration(_ property: ContentLine, prefix: String = "") -> WorkDuration? {
        guard let minutes = Int(property.value.trimmingWhitespace()) else { return nil }
        let unit = property.parameter(prefix + "UNIT").flatMap { DurationUnit(rawValue: $0.lowercased()) } ?? .minutes
        return WorkDuration(
            minutes: minutes, unit: unit, isElapsed: property.parameter(prefix + "ELAPSED")?.uppercased() == "TRUE",
            isEstimated: property.parameter(prefix + "ESTIMATED")?.uppercased() == "TRUE")
    }

    private mutating func merge(_ other: PlanTask, into index: Int) {
        var task = plan.tasks[index]
        task.percentComplete = task.percentComplete ?? other.percentComplete
        task.status = task.status ?? other.status
        task.actualFinish = task.actualFinish ?? other.actualFinish
        task.priority = task.priority ?? other.priority
        task.notes = task.notes ?? other.notes
        task.start = task.start ?? other.start
        task.finish = task.finish ?? other.finish
        plan.tasks[index] = task
    }

    // MARK: - References

    private mutating func collectReferences(_ item: ICalendarItem, index: Int, id: TaskID) {
        if let parent = item.planBridge("PARENT") {
            parentReference[index] = (ICalendarText.unescape(parent.value), false, parent.line)
        } else if let related = item.relatedTo.first(where: { ($0.parameter("RELTYPE")?.uppercased() ?? "PARENT") == "PARENT" }) {
            parentReference[index] = (uidText(related), true, related.line)
        }
        for (name, property) in item.planBridge where name == "PREDECESSOR" {
            let type = property.parameter("TYPE").flatMap { DependencyType(rawValue: $0.uppercased()) } ?? .finishToStart
            var lag = Lag.zero
            if let percent = property.parameter("LAG-PERCENT").flatMap({ Int($0) }) {
                lag = .percent(percent, elapsed: property.parameter("LAG-ELAPSED")?.uppercased() == "TRUE")
            } else if let minutes = property.parameter("LAG").flatMap({ Int($0) }) {
                let unit = property.parameter("LAG-UNIT").flatMap { DurationUnit(rawValue: $0.lowercased()) } ?? .minutes
                lag = .time(WorkDuration(
                    minutes: minutes, unit: unit, isElapsed: property.parameter("LAG-ELAPSED")?.uppercased() == "TRUE",
                    isEstimated: property.parameter("LAG-ESTIMATED")?.uppercased() == "TRUE"))
            }
            let predecessor = TaskID(ICalendarText.unescape(property.value))
            pendingLinks.append((Dependency(predecessor: predecessor, successor: id, type: type, lag: lag), false, property.line))
        }
        // RFC 9253 links: `RELATED-TO;RELTYPE=FINISHTOSTART;GAP=P1D:<uid of the predecessor>`.
        let kinds: [String: DependencyType] = [
            "FINISHTOSTART": .finishToStart, "STARTTOSTART": .startToStart, "FINISHTOFINISH": .finishToFinish,
            "STARTTOFINISH": .startToFinish,
        ]
        for property in item.relatedTo {
            guard let type = property.parameter("RELTYPE").flatMap({ kinds[$0.uppercased()] }) else { continue }
            var lag = Lag.zero
            if let gap = property.parameter("GAP").flatMap(ICalendarValues.duration) {
                lag = .time(WorkDuration(minutes: (gap.nominalDays * 86_400 + gap.seconds) / 60, unit: .days, isElapsed: true))
            }
            pendingLinks.append((Dependency(predecessor: TaskID(uidText(property)), successor: id, type: type, lag: lag), true, property.line))
        }
    }

    private mutating func resolveParents() {
        for (index, reference) in parentReference.sorted(by: { $0.key < $1.key }) {
            let parent = reference.byUID ? idByUID[reference.reference] : TaskID(reference.reference)
            guard let parent, indexByID[parent] != nil, parent != plan.tasks[index].id else {
                note(.icsDanglingReference, "parent '\(reference.reference)' is not in the file; the task is read as top-level", line: reference.line, task: plan.tasks[index].id)
                continue
            }
            plan.tasks[index].parent = parent
        }
    }

    private mutating func resolveLinks() {
        var seen = Set<Dependency>()
        for (dependency, byUID, line) in pendingLinks {
            var link = dependency
            if byUID { link.predecessor = idByUID[dependency.predecessor.rawValue] ?? dependency.predecessor }
            guard indexByID[link.predecessor] != nil else {
                note(.icsDanglingReference, "predecessor '\(dependency.predecessor.rawValue)' is not in the file; link dropped", line: line, task: link.successor)
                continue
            }
            if seen.insert(link).inserted { plan.dependencies.append(link) }
        }
    }

    /// Parents before children, depth first, siblings in file order; outline levels from the
    /// tree unless the file gave them; tasks with children are summaries unless the file said.
    private mutating func orderOutline() {
        var children: [TaskID: [Int]] = [:]
        var roots: [Int] = []
        for (index, task) in plan.tasks.enumerated() {
            if let parent = task.parent { children[parent, default: []].append(index) } else { roots.append(index) }
        }
        guard !children.isEmpty else { return }
        var order: [Int] = []
        order.reserveCapacity(plan.tasks.count)
        var visited = [Bool](repeating: false, count: plan.tasks.count)
        var levels = [Int](repeating: 1, count: plan.tasks.count)
        var stack: [(Int, Int)] = roots.reversed().map { ($0, 1) }
        func walk(_ stack: inout [(Int, Int)]) {
            while let (index, level) = stack.popLast() {
                guard !visited[index] else { continue }
                visited[index] = true
                levels[index] = level
                order.append(index)
                for child in (children[plan.tasks[index].id] ?? []).reversed() { stack.append((child, level + 1)) }
            }
        }
        walk(&stack)
        // Tasks in a parent cycle are never reached from a root: cut them loose.
        for index in plan.tasks.indices where !visited[index] {
            note(.icsDanglingReference, "parent links form a cycle; the task is read as top-level", line: 1, task: plan.tasks[index].id)
            plan.tasks[index].parent = nil
            stack = [(index, 1)]
            walk(&stack)
        }
        var reordered: [PlanTask] = []
        reordered.reserveCapacity(order.count)
        for index in order {
            var task = plan.tasks[index]
            if !explicitLevels.contains(task.id) { task.outlineLevel = levels[index] }
            if children[task.id] != nil, !explicitKinds.contains(task.id) { task.kind = .summary }
            reordered.append(task)
        }
        plan.tasks = reordered
        indexByID = Dictionary(uniqueKeysWithValues: plan.tasks.enumerated().map { ($1.id, $0) })
    }

    private var explicitKinds: Set<TaskID> = []
    private var explicitLevels: Set<TaskID> = []

    /// FNV-1a, 64 bits, as hex: a stable identity for items without UID.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
