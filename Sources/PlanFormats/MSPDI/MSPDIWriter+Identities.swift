import PlanModel

extension DiagnosticCode {
    /// An identity MS Project cannot take as a UID (not a number, ≥ 2,097,151, a duplicate) was
    /// given a new UID; the message names both.
    public static let mspdiUIDRenumbered = DiagnosticCode("mspdi.uid-renumbered", .info)
    /// A calendar name longer than MS Project's 51 characters was shortened.
    public static let mspdiCalendarNameShortened = DiagnosticCode("mspdi.calendar-name-shortened", .warning)
    /// A resource name with `,` `[` or `]`, which MS Project refuses, was changed.
    public static let mspdiResourceNameChanged = DiagnosticCode("mspdi.resource-name-changed", .warning)
    /// A reference to an entity the plan does not hold (a link to a missing task) was left out.
    public static let mspdiDanglingReference = DiagnosticCode("mspdi.dangling-reference", .warning)
    /// A task from a source without a schedule had its dates pinned (constraint or manual mode).
    public static let mspdiDatesPinned = DiagnosticCode("mspdi.dates-pinned", .info)
    /// Characters XML 1.0 cannot hold (control characters) were removed from a text.
    public static let mspdiTextCleaned = DiagnosticCode("mspdi.text-cleaned", .warning)
}

/// The UIDs one entity kind gets in the output. Identities that already are valid MS Project UIDs
/// keep their number; the others (Jira keys such as `PROJ-12`, numbers ≥ 2,097,151, duplicates,
/// and numbers the kind reserves) get the next free numbers above the largest kept one, in plan
/// order, so the mapping is deterministic and every reference is rewritten the same way.
struct UIDMap<Kind> {
    private var uids: [Identifier<Kind>: Int] = [:]
    /// `(identity, new UID)` for every identity that was renumbered, in plan order.
    private(set) var renumbered: [(Identifier<Kind>, Int)] = []

    /// `reserved` UIDs are never kept (task UID 0 is the project summary task).
    init(_ ids: [Identifier<Kind>], reserved: Set<Int> = [], firstFree: Int = 1) {
        var taken = reserved
        var needsNumber: [Identifier<Kind>] = []
        for id in ids {
            if let n = Int(id.rawValue), n >= 0, n < MSPDI.maxUID, !taken.contains(n), uids[id] == nil,
                String(n) == id.rawValue
            {
                uids[id] = n
                taken.insert(n)
            } else if uids[id] == nil {
                needsNumber.append(id)
            }
        }
        var next = max(firstFree, (taken.subtracting(reserved).max() ?? 0) + 1)
        for id in needsNumber where uids[id] == nil {
            while taken.contains(next) { next += 1 }
            uids[id] = next
            taken.insert(next)
            renumbered.append((id, next))
        }
    }

    subscript(id: Identifier<Kind>) -> Int? { uids[id] }

    /// For a reference to an entity the plan does not hold: the number itself when it is a valid
    /// UID no entity of the plan uses (MS Project writes such references itself, e.g. resource 0's
    /// calendar), so a round trip keeps it; nil otherwise.
    func dangling(_ id: Identifier<Kind>) -> Int? {
        guard let n = Int(id.rawValue), n >= 0, n < MSPDI.maxUID, !uids.values.contains(n) else { return nil }
        return n
    }

    var isEmpty: Bool { uids.isEmpty }
}

extension MSPDIWriter {
    /// The UID maps of one plan, and what renumbering them cost, for diagnostics and the loss report.
    struct Identities {
        var tasks: UIDMap<TaskKindTag>
        var resources: UIDMap<ResourceKindTag>
        var assignments: UIDMap<AssignmentKindTag>
        var calendars: UIDMap<CalendarKindTag>

        init(_ plan: Plan) {
            tasks = UIDMap(plan.tasks.map(\.id), reserved: [0])
            resources = UIDMap(plan.resources.map(\.id))
            assignments = UIDMap(plan.assignments.map(\.id))
            calendars = UIDMap(plan.calendars.map(\.id))
        }

        /// One info diagnostic per renumbered identity, and one loss-report line per kind.
        func report(into diagnostics: inout [Diagnostic], loss: inout LossReport) {
            func add<K>(_ map: UIDMap<K>, kind: String, entity: (Identifier<K>) -> EntityRef) {
                for (id, uid) in map.renumbered {
                    diagnostics.append(Diagnostic(
                        .mspdiUIDRenumbered, "\(kind) '\(id)' is written with UID \(uid): MS Project needs whole numbers below \(MSPDI.maxUID)",
                        entity: entity(id)))
                }
                loss.record("\(kind) identities", count: map.renumbered.count, "renumbered as MS Project UIDs (mapping in the diagnostics)")
            }
            add(tasks, kind: "task", entity: { .task($0) })
            add(resources, kind: "resource", entity: { .resource($0) })
            add(assignments, kind: "assignment", entity: { .assignment($0) })
            add(calendars, kind: "calendar", entity: { .calendar($0) })
        }
    }
}
