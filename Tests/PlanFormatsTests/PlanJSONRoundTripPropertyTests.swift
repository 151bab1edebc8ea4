import PlanFormats
import PlanModel
import PlanTestSupport
import Testing

/// PlanBridge JSON is the canonical dump of the model, so reading back what was written must give
/// exactly the same plan, for every plan the generator can make. Failures name the seed, so that
/// `PlanGenerator(seed:).plan(tasks:)` reproduces them.
struct PlanJSONRoundTripPropertyTests {
    /// Small plans of 1–60 tasks: many seeds reach many combinations of optional fields.
    @Test func generatedPlansRoundTripExactly() {
        var checked = 0
        for seed in UInt64(1)...1_200 {
            let size = 1 + Int(seed % 60)
            if let failure = roundTripFailure(seed: seed, tasks: size) {
                Issue.record("first failing plan: seed \(seed), \(size) tasks: \(failure)")
                return
            }
            checked += 1
        }
        #expect(checked == 1_200)
    }

    /// An empty plan, and plans large enough to hold every kind of value at once.
    @Test(arguments: [(UInt64(0), 0), (1, 2_000), (2, 2_000), (3, 2_000)])
    func largerPlansRoundTripExactly(seed: UInt64, tasks: Int) {
        if let failure = roundTripFailure(seed: seed, tasks: tasks) {
            Issue.record("seed \(seed), \(tasks) tasks: \(failure)")
        }
    }

    /// The failure message must point at the part that differs, or a failing seed is useless.
    @Test func differencesAreReportedByEntityAndField() throws {
        let plan = PlanGenerator(seed: 9).plan(tasks: 40)
        #expect(PlanComparison.firstDifference(expected: plan, actual: plan) == nil)
        var changed = plan
        changed.tasks[17].notes = "changed ✏️"
        changed.tasks[17].priority = 999
        let report = try #require(PlanComparison.firstDifference(expected: plan, actual: changed))
        #expect(report.hasPrefix("tasks[17] (id \(plan.tasks[17].id)): "))
        #expect(report.contains("notes: expected") && report.contains("got \"changed ✏️\""))
        #expect(report.contains("priority: expected") && !report.contains("name:"))
        changed = plan
        changed.dependencies.removeLast()
        #expect(
            PlanComparison.firstDifference(expected: plan, actual: changed)
                == "dependencies: expected \(plan.dependencies.count), got \(plan.dependencies.count - 1)")
    }

    /// What went wrong with one generated plan, or nil: write, read back, compare, and write the
    /// result again, which must give the same bytes (the output is canonical).
    private func roundTripFailure(seed: UInt64, tasks: Int) -> String? {
        let plan = PlanGenerator(seed: seed).plan(tasks: tasks)
        let written: WriteResult
        do {
            written = try PlanJSONWriter().write(plan, options: .default)
        } catch {
            return "writing threw: \(error)"
        }
        if !written.loss.isEmpty { return "the canonical format reported a loss: \(written.loss)" }
        let read: ReadResult
        do {
            read = try PlanJSONReader().read(
                PlanInput(sourceName: "seed-\(seed).json", bytes: written.bytes), options: .default)
        } catch {
            return "reading back threw: \(error)"
        }
        if let problem = read.diagnostics.first(where: { $0.severity >= .warning }) {
            return "reading back reported: \(problem)"
        }
        guard read.plans.count == 1 else { return "read \(read.plans.count) plans" }
        if let difference = PlanComparison.firstDifference(expected: plan, actual: read.plan) {
            return difference
        }
        guard let rewritten = try? PlanJSONWriter().write(read.plan, options: .default) else {
            return "writing the read plan threw"
        }
        if rewritten.bytes != written.bytes { return "writing the read plan gave different bytes" }
        return nil
    }
}
