import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport

/// One measured operation on one generated plan. A format added to the registry gets both
/// operations for free; a new kind of measurement (validation, diff) is a new `Operation`.
struct BenchmarkCase: Sendable {
    enum Operation: String, CaseIterable, Sendable {
        /// Writing the generated plan. The file it makes is what `read` measures.
        case write
        /// Reading that file back; afterwards (not timed) the result is compared with the plan.
        case read
        /// Scheduling the generated plan in memory (`planbridge-bench schedule`); format-independent.
        case schedule
        /// Reading the two MSPDI files `planbridge-bench diff` compares.
        case diffRead = "diff-read"
        /// Diffing those two plans in memory.
        case diff
        /// Reading the generated plan's MSPDI file, the yardstick for `validate`.
        case validateRead = "validate-read"
        /// Every semantic rule and the DCMA checks on that plan, already read.
        case validate
        /// The lenient MSPDI schema over the same file (the structural layer of `validate`).
        case validateSchema = "validate-schema"
    }

    var format: FormatDescriptor
    var operation: Operation
    var tasks: Int

    /// Every operation, for every format and size, writes before reads.
    static func table(formats: [FormatDescriptor], taskCounts: [Int]) -> [BenchmarkCase] {
        formats.flatMap { format in
            taskCounts.flatMap { tasks in
                [Operation.write, .read].map { BenchmarkCase(format: format, operation: $0, tasks: tasks) }
            }
        }
    }

    /// The file `write` leaves for `read`, in `folder`.
    func file(in folder: URL) -> URL {
        folder.appendingPathComponent("\(format.id)-\(tasks).\(format.extensions.first ?? "out")")
    }
}

/// What one case measured. Sizes in bytes and KiB as the kernel counts them.
struct Measurement: Sendable {
    var bestSeconds: Double
    var fileBytes: Int
    var peakKiB: Int?
    /// Resident size when timing began: the generated plan for `write`, the file for `read`.
    var startKiB: Int?
    /// "exact", or what differs, or what the writer reported lost.
    var check: String
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}

extension BenchmarkCase {
    /// Runs the case here: prepares its input untimed, lowers the recorded peak to what is
    /// resident now, then times `runs` repetitions and keeps the best.
    func measure(seed: UInt64, runs: Int, folder: URL) throws -> Measurement {
        switch operation {
        case .write: return try measureWrite(seed: seed, runs: runs, folder: folder)
        case .read: return try measureRead(seed: seed, runs: runs, folder: folder)
        case .schedule: return try measureSchedule(seed: seed, runs: runs)
        case .diffRead, .diff: return try measureDiff(seed: seed, runs: runs, folder: folder)
        case .validateRead, .validate, .validateSchema: return try measureValidate(seed: seed, runs: runs)
        }
    }

    private func measureWrite(seed: UInt64, runs: Int, folder: URL) throws -> Measurement {
        guard let writer = format.writer else { throw BenchmarkFailure(description: "\(format.id) cannot be written") }
        let plan =
            format.id == "ics" ? ICalendarBenchmark.milestonePlan(seed: seed, tasks: tasks)
            : format.id == "jira-csv" ? try JiraBenchmark.plan(seed: seed, issues: tasks) : PlanGenerator(seed: seed).plan(tasks: tasks)
        let startKiB = ProcessMemory.currentKiB
        ProcessMemory.resetPeak()
        var best = Double.infinity
        var written = WriteResult(bytes: [])
        for _ in 0..<runs {
            // Drop the previous output first, so that the peak holds one output, not two.
            written = WriteResult(bytes: [])
            let elapsed = try Self.seconds { written = try writer.write(plan, options: .default) }
            best = min(best, elapsed)
        }
        let peakKiB = ProcessMemory.peakKiB
        try Data(written.bytes).write(to: file(in: folder))
        let check = written.loss.isEmpty ? "nothing lost" : "loss: \(written.loss)"
        return Measurement(
            bestSeconds: best, fileBytes: written.bytes.count, peakKiB: peakKiB, startKiB: startKiB, check: check)
    }

    private func measureRead(seed: UInt64, runs: Int, folder: URL) throws -> Measurement {
        guard let reader = format.reader else { throw BenchmarkFailure(description: "\(format.id) cannot be read") }
        let url = file(in: folder)
        // Jira: what is read is the generated export itself (wide, as Jira writes it), not the
        // narrower importer file the write case left.
        if format.id == "jira-csv" { try Data(JiraBenchmark.export(seed: seed, issues: tasks)).write(to: url) }
        let data = try Data(contentsOf: url)
        let input = PlanInput(sourceName: url.lastPathComponent, data: data)
        let startKiB = ProcessMemory.currentKiB
        ProcessMemory.resetPeak()
        var best = Double.infinity
        var result = ReadResult(plans: [])
        for _ in 0..<runs {
            result = ReadResult(plans: [])
            let elapsed = try Self.seconds { result = try reader.read(input, options: .default) }
            best = min(best, elapsed)
        }
        let peakKiB = ProcessMemory.peakKiB
        // Untimed and after the peak was taken: a fast reader that reads wrongly is no result.
        let expected = PlanGenerator(seed: seed).plan(tasks: tasks)
        let check: String
        if format.id == "jira-csv" {
            check = JiraBenchmark.check(seed: seed, issues: tasks, result: result, file: url, ourSeconds: best, runs: runs)
        } else if format.id == "ics" {
            let milestones = ICalendarBenchmark.milestonePlan(seed: seed, tasks: tasks)
            check = ICalendarBenchmark.check(expected: milestones, result: result, file: url, ourSeconds: best)
        } else if format.id == "mspdi" {
            check = MSPDIBenchmark.check(expected: expected, result: result, file: url, ourSeconds: best, runs: runs)
        } else if result.plans.count != 1 {
            check = "read \(result.plans.count) plans"
        } else if let difference = PlanComparison.firstDifference(expected: expected, actual: result.plan) {
            check = "differs: " + String(difference.prefix(200))
        } else {
            check = "exact"
        }
        return Measurement(bestSeconds: best, fileBytes: data.count, peakKiB: peakKiB, startKiB: startKiB, check: check)
    }

    private static func seconds(_ body: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        var failure: (any Error)?
        let elapsed = clock.measure {
            do { try body() } catch { failure = error }
        }
        if let failure { throw failure }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
