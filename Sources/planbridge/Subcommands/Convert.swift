import PlanFormats
import PlanModel

/// `planbridge convert IN OUT`: reader → canonical plan → writer, with the loss report on stderr.
enum Convert {
    static let subcommand = Subcommand(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "convert",
        abstract: "Convert a plan from one format to another.",
        discussion: """
            Reads the input in its own format and writes it in another, through PlanBridge's one \
            model of a plan. What the output format cannot hold is reported on stderr as warnings. \
            Use '-' for standard input or output.

            An existing output is only replaced with --force, and only once the conversion has \
            succeeded: a failed conversion leaves no file behind.

            Outputs that carry a time stamp (iCalendar's DTSTAMP) use the current time, or \
            SOURCE_DATE_EPOCH when it is set, for reproducible output.
            """,
        arguments: [
            ArgumentSpec(name: "input", help: "The plan to read, or '-' for standard input."),
            ArgumentSpec(name: "output", help: "Where to write the result, or '-' for standard output."),
        ],
        options: [
            .inputFormat("the input"),
            .value("to", placeholder: "format", help: "The output format (default: from the output's extension)."),
            .flag("force", help: "Replace the output if it exists."),
            .value("schedule-from", placeholder: "date", help: "A plan without dates (a Jira export) is scheduled from this day (default: its earliest actual start, else today)."),
            .flag("no-schedule", help: "Write a plan without dates as it is, without scheduling it."),
            .flag("ics-tasks", help: "iCalendar output: also write every other task as an event spanning its dates."),
            .flag("ics-todos", help: "iCalendar output: also write every task as a to-do (VTODO), for task apps."),
            .value(
                "ics-timed", placeholder: "style", choices: ["utc", "local"],
                help: "iCalendar output: timed events in UTC or with the plan's zone (TZID), instead of all-day dates."),
            .value("ics-timezone", placeholder: "zone", help: "iCalendar output: the IANA zone the plan's times are in (default: the plan's own)."),
            .value(
                "jira-date-format", placeholder: "pattern",
                help: "Jira CSV: the date format (Java SimpleDateFormat letters, e.g. 'dd/MMM/yy h:mm a') of the input's dates instead of detecting it, and of the output's dates (default 'dd/MMM/yy h:mm a')."),
            .value(
                "jira-issue-types", placeholder: "mapping",
                help: "Jira CSV output: issue types by outline place, e.g. 'epic=Epic,standard=Story,subtask=Sub-task'."),
        ]
    )

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let inputPath = arguments[argument: "input"]
        let outputPath = arguments[argument: "output"]
        let toStandardOutput = outputPath == "-"
        let force = arguments.flag("force")
        let jira: (read: JiraCSVReadOptions, write: JiraCSVWriteOptions)
        switch jiraOptions(arguments) {
        case .success(let options): jira = options
        case .failure(let error):
            context.console.reportUsageError(CommandTable.program.errorText(for: error))
            return .usageError
        }

        var scheduleFrom: CivilDate?
        if let text = arguments.value("schedule-from") {
            guard let day = CivilDate(iso: text) else {
                let error = UsageError("the value '\(text)' is invalid for '--schedule-from <date>'; use YYYY-MM-DD", command: spec.name)
                context.console.reportUsageError(CommandTable.program.errorText(for: error))
                return .usageError
            }
            scheduleFrom = day
        }

        // Everything that can be checked from the command line alone is checked before reading.
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
            var readOptions = ReadOptions()
            readOptions.jiraCSV = jira.read
            loaded = try PlanLoading.load(inputPath, explicitFormat: arguments.value("from"), options: readOptions, context: context)
        } catch {
            return Tool.fail(error, during: .input, context: context)
        }
        context.console.report(loaded.diagnostics)
        if loaded.result.plans.count > 1 {
            context.console.report([Diagnostic(
                .cliExtraPlans, "the input holds \(loaded.result.plans.count) plans; converting only the first",
                at: SourceLocation(file: loaded.input.sourceName))])
        }

        var plan = loaded.result.plan
        if !arguments.flag("no-schedule"), DatelessScheduling.applies(to: plan) {
            let scheduled = DatelessScheduling.schedule(plan, from: scheduleFrom, today: context.timestamp.date, source: loaded.input.sourceName)
            plan = scheduled.plan
            context.console.report(scheduled.diagnostics)
        }

        do throws(PlanError) {
            var options = writeOptions(arguments, context)
            options.jiraCSV = jira.write
            let written = try writer.write(plan, options: options)
            if toStandardOutput {
                do {
                    try context.console.emit(written.bytes)
                } catch {
                    throw OutputFile.failure("-", error.errno)
                }
            } else {
                try OutputFile.write(written.bytes, to: outputPath, force: force)
            }
            context.console.report(written.diagnostics + written.loss.diagnostics)
        } catch {
            return Tool.fail(error, during: .output, context: context)
        }
        return .success
    }
}

extension Convert {
    /// The writer's options from the command line; the `--ics-*` ones only matter to iCalendar.
    static func writeOptions(_ arguments: ParsedArguments, _ context: ToolContext) -> WriteOptions {
        var iCalendar = ICalendarWriteOptions()
        iCalendar.includeTasks = arguments.flag("ics-tasks")
        iCalendar.includeTodos = arguments.flag("ics-todos")
        if let timed = arguments.value("ics-timed"), let timing = ICalendarWriteOptions.Timing(rawValue: timed) { iCalendar.timing = timing }
        iCalendar.timeZone = arguments.value("ics-timezone")
        return WriteOptions(timestamp: context.timestamp, iCalendar: iCalendar)
    }
}

extension LossReport {
    /// One warning per kind of loss: `warning: 3 calendars dropped [loss.calendars]`.
    var diagnostics: [Diagnostic] {
        items.map { item in
            Diagnostic(DiagnosticCode("loss.\(item.kind)", .warning), "\(item.count) \(item.kind) \(item.detail)")
        }
    }
}

extension Convert {
    /// `--jira-date-format` and `--jira-issue-types`, checked before anything is read.
    static func jiraOptions(_ arguments: ParsedArguments) -> Result<(read: JiraCSVReadOptions, write: JiraCSVWriteOptions), UsageError> {
        var read = JiraCSVReadOptions()
        var write = JiraCSVWriteOptions()
        if let text = arguments.value("jira-date-format") {
            guard let pattern = JiraDatePattern(text) else {
                return .failure(UsageError(
                    "the value '\(text)' is invalid for '--jira-date-format <pattern>'; use the letters d, M, MMM, yy, yyyy, H, h, m, s, a (e.g. 'dd/MMM/yy h:mm a')",
                    command: spec.name))
            }
            read.dateFormat = pattern
            write.dateFormat = pattern
        }
        if let text = arguments.value("jira-issue-types") {
            guard let types = JiraIssueTypes(mapping: text) else {
                return .failure(UsageError(
                    "the value '\(text)' is invalid for '--jira-issue-types <mapping>'; use e.g. 'epic=Epic,standard=Story,subtask=Sub-task'",
                    command: spec.name))
            }
            write.issueTypes = types
        }
        return .success((read, write))
    }
}
