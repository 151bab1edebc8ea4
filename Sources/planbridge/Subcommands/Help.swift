/// `planbridge help [subcommand]`, the same text as `--help`.
enum Help {
    static let subcommand = Subcommand(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "help",
        abstract: "Show help for planbridge or one of its subcommands.",
        arguments: [ArgumentSpec(name: "subcommand", help: "The subcommand to explain.", isOptional: true)]
    )

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let program = CommandTable.program
        guard let name = arguments.arguments["subcommand"] else {
            context.console.print(program.helpText())
            return .success
        }
        guard let command = program.command(named: name) else {
            let error = UsageError(
                "unknown subcommand '\(name)'", suggestion: closest(to: name, among: program.commands.map(\.name)), command: "help")
            context.console.reportUsageError(program.errorText(for: error))
            return .usageError
        }
        context.console.print(program.helpText(for: command))
        return .success
    }
}
