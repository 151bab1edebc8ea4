import PlanDiff
import PlanFormats
import PlanModel
import PlanSchedule

/// `planbridge report FILE --format html`: one plan as a page with its Gantt chart.
enum Report {
    static let subcommand = Subcommand(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "report",
        abstract: "Draw a plan as an HTML page with a Gantt chart.",
        discussion: """
            Schedules the plan (as planbridge schedule does) and writes one self-contained HTML \
            file: no scripts and nothing loaded from the network, so it opens offline and prints. \
            The chart shows every task in outline order, milestones as diamonds, the critical \
            path outlined and a line at the status date (the plan's, --status-date, or today). \
            A plan that cannot be scheduled is drawn with the dates it holds.
            """,
        arguments: [ArgumentSpec(name: "file", help: "The plan to draw, or '-' for standard input.")],
        options: [
            .value("format", placeholder: "format", choices: ["html"], help: "The report format: html (the default and only one)."),
            .value("output", short: "o", placeholder: "file", help: "Write the report to this file instead of standard output."),
            .flag("force", help: "Replace the output file if it exists."),
            .value("status-date", placeholder: "date", help: "The date to mark (default: the plan's status date, else today)."),
            .inputFormat("the file"),
        ]
    )

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let outputPath = arguments.value("output").flatMap { $0 == "-" ? nil : $0 }
        let force = arguments.flag("force")
        var statusOption: CivilDateTime?
        if let text = arguments.value("status-date") {
            guard let parsed = Schedule.parseDate(text) else {
                let error = UsageError("the value '\(text)' is invalid for '--status-date <date>'; use YYYY-MM-DD or YYYY-MM-DDTHH:MM", command: spec.name)
                context.console.reportUsageError(CommandTable.program.errorText(for: error))
                return .usageError
            }
            statusOption = CivilDateTime(date: parsed.date, time: parsed.time ?? TimeOfDay(hour: 17, minute: 0)!)
        }
        if let outputPath {
            do throws(PlanError) {
                try OutputFile.checkDestination(outputPath, force: force)
            } catch {
                return Tool.fail(error, during: .output, context: context)
            }
        }

        let loaded: LoadedPlans
        do {
            loaded = try PlanLoading.load(arguments[argument: "file"], explicitFormat: arguments.value("from"), context: context)
        } catch {
            return Tool.fail(error, during: .input, context: context)
        }
        context.console.report(loaded.diagnostics)
        var plan = loaded.result.plan
        // The timestamp, not the wall clock, so SOURCE_DATE_EPOCH (and tests) pin "today".
        let status = statusOption ?? plan.project.statusDate ?? context.timestamp
        let result = Scheduler(ScheduleOptions(statusDate: statusOption ?? plan.project.statusDate)).schedule(plan)
        context.console.report(result.diagnostics)
        var critical: Set<TaskID> = []
        if result.isScheduled {
            plan = result.apply(to: plan)
            critical = Set(result.tasks.filter { $0.value.isCritical && !$0.value.isSummary }.keys)
        }
        let gantt = GanttRows(plan: plan, critical: critical, statusDate: status)
        let finish = result.projectFinish ?? plan.tasks.compactMap(\.finish).max()
        let html = HTMLPlanRenderer(name: arguments[argument: "file"]).render(gantt, projectName: plan.project.name, finish: finish)

        do throws(PlanError) {
            try OutputFile.deliver(Array(html.utf8), to: outputPath, force: force, console: context.console)
        } catch {
            return Tool.fail(error, during: .output, context: context)
        }
        return .success
    }
}
