import PlanDiff
import PlanFormats
import PlanModel
import PlanSchedule
import PlanTestSupport
import Testing

/// Slips the way they happen: a few tasks take longer, the plan is rescheduled, and the diff must
/// report exactly the lengthened durations and every date the scheduling engine moved, in the
/// working days the edits added.
struct RescheduledSlipsTests {
    struct Rescheduled {
        var baseline: Plan
        var current: Plan
        /// Lengthened tasks and the working minutes each one gained.
        var lengthened: [TaskID: Int]
    }

    static func reschedule(seed: UInt64, tasks: Int = 300) -> Rescheduled {
        let generated = PlanGenerator(seed: seed).plan(tasks: tasks)
        let baseline = Scheduler().schedule(generated).apply(to: generated)
        var edited = baseline
        var picker = GeneratedEditsTests.Picker(state: seed)
        // Tasks whose length is their duration on the project calendar: no resources (whose work
        // and calendars would drive it), no task calendar, not started, scheduled automatically.
        let assigned = Set(baseline.assignments.map(\.task))
        let parents = Set(baseline.tasks.compactMap(\.parent))
        let predecessors = Set(baseline.dependencies.map(\.predecessor))
        var candidates = baseline.tasks.indices.filter {
            let task = baseline.tasks[$0]
            return task.kind == .task && !parents.contains(task.id) && !assigned.contains(task.id) && task.calendar == nil
                && task.actualStart == nil && !task.isManuallyScheduled && task.isActive && task.constraint == nil
                && task.duration.map { !$0.isElapsed && $0.minutes > 0 } == true && predecessors.contains(task.id)
        }
        var lengthened: [TaskID: Int] = [:]
        let minutesPerDay = baseline.project.conventions.minutesPerDay
        for _ in 0..<3 where !candidates.isEmpty {
            let k = candidates.remove(at: picker.next(candidates.count))
            let added = (1 + picker.next(4)) * minutesPerDay
            edited.tasks[k].duration!.minutes += added
            lengthened[edited.tasks[k].id] = added
        }
        let current = Scheduler().schedule(edited).apply(to: edited)
        return Rescheduled(baseline: baseline, current: current, lengthened: lengthened)
    }

    /// What the engine changed, read off the two scheduled plans field by field.
    static func expectedChanges(_ r: Rescheduled) -> Set<String> {
        var expected: Set<String> = Set(r.lengthened.keys.map { "duration|\($0)" })
        let before = Dictionary(r.baseline.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for now in r.current.tasks {
            guard let then = before[now.id] else { continue }
            if now.kind == .milestone {
                if (then.finish ?? then.start) != (now.finish ?? now.start) { expected.insert("milestone-date|\(now.id)") }
                continue
            }
            if then.start != now.start { expected.insert("start-slip|\(now.id)") }
            if then.finish != now.finish { expected.insert("finish-slip|\(now.id)") }
            if now.kind == .summary, then.duration?.minutes != now.duration?.minutes { expected.insert("duration|\(now.id)") }
        }
        return expected
    }

    @Test(arguments: [UInt64(2), 5, 9])
    func diffReportsEveryDateTheEngineMoved(seed: UInt64) throws {
        let r = Self.reschedule(seed: seed)
        try #require(!r.lengthened.isEmpty)
        let expected = Self.expectedChanges(r)
        // The edits must ripple: more moved than the lengthened tasks themselves.
        #expect(expected.count > r.lengthened.count * 2)

        let report = PlanDiffer(DiffOptions(comparesCriticalPath: false)).diff(baseline: r.baseline, current: r.current)
        let found = Set(report.changes.map { "\($0.kind.rawValue)|\($0.id)" })
        #expect(found.subtracting(expected).isEmpty, "extra: \(found.subtracting(expected).sorted())")
        #expect(expected.subtracting(found).isEmpty, "missed: \(expected.subtracting(found).sorted())")

        // A lengthened task that still starts where it did finishes exactly the added working
        // time later on the project calendar, which is what the slip counts.
        for (id, added) in r.lengthened {
            let changes = report.changes.filter { $0.id == id.rawValue }
            guard !changes.contains(where: { $0.kind == .startSlip }) else { continue }
            let slip = try #require(changes.first { $0.kind == .finishSlip }?.slip, "no finish slip for lengthened task \(id)")
            #expect(slip.workingMinutes == added, "task \(id): \(slip.workingMinutes) != \(added)")
        }
    }

    @Test func projectFinishSlipIsTheEnginesAndLaterWork() throws {
        let r = Self.reschedule(seed: 5)
        let report = PlanDiffer().diff(baseline: r.baseline, current: r.current)
        let (before, after) = (try #require(r.baseline.project.finish), try #require(r.current.project.finish))
        #expect(report.summary.baselineFinish == before)
        #expect(report.summary.currentFinish == after)
        #expect(after >= before)
        #expect((report.summary.finishSlip?.workingMinutes ?? 0) >= 0)
    }

    /// The same rescheduled pair written as MS Project XML and read back: dates, durations and
    /// summaries survive the format, so the diff finds the same changes.
    @Test func theSameSlipsAfterAnMSPDIRoundTrip() throws {
        let r = Self.reschedule(seed: 9)
        let report = PlanDiffer(DiffOptions(comparesCriticalPath: false)).diff(
            baseline: try GeneratedEditsThroughFormatsTests.roundTrip(r.baseline, "mspdi"),
            current: try GeneratedEditsThroughFormatsTests.roundTrip(r.current, "mspdi"))
        let found = Set(report.changes.map { "\($0.kind.rawValue)|\($0.id)" })
        let expected = Self.expectedChanges(r)
        #expect(found == expected, "extra: \(found.subtracting(expected).sorted()); missed: \(expected.subtracting(found).sorted())")
    }
}
