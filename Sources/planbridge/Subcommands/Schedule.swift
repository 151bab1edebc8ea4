import PlanFormats
import PlanModel
import PlanSchedule

/// `planbridge schedule IN OUT`: computes critical-path dates and writes the plan with them.
enum Schedule {
    static let subcommand = Subcommand(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "schedule",
        abstract: "Compute dates, float and the critical path.",
        discussion: """
            Schedules the plan forward from the project start (or backward from the project \
            finish, for a plan scheduled from its finish) over its links, lags, constraints, \
            deadlines, calendars and progress, and writes it with the computed start and finish \
            of every task. A summary of the schedule (finish, critical path, critical tasks) goes \
            to standard output unless the plan itself does.

            DATE is YYYY-MM-DD or YYYY-MM-DDTHH:MM; a day alone means the project's default start \
            time (08:00) for --from-date and its default finish time (17:00) for --status-date.

            A dependency cycle is reported with every task on it, and nothing is written (exit 1).
            """,
        arguments: [
            ArgumentSpec(name: "input", help: "The plan to schedule, or '-' for standard input."),
            ArgumentSpec(name: "output", help: "Where to write the scheduled plan, or '-' for standard output."),
        ],
        options: [
            .value("from-date", placeholder: "date", help: "Schedule from this date instead of the project's start (or finish)."),
            .value("status-date", placeholder: "date", help: "Remaining work of tasks in progress starts no earlier than this (default: the plan's status date)."),
            .inputFormat("the input"),
            .value("to", placeholder: "format", help: "The output format (default: from the output's extension)."),
            .flag("force", help: "Replace the output if it exists."),
        ]
    )

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let inputPath = arguments[argument: "input"]
        let outputPath = arguments[argument: "output"]
        let toStandardOutput = outputPath == "-"
        let force = arguments.flag("force")

        var dates: [String: (date: CivilDate, time: TimeOfDay?)] = [:]
        for option in ["from-date", "status-date"] {
            guard let text = arguments.value(option) else { continue }
            guard let parsed = parseDate(text) else {
                let error = UsageError("the value '\(text)' is invalid for '--\(option) <date>'; use YYYY-MM-DD or YYYY-MM-DDTHH:MM", command: spec.name)
                context.console.reportUsageError(CommandTable.program.errorText(for: error))
                return .usageError
            }
            dates[option] = parsed
        }

        let writer: any PlanWriter
        do throws(PlanError) {
            let target = try context.registry.detectOutput(path: toStandardOutput ? nil : outputPath, explicit: arguments.value("to"))
            guard let found = target.writer else {
                throw PlanError(.unsupportedFormat, Diagnostic(.formatNotWritable, "\(target.displayName) can be read but not written"))
            }
            writer = found
            if !toStandardOutput { try OutputFile.checkDestination(outputPath, force: force) }
        } catch {
            return Tool.fail(error, during: .output, context: context)
        }

        let loaded: LoadedPlans
        do {
            loaded = try PlanLoading.load(inputPath, explicitFormat: arguments.value("from"), context: context)
        } catch {
            return Tool.fail(error, during: .input, context: context)
        }
        context.console.report(loaded.diagnostics)
        let plan = loaded.result.plan
        let eight = TimeOfDay(hour: 8, minute: 0)!
        let five = TimeOfDay(hour: 17, minute: 0)!
        let options = ScheduleOptions(
            fromDate: dates["from-date"].map { CivilDateTime(date: $0.date, time: $0.time ?? plan.project.defaultStartTime ?? eight) },
            statusDate: dates["status-date"].map { CivilDateTime(date: $0.date, time: $0.time ?? plan.project.defaultFinishTime ?? five) })
        let result = Scheduler(options).schedule(plan)
        context.console.report(result.diagnostics)
        guard result.isScheduled else { return .findings }

        do throws(PlanError) {
            let written = try writer.write(result.apply(to: plan), options: WriteOptions(timestamp: context.timestamp))
            try OutputFile.deliver(written.bytes, to: toStandardOutput ? nil : outputPath, force: force, console: context.console)
            if !toStandardOutput { context.console.print(summary(result, conventions: plan.project.conventions)) }
            context.console.report(written.diagnostics + written.loss.diagnostics)
        } catch {
            return Tool.fail(error, during: .output, context: context)
        }
        return .success
    }

    /// `2024-03-04` or `2024-03-04T08:00` (seconds allowed); the time is nil for a day alone.
    static func parseDate(_ text: String) -> (date: CivilDate, time: TimeOfDay?)? {
        if let date = CivilDate(iso: text) { return (date, nil) }
        guard let moment = CivilDateTime(iso: text) else { return nil }
        return (moment.date, moment.timeOfDay)
    }

    /// Three lines for people: the frame, the critical path, the critical tasks.
    static func summary(_ result: ScheduleResult, conventions: TimeConventions) -> String {
        var lines = ["Scheduled \(result.tasks.count) tasks from \(readable(result.projectStart)) to \(readable(result.projectFinish))."]
        if let longest = result.longestCriticalPath {
            lines.append("Critical path: \(longest.tasks.count) tasks over \(days(longest.minutes, conventions)) (\(longest.tasks.map(\.rawValue).joined(separator: " → "))).")
        }
        lines.append("Critical tasks: \(result.criticalTaskCount).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2024-03-04 08:00`.
    static func readable(_ moment: CivilDateTime?) -> String {
        guard let text = moment?.description else { return "?" }
        return text.prefix(10) + " " + text.dropFirst(11).prefix(5)
    }

    /// `12 days`, `2.5 days`, `1 day`, in the plan's working days.
    static func days(_ minutes: Int, _ conventions: TimeConventions) -> String {
        let perDay = max(conventions.minutesPerDay, 1)
        let hundredths = (minutes * 100 + perDay / 2) / perDay
        var text = String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 { text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)") }
        return text + (hundredths == 100 ? " day" : " days")
    }
}
