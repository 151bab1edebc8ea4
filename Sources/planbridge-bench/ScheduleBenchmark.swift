import Foundation
import PlanModel
import PlanSchedule
import PlanTestSupport

extension BenchmarkCase {
    /// Times `Scheduler().schedule(plan)` on the generated plan in memory (building the network,
    /// ordering it, both passes, slack and critical paths); no file is involved, so the file size
    /// is 0. The check column says what came out, so a fast run that scheduled nothing shows.
    func measureSchedule(seed: UInt64, runs: Int) throws -> Measurement {
        let plan = PlanGenerator(seed: seed).plan(tasks: tasks)
        let startKiB = ProcessMemory.currentKiB
        ProcessMemory.resetPeak()
        var best = Double.infinity
        var result = ScheduleResult(tasks: [:], criticalPaths: [], projectStart: nil, projectFinish: nil, diagnostics: [])
        for _ in 0..<runs {
            result = ScheduleResult(tasks: [:], criticalPaths: [], projectStart: nil, projectFinish: nil, diagnostics: [])
            let clock = ContinuousClock()
            let elapsed = clock.measure { result = Scheduler().schedule(plan) }
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let peakKiB = ProcessMemory.peakKiB
        guard result.isScheduled else {
            throw BenchmarkFailure(description: "not scheduled: \(result.diagnostics.first.map(\.description) ?? "?")")
        }
        let check = "\(plan.dependencies.count) links, \(result.tasks.count) scheduled, \(result.criticalTaskCount) critical, "
            + "finish \(result.projectFinish!)"
        return Measurement(bestSeconds: best, fileBytes: 0, peakKiB: peakKiB, startKiB: startKiB, check: check)
    }
}
