import PlanModel

// The top-level object and the project.
extension PlanJSONMapper {
    /// Reads the whole document. A document that is not PlanBridge JSON, or is of a newer version,
    /// stops reading at once; missing `format` is found only at the end, when all keys were seen.
    mutating func document() throws(JSONReadFailure) -> Plan {
        let start = nextValueOffset()
        let kind = try cursor.peekValue()
        guard kind == .object else {
            throw JSONReadFailure(
                code: .jsonNotPlanBridge,
                message: "a PlanBridge JSON document is an object with \"format\": \"planbridge\"; this is \(kind.rawValue)",
                offset: start)
        }
        var plan = Plan()
        guard var state = try beginObject(TopLevelKey.self) else { return plan }
        var sawFormat = false
        var pendingVersion: (Int?, Int)?
        while let key = try nextKey(&state) {
            switch key {
            case .format:
                let offset = nextValueOffset()
                let format = try string()
                guard format == "planbridge" else {
                    throw JSONReadFailure(
                        code: .jsonNotPlanBridge,
                        message: "\"format\" is \(format.map { "'\($0)'" } ?? "not a string"), not 'planbridge'",
                        offset: offset)
                }
                sawFormat = true
            case .version:
                // Before "format" is known, a foreign document's "version" must not be judged.
                let offset = nextValueOffset()
                let version = try versionNumber()
                if sawFormat { try check(version: version, at: offset) } else { pendingVersion = (version, offset) }
            case .project:
                currentEntity = .project
                plan.project = try project() ?? Project()
                currentEntity = nil
            case .calendars:
                plan.calendars = try array { m throws(JSONReadFailure) in try m.calendar() }
            case .tasks:
                plan.tasks = try array { m throws(JSONReadFailure) in try m.task() }
            case .resources:
                plan.resources = try array { m throws(JSONReadFailure) in try m.resource() }
            case .assignments:
                plan.assignments = try array { m throws(JSONReadFailure) in try m.assignment() }
            case .dependencies:
                plan.dependencies = try array { m throws(JSONReadFailure) in try m.dependency() }
            case .customFieldDefinitions:
                plan.customFieldDefinitions = try array { m throws(JSONReadFailure) in try m.fieldDefinition() }
            case .extensions:
                plan.extensions = try extensions()
            }
        }
        guard sawFormat else {
            throw JSONReadFailure(
                code: .jsonNotPlanBridge,
                message: "no \"format\": \"planbridge\" key; this JSON is not a PlanBridge document", offset: start)
        }
        if let (version, offset) = pendingVersion { try check(version: version, at: offset) }
        requireKeys(state, [.version])
        cursor.skipWhitespace()
        if !cursor.isAtEnd {
            throw JSONReadFailure(
                code: .jsonSyntax,
                message: "unexpected \(JSONCursor.describe(at: cursor.offset, in: cursor.text)) after the end of the document",
                offset: cursor.offset)
        }
        return plan
    }

    /// The version as a whole number, or nil for anything else (skipped without a diagnostic:
    /// `check(version:at:)` explains it once the document is known to be PlanBridge JSON).
    private mutating func versionNumber() throws(JSONReadFailure) -> Int? {
        guard try cursor.peekValue() == .number else {
            try cursor.skipValue()
            return nil
        }
        let (start, end, isInteger) = try cursor.number()
        guard isInteger else { return nil }
        return Int(String(decoding: UnsafeBufferPointer(rebasing: cursor.text[start..<end]), as: UTF8.self))
    }

    /// Only version 1 exists; anything else is refused before its contents can mislead.
    private func check(version: Int?, at offset: Int) throws(JSONReadFailure) {
        let current = PlanJSONWriter.formatVersion
        guard let version else {
            throw JSONReadFailure(
                kind: .unsupportedVersion, code: .jsonUnsupportedVersion,
                message: "\"version\" must be the whole number \(current)", offset: offset)
        }
        if version > current {
            throw JSONReadFailure(
                kind: .unsupportedVersion, code: .jsonUnsupportedVersion,
                message: "written by a newer PlanBridge (format version \(version)); this one reads version \(current)",
                offset: offset)
        }
        if version < current {
            throw JSONReadFailure(
                kind: .unsupportedVersion, code: .jsonUnsupportedVersion,
                message: "format version \(version) does not exist; this PlanBridge reads version \(current)",
                offset: offset)
        }
    }

    private mutating func project() throws(JSONReadFailure) -> Project? {
        // Every key may be left out: the reader requires only what has no default in the model.
        guard var state = try beginObject(ProjectKey.self) else { return nil }
        var project = Project()
        while let key = try nextKey(&state) {
            switch key {
            case .name: project.name = try string()
            case .title: project.title = try string()
            case .subject: project.subject = try string()
            case .author: project.author = try string()
            case .company: project.company = try string()
            case .manager: project.manager = try string()
            case .start: project.start = try dateTime()
            case .finish: project.finish = try dateTime()
            case .statusDate: project.statusDate = try dateTime()
            case .currentDate: project.currentDate = try dateTime()
            case .creationDate: project.creationDate = try dateTime()
            case .lastSaved: project.lastSaved = try dateTime()
            case .currencyCode: project.currencyCode = try string()
            case .currencySymbol: project.currencySymbol = try string()
            case .currencyDigits: project.currencyDigits = try int()
            case .defaultCalendar: project.defaultCalendar = try string().map(CalendarID.init(rawValue:))
            case .conventions: project.conventions = try conventions() ?? .standard
            case .scheduleFrom:
                project.scheduleFrom =
                    try name("schedule direction", ScheduleFrom.allCases.map(\.rawValue), ScheduleFrom.init(rawValue:))
                    ?? .start
            case .defaultStartTime: project.defaultStartTime = try time()
            case .defaultFinishTime: project.defaultFinishTime = try time()
            case .timeZone: project.timeZone = try string()
            case .customFields: project.customFields = try customFields()
            case .extensions: project.extensions = try extensions()
            }
        }
        return project
    }

    private mutating func conventions() throws(JSONReadFailure) -> TimeConventions? {
        guard var state = try beginObject(ConventionsKey.self) else { return nil }
        var conventions = TimeConventions()
        while let key = try nextKey(&state) {
            switch key {
            case .minutesPerDay: conventions.minutesPerDay = try int() ?? conventions.minutesPerDay
            case .minutesPerWeek: conventions.minutesPerWeek = try int() ?? conventions.minutesPerWeek
            case .daysPerMonth: conventions.daysPerMonth = try int() ?? conventions.daysPerMonth
            }
        }
        return conventions
    }
}
