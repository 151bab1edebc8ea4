import Foundation
import PlanDiff
import PlanFormats
import PlanModel
import PlanTestSupport

extension BenchmarkCase {
    /// Two MSPDI files of the generated plan (`planbridge-bench diff`): the plan, and a copy where
    /// every 50th task finishes a day later, every 97th is renamed and every ID and WBS code is
    /// renumbered. Writing them is not timed. `diffRead` times reading both files; `diff` times
    /// `PlanDiffer` on the two plans already read (matching, comparison, the summary with both
    /// plans scheduled for the critical path), so the two rows can be set side by side.
    func measureDiff(seed: UInt64, runs: Int, folder: URL) throws -> Measurement {
        let baseline = PlanGenerator(seed: seed).plan(tasks: tasks)
        var current = baseline
        for k in current.tasks.indices {
            if k % 50 == 7, let finish = current.tasks[k].finish { current.tasks[k].finish = finish.adding(minutes: 1440) }
            if k % 97 == 3 { current.tasks[k].name += " (revised)" }
            current.tasks[k].displayID = current.tasks.count - k
            current.tasks[k].wbs = "R.\(k)"
        }
        let mspdi = try FormatRegistry.builtIn.format(named: "mspdi")
        guard let writer = mspdi.writer, let reader = mspdi.reader else { throw BenchmarkFailure(description: "no MSPDI reader or writer") }
        var files: [Data] = []
        for plan in [baseline, current] {
            do throws(PlanError) {
                files.append(Data(try writer.write(plan, options: WriteOptions()).bytes))
            } catch {
                throw BenchmarkFailure(description: "write: \(error)")
            }
        }
        func readBoth() throws -> [Plan] {
            try files.enumerated().map { offset, data in
                do throws(PlanError) {
                    return try reader.read(PlanInput(sourceName: "plan-\(offset).xml", data: data), options: .default).plan
                } catch {
                    throw BenchmarkFailure(description: "read: \(error)")
                }
            }
        }
        var plans = operation == .diff ? try readBoth() : []
        let startKiB = ProcessMemory.currentKiB
        ProcessMemory.resetPeak()
        var best = Double.infinity
        var report: DiffReport?
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let elapsed = try clock.measure {
                if operation == .diff {
                    report = PlanDiffer().diff(baseline: plans[0], current: plans[1])
                } else {
                    plans = try readBoth()
                }
            }
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let peakKiB = ProcessMemory.peakKiB
        let check: String
        if let report {
            let kinds = report.summary.orderedCounts.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
            check = "\(report.matching.matched) matched; \(kinds)"
        } else {
            check = "read \(plans.map(\.tasks.count).map(String.init).joined(separator: " + ")) tasks"
        }
        return Measurement(bestSeconds: best, fileBytes: files.reduce(0) { $0 + $1.count }, peakKiB: peakKiB, startKiB: startKiB, check: check)
    }
}
