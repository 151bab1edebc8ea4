#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PlanDiff
import PlanFormats
import PlanModel

/// `planbridge diff BASELINE CURRENT` and `planbridge diff FILE --baseline [N]`.
enum Diff {
    static let subcommand = Subcommand(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "diff",
        abstract: "Show what changed since a baseline plan.",
        discussion: """
            Matches tasks by identity first, then by outline path and name (renames and moves \
            detected), and reports tasks added, removed, renamed and moved, slips in working days \
            on the project calendar and in calendar days, duration, work, progress, constraint, \
            deadline, notes and custom field changes, links, assignments, resources and calendar \
            exceptions; a summary with the project finish, milestones, the largest slips and the \
            critical path comes first. The two files may be of different formats.

            With --baseline, FILE's current fields are compared with its own Baseline N (0-10, \
            default 0); the second argument is then N.

            Exit status: 0 no differences, 1 differences, 2 usage error, 3 unreadable input.
            """,
        arguments: [
            ArgumentSpec(name: "baseline", help: "The baseline plan (or, with --baseline, the plan)."),
            ArgumentSpec(name: "current", help: "The current plan (with --baseline: the baseline number N).", isOptional: true),
        ],
        options: [
            .value("format", placeholder: "format", choices: DiffFormat.allCases.map(\.rawValue),
                   help: "How to print the report: text, json, csv, markdown or html (default: text)."),
            .value("output", short: "o", placeholder: "file", help: "Write the report to this file instead of standard output."),
            .flag("force", help: "Replace the output file if it exists."),
            .value("match", placeholder: "rule", choices: MatchMode.allCases.map(\.rawValue),
                   help: "How tasks are paired: id, name or auto (default: auto)."),
            .value("only", placeholder: "kinds", help: "Report only these change kinds or groups (slips, added, removed, tasks, dependencies, assignments, resources, calendars), comma separated."),
            .value("threshold", placeholder: "span", help: "Leave out slips smaller than this (2d, 4h, 30m, 1w; default: report all)."),
            .flag("baseline", help: "Compare FILE with its own Baseline N."),
            .inputFormat("the inputs"),
        ]
    )

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let outputPath = arguments.value("output").flatMap { $0 == "-" ? nil : $0 }
        if let outputPath {
            do throws(PlanError) {
                try OutputFile.checkDestination(outputPath, force: arguments.flag("force"))
            } catch {
                return Tool.fail(error, during: .output, context: context)
            }
        }
        let usage = { (message: String) -> ExitStatus in
            context.console.reportUsageError(CommandTable.program.errorText(for: UsageError(message, command: spec.name)))
            return .usageError
        }
        var options = DiffOptions(match: arguments.value("match").flatMap(MatchMode.init(rawValue:)) ?? .auto)
        if let only = arguments.value("only") {
            switch ChangeKind.parseList(only) {
            case .success(let kinds): options.kinds = kinds
            case .failure(let unknown):
                return usage("unknown change kind '\(unknown.word)' for '--only <kinds>'; use \(ChangeKind.acceptedNames.joined(separator: ", "))")
            }
        }
        if let text = arguments.value("threshold") {
            guard let minutes = DiffOptions.parseThreshold(text) else {
                return usage("the value '\(text)' is invalid for '--threshold <span>'; use a number with d, h, m or w, such as 2d")
            }
            options.slipThresholdMinutes = minutes
        }

        let baselinePath = arguments[argument: "baseline"]
        let second = arguments.arguments["current"]
        let baselinePlan: Plan
        let currentPlan: Plan
        let names: (String, String)
        if arguments.flag("baseline") {
            var number = 0
            if let second {
                guard let n = Int(second), Baseline.numbers.contains(n) else {
                    return usage("with '--baseline', the second argument is a baseline number 0-10, not '\(second)'")
                }
                number = n
            }
            let loaded: Plan
            switch load(baselinePath, arguments, context) {
            case .success(let read): loaded = read.plan
            case .failure(let error): return Tool.fail(error, during: .input, context: context)
            }
            currentPlan = loaded
            baselinePlan = loaded.baselinePlan(number)
            if loaded.tasksWithBaseline(number) == 0 {
                context.console.report([Diagnostic(
                    .diffNoBaseline, "no task has Baseline \(number); every task counts as added", at: SourceLocation(file: baselinePath))])
            }
            names = (number == 0 ? "Baseline" : "Baseline \(number)", baselinePath)
        } else {
            guard let second else { return usage("missing expected argument '<current>'") }
            switch (load(baselinePath, arguments, context), load(second, arguments, context)) {
            case (.failure(let error), _), (_, .failure(let error)): return Tool.fail(error, during: .input, context: context)
            case (.success(let old), .success(let new)):
                baselinePlan = old.plan
                currentPlan = new.plan
                // A field one format cannot hold is absent, not cleared.
                options.comparesAbsentValues = old.format == new.format
            }
            names = (baselinePath, second)
        }

        let report = PlanDiffer(options).diff(baseline: baselinePlan, current: currentPlan, baselineName: names.0, currentName: names.1)
        let format = arguments.value("format").flatMap(DiffFormat.init(rawValue:)) ?? .text
        if let outputPath {
            do throws(PlanError) {
                try OutputFile.write(Array(format.render(report).utf8), to: outputPath, force: arguments.flag("force"))
            } catch {
                return Tool.fail(error, during: .output, context: context)
            }
            return report.hasDifferences ? .findings : .success
        }
        let colour = format == .text && isatty(1) == 1 && (context.environment["NO_COLOR"] ?? "").isEmpty
            && context.environment["TERM"] != "dumb"
        context.console.print(format.render(report, usesColour: colour))
        return report.hasDifferences ? .findings : .success
    }

    /// The plan in `path`, its diagnostics reported.
    private static func load(_ path: String, _ arguments: ParsedArguments, _ context: ToolContext) -> Result<(plan: Plan, format: String), PlanError> {
        do throws(PlanError) {
            let loaded = try PlanLoading.load(path, explicitFormat: arguments.value("from"), context: context)
            context.console.report(loaded.diagnostics)
            return .success((loaded.result.plan, loaded.format.id))
        } catch {
            return .failure(error)
        }
    }
}

extension DiagnosticCode {
    /// `diff FILE --baseline N` on a plan where no task saved that baseline.
    static let diffNoBaseline = DiagnosticCode("diff.no-baseline", .warning)
}
