import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport

/// `planbridge-bench generate FORMAT --tasks N,… --seed S,… --out DIR [--unscheduled]`: writes the
/// benchmark's generated plans as files, so that scripts can hand them to other tools (the MPXJ
/// scheduling cross-check reads them). Nothing is timed.
enum GenerateCommand {
    /// Writes every task count × seed; returns the exit code. Each file's name goes to stdout,
    /// what the writer reported to stderr.
    static func run(_ options: BenchmarkOptions, registry: FormatRegistry) -> Int32 {
        let format: FormatDescriptor
        do {
            format = try registry.format(named: options.formats[0])
        } catch {
            standardError(error.description)
            return 2
        }
        guard let writer = format.writer else {
            standardError("\(format.id) cannot be written")
            return 2
        }
        let folder = URL(fileURLWithPath: options.outputFolder!)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            standardError("cannot create \(folder.path): \(error)")
            return 4
        }
        for tasks in options.taskCounts {
            for seed in options.seeds {
                var plan = PlanGenerator(seed: seed).plan(tasks: tasks)
                if options.unscheduled { plan = unscheduled(plan) }
                let file = folder.appendingPathComponent("generated-\(tasks)-\(seed).\(format.extensions.first ?? "out")")
                do {
                    let written = try writer.write(plan, options: .default)
                    try Data(written.bytes).write(to: file)
                    // Counted by code: a generated plan can give thousands (one per pinned task).
                    let counts = Dictionary(grouping: written.diagnostics, by: { "\($0.code)" }).mapValues(\.count)
                    if !counts.isEmpty {
                        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                        standardError("\(file.lastPathComponent): \(summary)")
                    }
                } catch {
                    standardError("\(file.lastPathComponent): \(error)")
                    return 1
                }
                print(file.path)
            }
        }
        return 0
    }

    /// The plan without the dates the generator computed for tasks that have not started: those
    /// dates come from a simplified clock (no holidays, no task calendars), so they are a guess
    /// that a scheduler has to replace. Without them, the MSPDI writer has nothing to pin with a
    /// Start No Earlier Than constraint, and a scheduler reading the file must derive every such
    /// date from links, lags, calendars and constraints. Kept: manually scheduled tasks' dates
    /// (they are input) and started tasks' dates (they go with the actuals), and the project's
    /// start and finish, which anchor the schedule.
    static func unscheduled(_ plan: Plan) -> Plan {
        var plan = plan
        var cleared = Set<TaskID>()
        for index in plan.tasks.indices {
            let task = plan.tasks[index]
            guard !task.isManuallyScheduled, task.actualStart == nil else { continue }
            plan.tasks[index].start = nil
            plan.tasks[index].finish = nil
            cleared.insert(task.id)
        }
        for index in plan.assignments.indices where cleared.contains(plan.assignments[index].task) {
            plan.assignments[index].start = nil
            plan.assignments[index].finish = nil
        }
        return plan
    }
}
