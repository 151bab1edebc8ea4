import PlanModel

@testable import PlanFormats

/// Hand-made plans for the iCalendar writer's goldens, each aimed at one rule of the output.
enum ICalendarWriterPlans {
    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> CivilDateTime {
        CivilDateTime(year: y, month: m, day: d, hour: h, minute: min)!
    }

    /// Names that make lines fold: ASCII, two- and three-byte characters, emoji (four bytes and
    /// joined sequences), and escapes placed so that a naive fold would split them.
    static var folding: Plan {
        var plan = Plan(project: Project(name: "Folding"))
        let names = [
            String(repeating: "Long ASCII milestone name ", count: 5),
            String(repeating: "Größenänderung übernehmen ", count: 4),
            String(repeating: "設計レビュー完了", count: 6),
            String(repeating: "🚀 launch 👩‍💻 team ", count: 6),
            // `SUMMARY:` is 8 octets; 66 more put the `\,` escape across octet 75.
            String(repeating: "a", count: 66) + ",b;c\\d" + String(repeating: "x", count: 70) + "\nnext line",
            String(repeating: "b", count: 66) + "ü" + String(repeating: "c", count: 72) + "€",
        ]
        for (i, name) in names.enumerated() {
            plan.tasks.append(PlanTask(
                id: TaskID(String(i + 1)), name: name, kind: .milestone, start: at(2026, 3, 2 + i, 17), finish: at(2026, 3, 2 + i, 17)))
        }
        return plan
    }

    /// TEXT escaping in every place text goes: summary, description, categories, IDs.
    static var escaping: Plan {
        var plan = Plan(project: Project(name: "Escapes; commas, and \\ backslashes", title: "Escapes: \"quoted\", semi; colon"))
        plan.tasks = [
            PlanTask(
                id: "A,1", name: "Sign-off; legal, finance \\ CEO", kind: .milestone, start: at(2026, 5, 4, 9),
                finish: at(2026, 5, 4, 9), notes: "Line one\r\nLine two\nLine three\rend: \"quoted\" \\n is not a newline",
                extensions: ["ics:CATEGORIES": "Phase 2\\, review,Legal"]),
            PlanTask(id: "B;2", name: "Tab\tand control\u{7}char", kind: .milestone, start: at(2026, 5, 5, 9), finish: at(2026, 5, 5, 9)),
        ]
        return plan
    }

    /// Milestones and tasks with links, an outline, durations and progress: the X-PLANBRIDGE
    /// round trip and the shape of all-day, timed and to-do output.
    static var schedule: Plan {
        var plan = Plan(project: Project(name: "Office move", lastSaved: at(2026, 1, 15, 17, 42), timeZone: "Europe/Berlin"))
        plan.tasks = [
            PlanTask(
                id: "1", displayID: 1, name: "Preparation", wbs: "1", outlineNumber: "1", kind: .summary, start: at(2026, 3, 2, 8),
                finish: at(2026, 3, 27, 17), duration: WorkDuration(minutes: 9600, unit: .days), percentComplete: 40),
            PlanTask(
                id: "2", displayID: 2, name: "Pack the archive", wbs: "1.1", outlineNumber: "1.1", outlineLevel: 2, parent: "1",
                start: at(2026, 3, 2, 8), finish: at(2026, 3, 13, 17), duration: WorkDuration(minutes: 4800, unit: .days),
                percentComplete: 100, actualFinish: at(2026, 3, 13, 16), priority: 800, status: "Done"),
            PlanTask(
                id: "3", displayID: 3, name: "Contract signed", wbs: "1.2", outlineNumber: "1.2", outlineLevel: 2, parent: "1",
                kind: .milestone, start: at(2026, 3, 27, 17), finish: at(2026, 3, 27, 17), duration: .zero, priority: 1000),
            PlanTask(
                id: "4", displayID: 4, name: "Move day", wbs: "2", outlineNumber: "2", kind: .milestone, isManuallyScheduled: true,
                start: at(2026, 3, 30, 8), finish: at(2026, 3, 30, 8),
                duration: WorkDuration(minutes: 0, unit: .days, isEstimated: true), notes: "Trucks at 8:00"),
            PlanTask(
                id: "5", displayID: 5, name: "Unpack", wbs: "3", outlineNumber: "3", start: at(2026, 3, 31, 8),
                finish: at(2026, 4, 3, 12), duration: WorkDuration(minutes: 1680, unit: .hours), percentComplete: 0, status: "To Do"),
            PlanTask(id: "6", name: "Someday", wbs: "4", outlineNumber: "4"),
        ]
        plan.dependencies = [
            Dependency(predecessor: "2", successor: "3"),
            Dependency(predecessor: "3", successor: "4", type: .startToStart, lag: .time(WorkDuration(minutes: 960, unit: .days))),
            Dependency(predecessor: "4", successor: "5", type: .finishToFinish, lag: .percent(-25, elapsed: true)),
            Dependency(predecessor: "2", successor: "5", type: .startToFinish, lag: .time(WorkDuration(minutes: 2880, unit: .days, isElapsed: true))),
        ]
        plan.resources = [Resource(id: "r1", name: "Movers")]
        return plan
    }

    static let stamp = at(2026, 2, 1, 12)

    static func options(_ configure: (inout ICalendarWriteOptions) -> Void = { _ in }) -> WriteOptions {
        var iCalendar = ICalendarWriteOptions()
        configure(&iCalendar)
        return WriteOptions(timestamp: stamp, iCalendar: iCalendar)
    }

    /// Golden name → plan and options.
    static let goldens: [(name: String, plan: Plan, options: WriteOptions)] = [
        ("folding", folding, options()),
        ("escaping", escaping, options()),
        ("milestones-all-day", schedule, options()),
        ("tasks-all-day", schedule, options { $0.includeTasks = true }),
        ("tasks-utc", schedule, options { $0.includeTasks = true; $0.timing = .utc }),
        ("tasks-local-vtimezone", schedule, options { $0.includeTasks = true; $0.timing = .local }),
        ("todos", schedule, options { $0.includeTodos = true }),
    ]
}
