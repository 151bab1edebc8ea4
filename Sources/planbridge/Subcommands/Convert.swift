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

            Batch conversion: 'convert IN... --out-dir DIR --to FORMAT' converts every input file, \
            every plan file in an input folder (recursively) and every file a quoted glob pattern \
            matches, in parallel. Outputs mirror each input's path below its folder, with the \
            output format's extension. One bad file does not stop the others: each file gets a \
            line on stderr (a progress line on a terminal), then a summary. Exit status: 0 when \
            every file was converted, 1 when some failed, 3 when none could be read, 130 when \
            interrupted (Ctrl-C stops cleanly: no partial or temporary files are left).

            --shard K/N (K from 1 to N) takes only the files whose path below their input folder \
            hashes (FNV-1a, 64 bits) to shard K, so that N machines given the same inputs share \
            them without overlap.
            """,
        arguments: [
            ArgumentSpec(name: "input", help: "The plan to read, or '-' for standard input."),
            ArgumentSpec(
                name: "output",
                help: "Where to write the result, or '-' for standard output. With --out-dir: more inputs (files, folders or glob patterns).",
                isOptional: true, isRepeated: true),
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
            .value("out-dir", placeholder: "dir", help: "Batch conversion: write every output below this folder."),
            .value("jobs", placeholder: "n", help: "Batch: convert this many files at once (default: the number of cores)."),
            .value("report", placeholder: "file", help: "Batch: write every file's result as JSON to this file."),
            .flag("skip-existing", help: "Batch: skip a file whose output exists and is newer than it."),
            .value("shard", placeholder: "k/n", help: "Batch: convert only shard K of N (K from 1 to N)."),
            .flag("list", help: "Batch: print each input and its output, and convert nothing."),
        ]
    )

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let batch = arguments.value("out-dir") != nil
        if !batch, let option = BatchOptions.batchOnly.first(where: { arguments.value($0) != nil || arguments.flag($0) }) {
            return usageError("'--\(option)' is only for batch conversion; give --out-dir <dir>", context)
        }
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
                return usageError("the value '\(text)' is invalid for '--schedule-from <date>'; use YYYY-MM-DD", context)
            }
            scheduleFrom = day
        }
        var readOptions = ReadOptions()
        readOptions.jiraCSV = jira.read
        var writeOptions = writeOptions(arguments, context)
        writeOptions.jiraCSV = jira.write
        let settings = { (writer: any PlanWriter) in
            ConversionSettings(
                explicitFormat: arguments.value("from"), writer: writer, readOptions: readOptions, writeOptions: writeOptions,
                schedulesDateless: !arguments.flag("no-schedule"), scheduleFrom: scheduleFrom, today: context.timestamp.date)
        }
        if batch { return BatchConvert.run(arguments, settings: settings, context: context) }

        // The single-file form: exactly one output after the input.
        let outputs = arguments.repeated["output"] ?? []
        guard let outputPath = outputs.first else { return usageError("missing expected argument '<output>'", context) }
        if outputs.count > 1 { return usageError("unexpected argument '\(outputs[1])'", context) }
        let inputPath = arguments[argument: "input"]
        let toStandardOutput = outputPath == "-"
        let force = arguments.flag("force")

        // Everything that can be checked from the command line alone is checked before reading.
        let writer: any PlanWriter
        do throws(PlanError) {
            writer = try Self.writer(context.registry, path: toStandardOutput ? nil : outputPath, explicit: arguments.value("to"))
            if !toStandardOutput { try OutputFile.checkDestination(outputPath, force: force) }
        } catch {
            return Tool.fail(error, during: .output, context: context)
        }

        let result = Conversion.run(
            inputPath, settings: settings(writer), registry: context.registry, standardInput: context.readStandardInput
        ) { (bytes: [UInt8]) throws(PlanError) in
            try OutputFile.deliver(bytes, to: toStandardOutput ? nil : outputPath, force: force, console: context.console)
        }
        switch result {
        case .success(let outcome):
            context.console.report(outcome.diagnostics)
            return .success
        case .failure(let failure):
            context.console.report(failure.earlier)
            return Tool.fail(failure.error, during: failure.stage, context: context)
        }
    }

    /// The output format's writer, from --to or the output's extension.
    static func writer(_ registry: FormatRegistry, path: String?, explicit: String?) throws(PlanError) -> any PlanWriter {
        let target = try registry.detectOutput(path: path, explicit: explicit)
        guard let found = target.writer else {
            throw PlanError(.unsupportedFormat, Diagnostic(.formatNotWritable, "\(target.displayName) can be read but not written"))
        }
        return found
    }

    static func usageError(_ message: String, _ context: ToolContext) -> ExitStatus {
        context.console.reportUsageError(CommandTable.program.errorText(for: UsageError(message, command: spec.name)))
        return .usageError
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
