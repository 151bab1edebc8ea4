import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// A plan written as .ics and read back keeps what the X-PLANBRIDGE-* properties carry: exact
/// start and finish, kind, WBS and outline, parent, duration, priority, progress, status and
/// predecessors with their type and lag.
struct ICalendarRoundTripTests {
    static var carried: [(String, (PlanTask) -> AnyHashable?)] { [
        ("name", { $0.name }), ("kind", { $0.kind }), ("start", { $0.start }), ("finish", { $0.finish }),
        ("wbs", { $0.wbs }), ("outlineNumber", { $0.outlineNumber }), ("outlineLevel", { $0.outlineLevel }),
        ("parent", { $0.parent }), ("duration", { $0.duration }), ("priority", { $0.priority }),
        ("percentComplete", { $0.percentComplete }), ("status", { $0.status }), ("displayID", { $0.displayID }),
        ("manual", { $0.isManuallyScheduled }), ("active", { $0.isActive }),
        ("notes", { $0.notes?.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }),
    ] }

    /// The first difference between what was written and what came back, for the dated tasks.
    static func difference(_ plan: Plan, _ back: Plan) -> String? {
        let dated = plan.tasks.filter { $0.start != nil || $0.finish != nil }
        guard back.tasks.count == dated.count else { return "\(back.tasks.count) tasks read, \(dated.count) written" }
        let backByID = Dictionary(uniqueKeysWithValues: back.tasks.map { ($0.id, $0) })
        for task in dated {
            guard let read = backByID[task.id] else { return "task \(task.id) missing" }
            for (field, value) in carried where value(task) != value(read) {
                return "task \(task.id) \(field): wrote \(String(describing: value(task))), read \(String(describing: value(read)))"
            }
        }
        let ids = Set(dated.map(\.id))
        let links = Set(plan.dependencies.filter { ids.contains($0.predecessor) && ids.contains($0.successor) }.map {
            Dependency(predecessor: $0.predecessor, successor: $0.successor, type: $0.type, lag: $0.lag)
        })
        if links != Set(back.dependencies) { return "links differ: \(links.subtracting(back.dependencies).prefix(3))" }
        return nil
    }

    static func roundTrip(_ plan: Plan, _ configure: (inout ICalendarWriteOptions) -> Void) throws -> Plan {
        var options = WriteOptions(timestamp: ICalendarWriterPlans.stamp)
        configure(&options.iCalendar)
        let bytes = try ICalendarWriter().write(plan, options: options).bytes
        return try ICalendarReader().read(PlanInput(sourceName: "rt.ics", bytes: bytes), options: .default).plan
    }

    @Test func handMadeScheduleComesBackInEveryOutputStyle() throws {
        let plan = ICalendarWriterPlans.schedule
        let styles: [(String, (inout ICalendarWriteOptions) -> Void)] = [
            ("events", { $0.includeTasks = true }),
            ("todos", { $0.includeTodos = true }),
            ("both, UTC", { $0.includeTasks = true; $0.includeTodos = true; $0.timing = .utc }),
            ("events, local", { $0.includeTasks = true; $0.timing = .local }),
        ]
        for (name, configure) in styles {
            let back = try Self.roundTrip(plan, configure)
            #expect(Self.difference(plan, back) == nil, "\(name): \(Self.difference(plan, back) ?? "")")
            #expect(back.project.timeZone == "Europe/Berlin")
            #expect(back.project.name == "Office move")
        }
    }

    @Test func milestonesAloneKeepTheirLinksBetweenEachOther() throws {
        let plan = ICalendarWriterPlans.schedule
        let back = try Self.roundTrip(plan) { _ in }
        #expect(back.tasks.map(\.id) == ["3", "4"])
        #expect(back.dependencies == [plan.dependencies[1]])
        // Their parent was not exported: the reference is reported, not invented.
        #expect(back.tasks[0].parent == nil)
    }

    @Test(arguments: [1 as UInt64, 7, 42, 2026])
    func generatedPlansComeBack(_ seed: UInt64) throws {
        let plan = PlanGenerator(seed: seed).plan(tasks: 250)
        let back = try Self.roundTrip(plan) { $0.includeTasks = true }
        #expect(Self.difference(plan, back) == nil, "seed \(seed): \(Self.difference(plan, back) ?? "")")
        let todos = try Self.roundTrip(plan) { $0.includeTodos = true; $0.timing = .local }
        #expect(Self.difference(plan, todos) == nil, "seed \(seed), to-dos: \(Self.difference(plan, todos) ?? "")")
    }

    @Test func writingWhatWasReadGivesTheSameBytes() throws {
        let plan = ICalendarWriterPlans.schedule
        var options = WriteOptions(timestamp: ICalendarWriterPlans.stamp)
        options.iCalendar.includeTasks = true
        let first = try ICalendarWriter().write(plan, options: options).bytes
        let back = try ICalendarReader().read(PlanInput(sourceName: "rt.ics", bytes: first), options: .default).plan
        let second = try ICalendarWriter().write(back, options: options).bytes
        // The read plan lost resources (reported), so only the project key may differ: none here.
        #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
    }
}
