import PlanModel

extension MSPDIWriter.Context {
    /// The `Project` element's children: properties, preserved blocks, then the collections.
    func writeProject() {
        let project = plan.project
        var preserved = ExtensionSplit.plain(project.extensions)
        preserved += ExtensionSplit.plain(plan.extensions).filter {
            $0.name != MSPDI.projectSummaryTaskKey.dropFirst(MSPDI.extensionPrefix.count)
                && $0.name != MSPDI.nullTasksKey.dropFirst(MSPDI.extensionPrefix.count)
        }
        var e = ChildEmitter<ProjectElement>(out, extensions: preserved)

        if project.extensions[MSPDI.extensionKey("SaveVersion")] == nil {
            e.int(.SaveVersion, 14)  // MS Project 2010–2019
        }
        e.text(.Name, project.name)
        e.text(.Title, project.title)
        e.text(.Subject, project.subject)
        e.text(.Company, project.company)
        e.text(.Manager, project.manager)
        e.text(.Author, project.author)
        e.dateTime(.CreationDate, project.creationDate)
        e.dateTime(.LastSaved, project.lastSaved ?? options.timestamp)
        e.bool(.ScheduleFromStart, project.scheduleFrom == .start)
        e.dateTime(.StartDate, project.start ?? (project.scheduleFrom == .start ? earliestTaskStart : nil))
        e.dateTime(.FinishDate, project.finish ?? (project.scheduleFrom == .finish ? latestTaskFinish : nil))
        e.int(.CurrencyDigits, project.currencyDigits)
        e.text(.CurrencySymbol, project.currencySymbol)
        e.text(.CurrencyCode, project.currencyCode)
        e.int(.CalendarUID, projectCalendarUID)
        e.time(.DefaultStartTime, project.defaultStartTime)
        e.time(.DefaultFinishTime, project.defaultFinishTime)
        e.int(.MinutesPerDay, clamped(project.conventions.minutesPerDay, 1...1440))
        e.int(.MinutesPerWeek, clamped(project.conventions.minutesPerWeek, 1...10_080))
        e.int(.DaysPerMonth, clamped(project.conventions.daysPerMonth, 1...31))
        e.dateTime(.StatusDate, project.statusDate)
        e.dateTime(.CurrentDate, project.currentDate)

        if !customFields.definitions.isEmpty {
            e.start(.ExtendedAttributes)
            writeCustomFieldDefinitions()
            out.end()
        }
        e.start(.Calendars)
        writeCalendars()
        writeCollectionExtras("Calendars")
        out.end()
        e.start(.Tasks)
        writeTasks()
        writeCollectionExtras("Tasks")
        out.end()
        if !plan.resources.isEmpty || hasCollectionExtras("Resources") {
            e.start(.Resources)
            writeResources()
            writeCollectionExtras("Resources")
            out.end()
        }
        if !plan.assignments.isEmpty || hasCollectionExtras("Assignments") {
            e.start(.Assignments)
            writeAssignments()
            writeCollectionExtras("Assignments")
            out.end()
        }
        e.finish()
    }

    /// Unknown children the reader kept from a collection (`mspdi:Tasks/<Name>`), written last in it.
    private func writeCollectionExtras(_ collection: String) {
        let prefix = MSPDI.extensionPrefix + collection + "/"
        for key in plan.extensions.keys.filter({ $0.hasPrefix(prefix) }).sorted() {
            out.verbatim(plan.extensions[key]!)
        }
    }

    private func hasCollectionExtras(_ collection: String) -> Bool {
        let prefix = MSPDI.extensionPrefix + collection + "/"
        return plan.extensions.keys.contains { $0.hasPrefix(prefix) }
    }

    private var earliestTaskStart: CivilDateTime? { plan.tasks.compactMap(\.start).min() }
    private var latestTaskFinish: CivilDateTime? { plan.tasks.compactMap(\.finish).max() }
}
