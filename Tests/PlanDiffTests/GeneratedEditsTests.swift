import PlanDiff
import PlanFormats
import PlanModel
import PlanTestSupport
import Testing

/// A generated plan, a recorded list of random edits applied to a copy, and the diff must find
/// exactly those edits: nothing missed, nothing extra.
struct GeneratedEditsTests {
    /// A small deterministic generator, so the edits are the same on every run.
    struct Picker {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    struct Edited {
        var plan: Plan
        var expected: Set<String>
    }

    static func edit(_ plan: Plan, seed: UInt64) -> Edited {
        var plan = plan
        var picker = Picker(state: seed)
        var expected: Set<String> = []
        var touched: Set<TaskID> = []
        let parents = Set(plan.tasks.compactMap(\.parent))
        var leaves = plan.tasks.indices.filter { plan.tasks[$0].kind == .task && !parents.contains(plan.tasks[$0].id) }
        func take() -> Int? {
            guard !leaves.isEmpty else { return nil }
            let index = leaves.remove(at: picker.next(leaves.count))
            touched.insert(plan.tasks[index].id)
            return index
        }

        for _ in 0..<5 {  // slips of one to five days on the finish
            guard let k = take(), let finish = plan.tasks[k].finish else { continue }
            plan.tasks[k].finish = finish.adding(minutes: 1440 * (1 + picker.next(5)))
            expected.insert("finish-slip|\(plan.tasks[k].id)")
        }
        for _ in 0..<4 {  // renames
            guard let k = take() else { continue }
            plan.tasks[k].name += " (revised)"
            expected.insert("renamed|\(plan.tasks[k].id)")
        }
        var moves: [(task: TaskID, under: TaskID)] = []
        for _ in 0..<3 {  // moves under an earlier summary, applied below once positions no longer matter
            guard let k = take() else { continue }
            let summaries = (0..<k).filter { plan.tasks[$0].kind == .summary && plan.tasks[$0].id != plan.tasks[k].parent }
            guard !summaries.isEmpty else { continue }
            moves.append((plan.tasks[k].id, plan.tasks[summaries[picker.next(summaries.count)]].id))
            expected.insert("moved|\(plan.tasks[k].id)")
        }
        var removed: Set<TaskID> = []
        for _ in 0..<4 {  // removals; their links and assignments go with them
            guard let k = take() else { continue }
            removed.insert(plan.tasks[k].id)
            expected.insert("task-removed|\(plan.tasks[k].id)")
        }
        plan.tasks.removeAll { removed.contains($0.id) }
        plan.dependencies.removeAll { removed.contains($0.predecessor) || removed.contains($0.successor) }
        plan.assignments.removeAll { removed.contains($0.task) }
        for n in 0..<3 {  // additions at the top level, with numeric identities as MSPDI UIDs need,
            // and dates, without which iCalendar has no event to write
            var addition = PlanTask(id: TaskID("\(900_000 + n)"), name: "Added task \(n)", kind: .task)
            addition.start = plan.project.start
            addition.finish = plan.project.start?.adding(minutes: 540)
            plan.tasks.append(addition)
            expected.insert("task-added|\(900_000 + n)")
        }
        // A moved task goes right under its new parent, so the outline order stays right for the
        // formats that store the hierarchy by order and level (MSPDI).
        for move in moves {
            let from = plan.tasks.firstIndex { $0.id == move.task }!
            var task = plan.tasks.remove(at: from)
            let target = plan.tasks.firstIndex { $0.id == move.under }!
            task.parent = move.under
            task.outlineLevel = plan.tasks[target].outlineLevel + 1
            plan.tasks.insert(task, at: target + 1)
        }

        // Links: remove two, add two, between tasks no other edit touched.
        let untouched = { (id: TaskID) in !touched.contains(id) && !id.rawValue.hasPrefix("9000") }
        var pairCount: [String: Int] = [:]
        for link in plan.dependencies { pairCount["\(link.predecessor)->\(link.successor)", default: 0] += 1 }
        var removable = plan.dependencies.indices.filter {
            let link = plan.dependencies[$0]
            return untouched(link.predecessor) && untouched(link.successor) && pairCount["\(link.predecessor)->\(link.successor)"] == 1
        }
        var dropped: [Int] = []
        for _ in 0..<2 where !removable.isEmpty {
            let index = removable.remove(at: picker.next(removable.count))
            dropped.append(index)
            let link = plan.dependencies[index]
            expected.insert("dependency-removed|\(link.predecessor)->\(link.successor)")
        }
        for index in dropped.sorted(by: >) { plan.dependencies.remove(at: index) }
        let linkable = plan.tasks.filter { $0.kind != .summary && untouched($0.id) }.map(\.id)
        var added = 0
        while added < 2 && linkable.count > 2 {
            let (p, s) = (linkable[picker.next(linkable.count)], linkable[picker.next(linkable.count)])
            guard p != s, pairCount["\(p)->\(s)"] == nil else { continue }
            pairCount["\(p)->\(s)"] = 1
            plan.dependencies.append(Dependency(predecessor: p, successor: s))
            expected.insert("dependency-added|\(p)->\(s)")
            added += 1
        }

        // Assignments: new units on two whose task and resource pair is unique.
        var assignmentCount: [String: Int] = [:]
        for a in plan.assignments { if let r = a.resource { assignmentCount["\(a.task)/\(r)", default: 0] += 1 } }
        var changeable = plan.assignments.indices.filter {
            let a = plan.assignments[$0]
            return a.resource != nil && untouched(a.task) && assignmentCount["\(a.task)/\(a.resource!)"] == 1
        }
        for _ in 0..<2 where !changeable.isEmpty {
            let index = changeable.remove(at: picker.next(changeable.count))
            plan.assignments[index].units = (plan.assignments[index].units ?? 1) == 0.25 ? 0.75 : 0.25
            let a = plan.assignments[index]
            expected.insert("assignment-changed|\(a.task)/\(a.resource!)")
        }

        // MS Project renumbering: new IDs and WBS codes everywhere, which is not a change.
        for k in plan.tasks.indices {
            plan.tasks[k].displayID = plan.tasks.count - k
            plan.tasks[k].wbs = "R.\(k)"
            plan.tasks[k].outlineNumber = "R.\(k)"
        }
        return Edited(plan: plan, expected: expected)
    }

    @Test(arguments: [UInt64(1), 7, 42])
    func diffFindsExactlyTheRecordedEdits(seed: UInt64) {
        let original = PlanGenerator(seed: seed).plan(tasks: 400)
        let edited = Self.edit(original, seed: seed)
        for mode in [MatchMode.auto, .id] {
            let report = PlanDiffer(DiffOptions(match: mode, comparesCriticalPath: false)).diff(baseline: original, current: edited.plan)
            let found = Set(report.changes.map { "\($0.kind.rawValue)|\($0.id)" })
            #expect(found.subtracting(edited.expected).isEmpty, "extra (\(mode)): \(found.subtracting(edited.expected).sorted())")
            #expect(edited.expected.subtracting(found).isEmpty, "missed (\(mode)): \(edited.expected.subtracting(found).sorted())")
        }
    }

    @Test func planAgainstItselfHasNoDifferences() {
        let plan = PlanGenerator(seed: 3).plan(tasks: 300)
        #expect(!PlanDiffer().diff(baseline: plan, current: plan).hasDifferences)
    }
}

/// The same edits after both versions went through a file format and back.
struct GeneratedEditsThroughFormatsTests {
    static func roundTrip(_ plan: Plan, _ format: String) throws -> Plan {
        let descriptor = try FormatRegistry.builtIn.format(named: format)
        var options = WriteOptions()
        options.iCalendar.includeTasks = true  // every task as an event, not only the milestones
        let bytes = try descriptor.writer!.write(plan, options: options).bytes
        return try descriptor.reader!.read(PlanInput(sourceName: "plan", bytes: bytes), options: .default).plan
    }

    /// Edits a format cannot carry: Jira knows an issue's assignee but no assignment units, and
    /// iCalendar has no assignments at all.
    static let uncarried: [String: Set<String>] = ["jira-csv": ["assignment-changed"], "ics": ["assignment-changed"]]

    @Test(arguments: ["json", "mspdi", "jira-csv", "ics"])
    func diffFindsTheEditsAfterARoundTrip(_ format: String) throws {
        let original = PlanGenerator(seed: 11).plan(tasks: 400)
        var edited = GeneratedEditsTests.edit(original, seed: 11)
        let uncarried = Self.uncarried[format] ?? []
        edited.expected = edited.expected.filter { !uncarried.contains(String($0.prefix { $0 != "|" })) }
        let report = PlanDiffer(DiffOptions(comparesCriticalPath: false)).diff(
            baseline: try Self.roundTrip(original, format), current: try Self.roundTrip(edited.plan, format))
        let found = Set(report.changes.map { "\($0.kind.rawValue)|\($0.id)" })
        #expect(edited.expected.count >= 20, "too few edits survive in \(format): \(edited.expected.count)")
        #expect(found.subtracting(edited.expected).isEmpty, "extra (\(format)): \(found.subtracting(edited.expected).sorted().prefix(10))")
        #expect(edited.expected.subtracting(found).isEmpty, "missed (\(format)): \(edited.expected.subtracting(found).sorted())")
    }
}
