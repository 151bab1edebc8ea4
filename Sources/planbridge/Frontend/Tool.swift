import PlanModel

/// Runs one command line: parse, dispatch, print usage errors. Everything the process does goes
/// through here, so in-process tests see exactly what the executable does.
struct Tool {
    var context: ToolContext

    func run(_ arguments: [String]) -> ExitStatus {
        let program = CommandTable.program
        let invocation: Invocation
        do {
            invocation = try program.parse(arguments)
        } catch {
            context.console.reportUsageError(program.errorText(for: error))
            return .usageError
        }
        switch invocation {
        case .showVersion:
            context.console.print("\(program.name) \(program.version)\n")
            return .success
        case .showHelp(let name):
            let spec = name.flatMap(program.command(named:))
            context.console.print(spec.map(program.helpText(for:)) ?? program.helpText())
            return .success
        case .run(let name, let parsed):
            guard let subcommand = CommandTable.subcommand(named: name) else { return .usageError }
            return subcommand.run(parsed, context)
        }
    }

    /// Prints a failure the way every command does and says which status it means. The fatal
    /// diagnostic and the findings collected with it are printed in source order, as a compiler
    /// does; findings without a line (a detection warning) come first.
    static func fail(_ error: PlanError, during stage: Stage, context: ToolContext) -> ExitStatus {
        let all = [error.diagnostic] + error.related
        let position = { (d: Diagnostic) in [d.location?.line ?? 0, d.location?.column ?? 0, d.location?.row ?? 0] }
        let ordered = all.enumerated().sorted { a, b in
            let (pa, pb) = (position(a.element), position(b.element))
            return pa == pb ? a.offset < b.offset : pa.lexicographicallyPrecedes(pb)
        }
        context.console.report(ordered.map(\.element))
        return ExitStatus(error, during: stage)
    }
}
