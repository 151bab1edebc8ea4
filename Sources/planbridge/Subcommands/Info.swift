import PlanFormats
import PlanModel

/// `planbridge info FILE`: what is inside a plan, at a glance.
enum Info {
    static let subcommand = Subcommand(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "info",
        abstract: "Show what a plan holds, at a glance.",
        discussion: """
            Counts tasks by kind, resources by type, assignments, dependencies by type, calendars \
            with their exceptions, custom fields and kept extension data, and shows the project's \
            dates beside the range its tasks actually span, then the DCMA 14-point schedule \
            assessment (planbridge validate --rules dcma gives the offending tasks).
            """,
        arguments: [ArgumentSpec(name: "file", help: "The plan to describe, or '-' for standard input.")],
        options: [.inputFormat("the file"), .reportFormat]
    )

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let loaded: LoadedPlans
        do {
            loaded = try PlanLoading.load(arguments[argument: "file"], explicitFormat: arguments.value("from"), context: context)
        } catch {
            return Tool.fail(error, during: .input, context: context)
        }
        context.console.report(loaded.diagnostics)
        let summary = PlanSummary(loaded)
        context.console.print(arguments.value("format") == "json" ? summary.json.rendered() : summary.text)
        return .success
    }
}
