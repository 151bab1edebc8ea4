/// Resolves every calendar of a plan against its base calendars once, so that the scheduler can ask
/// for a `ResolvedCalendar` by identity as often as it likes.
///
/// Broken input is reported in `diagnostics` and resolved as well as it can be, never by looping or
/// crashing:
/// - a base that names itself or closes a loop (A → B → A) is followed until the loop would
///   repeat, so A resolves as A then B, and B as B then A;
/// - a missing base ends the chain there; weekdays nobody specifies then follow the fallback;
/// - with two calendars of the same identity, the first one listed is used;
/// - exceptions that cannot be used are skipped (see `CalendarException.problem`).
public struct CalendarResolver: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    private var resolved: [CalendarID: ResolvedCalendar] = [:]

    /// `fallback` supplies weekdays that neither a calendar nor its bases specify.
    public init(_ calendars: [WorkCalendar], fallback: WeekPattern = .standard) {
        var byID: [CalendarID: WorkCalendar] = [:]
        var order: [CalendarID] = []
        for calendar in calendars {
            guard byID[calendar.id] == nil else {
                diagnostics.append(Diagnostic(
                    .calendarDuplicateID, "Two calendars have the identity \(calendar.id); '\(calendar.name)' is ignored.",
                    entity: .calendar(calendar.id)))
                continue
            }
            byID[calendar.id] = calendar
            order.append(calendar.id)
        }

        var tables: [CalendarID: ExceptionTable] = [:]
        for id in order {
            let calendar = byID[id]!
            tables[id] = ExceptionTable(calendar, problems: &diagnostics)
            reportBadIntervals(in: calendar)
            if let base = calendar.baseCalendar, byID[base] == nil {
                diagnostics.append(Diagnostic(
                    .calendarMissingBase,
                    "Calendar '\(calendar.name)' derives from calendar \(base), which the plan does not contain; "
                        + "weekdays it does not set follow the standard week.",
                    entity: .calendar(id)))
            }
        }

        var reportedCycles = Set<[CalendarID]>()
        for id in order {
            var chain = [byID[id]!]
            while let baseID = chain.last!.baseCalendar, let base = byID[baseID] {
                if let loopStart = chain.firstIndex(where: { $0.id == baseID }) {
                    let members = chain[loopStart...].map(\.id)
                    if reportedCycles.insert(members.sorted()).inserted {
                        let names = (members + [baseID]).map { "'\(byID[$0]!.name)'" }.joined(separator: " → ")
                        diagnostics.append(Diagnostic(
                            .calendarBaseCycle,
                            "Calendars derive from each other in a loop (\(names)); the loop is cut where it repeats.",
                            entity: .calendar(baseID)))
                    }
                    break
                }
                chain.append(base)
            }
            resolved[id] = ResolvedCalendar(levels: chain, tables: chain.map { tables[$0.id]! }, fallback: fallback)
        }
    }

    /// The resolved calendar with this identity, or nil when the plan has none.
    public subscript(id: CalendarID) -> ResolvedCalendar? { resolved[id] }

    /// The resolved calendar with this identity; the standard calendar when `id` is nil or unknown,
    /// which is what MS Project does for a task whose calendar is missing.
    public func calendar(_ id: CalendarID?) -> ResolvedCalendar {
        id.flatMap { resolved[$0] } ?? .standard
    }

    private mutating func reportBadIntervals(in calendar: WorkCalendar) {
        var intervals = calendar.week.days.values.flatMap { $0 }
        intervals += calendar.exceptions.flatMap(\.intervals)
        intervals += calendar.workWeeks.flatMap { $0.week.days.values.flatMap { $0 } }
        let bad = intervals.map(\.endingAtMidnightIfWrappedToZero).filter { $0.from >= $0.to }.count
        if bad > 0 {
            diagnostics.append(Diagnostic(
                .calendarBadInterval,
                "Calendar '\(calendar.name)' has \(bad) working interval(s) that end before they start; they are ignored.",
                entity: .calendar(calendar.id)))
        }
        for week in calendar.workWeeks where week.to < week.from {
            diagnostics.append(Diagnostic(
                .calendarBadInterval,
                "Calendar '\(calendar.name)': work week '\(week.name ?? "")' ends (\(week.to)) before it starts (\(week.from)); it is ignored.",
                entity: .calendar(calendar.id)))
        }
    }
}

extension DiagnosticCode {
    /// Calendars whose base calendars lead back to themselves.
    public static let calendarBaseCycle = DiagnosticCode("calendar.base-cycle", .error)
    /// A calendar derives from a calendar the plan does not contain.
    public static let calendarMissingBase = DiagnosticCode("calendar.missing-base", .error)
    /// Two calendars share one identity.
    public static let calendarDuplicateID = DiagnosticCode("calendar.duplicate-id", .error)
    /// A working interval or work week that ends before it starts.
    public static let calendarBadInterval = DiagnosticCode("calendar.bad-interval", .warning)
}
