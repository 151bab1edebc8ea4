/// A subcommand: how the parser and help see it, and what it does with what was parsed.
struct Subcommand: Sendable {
    var spec: CommandSpec
    var run: @Sendable (ParsedArguments, ToolContext) -> ExitStatus
}

/// The tool's commands, in the order `planbridge --help` lists them. A new command (validate,
/// diff, schedule) is one file in Subcommands/ and one line here.
enum CommandTable {
    static let all: [Subcommand] = [
        Convert.subcommand,
        Schedule.subcommand,
        Diff.subcommand,
        Report.subcommand,
        Validate.subcommand,
        Info.subcommand,
        Formats.subcommand,
        Help.subcommand,
    ]

    static let program = ProgramSpec(
        name: "planbridge",
        version: "0.1.0",
        abstract: "Convert project plans between MS Project XML, Jira CSV, iCalendar and PlanBridge JSON.",
        commands: all.map(\.spec)
    )

    static func subcommand(named name: String) -> Subcommand? { all.first { $0.spec.name == name } }
}

/// Options several commands share, declared once so they read the same everywhere.
extension OptionSpec {
    static let reportFormat = OptionSpec.value(
        "format", placeholder: "format", choices: ["text", "json"], help: "How to print the report: text or json (default: text).")

    static func inputFormat(_ what: String) -> OptionSpec {
        .value("from", placeholder: "format", help: "The format of \(what) (default: detected from its content and extension).")
    }
}
