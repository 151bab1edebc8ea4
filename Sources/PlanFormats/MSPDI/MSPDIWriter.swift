import PlanModel

/// Writes a `Plan` as MS Project XML (MSPDI) the way MS Project 2010+ saves it: UTF-8 with
/// `standalone="yes"`, tab indentation, MS Project's own element order, both calendar exception
/// forms, and every preserved `mspdi:*` extension back in its place (see `MSPDIVocabulary.swift`).
///
/// What MS Project would refuse is fixed and reported instead of written: identities that are not
/// UIDs are renumbered, long calendar names shortened, resource names without `,` `[` `]`. Tasks
/// from a source without a schedule get their dates pinned so MS Project does not move them.
/// What MSPDI cannot hold at all goes into the loss report. The output depends only on the plan.
public struct MSPDIWriter: PlanWriter {
    public init() {}

    public func write(_ plan: Plan, options: WriteOptions) throws(PlanError) -> WriteResult {
        let context = try Context(plan: plan, options: options)
        context.writeDocument()
        return WriteResult(bytes: context.out.finish(), loss: context.loss, diagnostics: context.diagnostics)
    }
}

extension MSPDIWriter {
    /// Everything one write needs: the output, the UID maps, lookups built once, and the findings.
    final class Context {
        let plan: Plan
        let options: WriteOptions
        let out: XMLTextWriter
        let ids: Identities
        var loss = LossReport()
        var diagnostics: [Diagnostic] = []
        /// Incoming links per successor, in plan order.
        let linksBySuccessor: [TaskID: [Dependency]]
        let customFields: CustomFieldLayout
        /// The project calendar's UID (an existing calendar, or the synthesised Standard calendar).
        let projectCalendarUID: Int
        /// Set when the plan has no calendar and the writer adds MS Project's Standard calendar.
        let synthesisedCalendar: Bool
        /// The plan came from a format without a schedule; its task dates need pinning.
        let pinsDates: Bool

        init(plan: Plan, options: WriteOptions) throws(PlanError) {
            self.plan = plan
            self.options = options
            out = try XMLTextWriter()
            ids = Identities(plan)
            var links: [TaskID: [Dependency]] = [:]
            for link in plan.dependencies { links[link.successor, default: []].append(link) }
            linksBySuccessor = links
            customFields = CustomFieldLayout(plan)
            if let id = plan.project.defaultCalendar, let uid = ids.calendars[id] {
                projectCalendarUID = uid
                synthesisedCalendar = false
            } else if let base = plan.calendars.first(where: { $0.isBaseCalendar }) ?? plan.calendars.first,
                let uid = ids.calendars[base.id]
            {
                projectCalendarUID = uid
                synthesisedCalendar = false
            } else {
                projectCalendarUID = 1
                synthesisedCalendar = true
            }
            pinsDates = !Self.cameFromMSPDI(plan)
        }

        /// A plan read from MSPDI carries the project elements the model has no field for.
        static func cameFromMSPDI(_ plan: Plan) -> Bool {
            plan.project.extensions.keys.contains { $0.hasPrefix(MSPDI.extensionPrefix) }
                || plan.extensions.keys.contains { $0.hasPrefix(MSPDI.extensionPrefix) }
        }

        func writeDocument() {
            out.declaration()
            out.startRoot("Project", namespace: "http://schemas.microsoft.com/project")
            writeProject()
            out.end()
            ids.report(into: &diagnostics, loss: &loss)
            reportForeignData()
        }

        /// Counts what another format's reader kept that MSPDI has no place for.
        private func reportForeignData() {
            var foreign = ExtensionSplit.foreignKeys(plan.extensions) + ExtensionSplit.foreignKeys(plan.project.extensions)
            for task in plan.tasks { foreign += ExtensionSplit.foreignKeys(task.extensions) }
            for resource in plan.resources { foreign += ExtensionSplit.foreignKeys(resource.extensions) }
            for assignment in plan.assignments { foreign += ExtensionSplit.foreignKeys(assignment.extensions) }
            for calendar in plan.calendars { foreign += ExtensionSplit.foreignKeys(calendar.extensions) }
            for link in plan.dependencies { foreign += ExtensionSplit.foreignKeys(link.extensions) }
            loss.record("extensions", count: foreign, "of other formats dropped (MSPDI keeps only mspdi:*)")
            loss.record("project custom field values", count: plan.project.customFields.count, "dropped (MSPDI has no project custom fields)")
            loss.record("task statuses", count: plan.tasks.filter { $0.status != nil }.count, "dropped (MSPDI has no status field)")
            loss.record("time zone", count: plan.project.timeZone == nil ? 0 : 1, "dropped (MSPDI date-times carry no zone)")
            loss.record("values", count: out.unwritableValues, "left out: outside what MSPDI can hold (years 1–9999, whole numbers and duration hours of 32 bits, decimals below 10^14)")
        }

        /// Warns once per entity when a text lost characters XML cannot hold.
        func noteCleaned(_ clean: Bool, _ what: String, entity: EntityRef?) {
            guard !clean else { return }
            diagnostics.append(Diagnostic(.mspdiTextCleaned, "control characters removed from the \(what)", entity: entity))
        }
    }
}
