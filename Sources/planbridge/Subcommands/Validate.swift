import Foundation
import PlanFormats
import PlanModel
import PlanValidation

/// `planbridge validate FILE...`: structure, semantics and (on request) the DCMA 14-point checks.
enum Validate {
    static let subcommand = Subcommand(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check a plan's structure, logic and schedule quality.",
        discussion: """
            Each file is read (the reader reports its structural problems; MS Project XML is also \
            checked against the lenient MSPDI schema, with line and column), then the plan is \
            checked for duplicate identities, dangling references, dependency cycles, impossible \
            dates, progress that contradicts itself and calendars without working time.

            LIST is comma-separated rule names, codes or groups: 'semantics' (the default) and \
            'dcma' (the DCMA 14-point assessment, reported as a table). Exit status: 0 when no \
            errors were found (no warnings either, with --strict), 1 when some were, 3 when a \
            file could not be read.
            """,
        arguments: [ArgumentSpec(name: "files", help: "The plans to check, or '-' for standard input.", isRepeated: true)],
        options: [
            .inputFormat("the files"), .reportFormat,
            .flag("strict", help: "Count warnings as errors for the exit status."),
            .value("rules", placeholder: "list", help: "Run only these rules (default: semantics)."),
            .value("disable", placeholder: "list", help: "Skip these rules."),
        ]
    )

    /// What one file gave: its format (nil when unreadable), findings in order, DCMA results.
    struct FileResult {
        var file: String
        var format: String?
        var diagnostics: [Diagnostic]
        var dcma: [DCMACheck]
    }

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let only = list(arguments.value("rules")) ?? ["semantics"]
        let disabled = list(arguments.value("disable")) ?? []
        if let unknown = (only + disabled).first(where: { !Validator.knownNames.contains($0) }) {
            let error = UsageError("unknown rule '\(unknown)'; rules are \(Validator.rules.map(\.name).joined(separator: ", ")), the DCMA checks (dcma.*) and the groups semantics and dcma", command: spec.name)
            context.console.reportUsageError(CommandTable.program.errorText(for: error))
            return .usageError
        }
        let validator = Validator(only: only, disabled: disabled)
        let results = (arguments.repeated["files"] ?? [arguments[argument: "files"]]).map {
            check($0, explicitFormat: arguments.value("from"), validator: validator, context: context)
        }
        if arguments.value("format") == "json" {
            context.console.print(json(results).rendered())
        } else {
            context.console.print(results.map { text($0, context: context) }.joined())
        }
        let all = results.flatMap(\.diagnostics)
        if results.contains(where: { $0.format == nil }) { return .inputUnreadable }
        let failing: Severity = arguments.flag("strict") ? .warning : .error
        return all.contains { $0.severity >= failing } ? .findings : .success
    }

    static func list(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    static func check(_ path: String, explicitFormat: String?, validator: Validator, context: ToolContext) -> FileResult {
        let loaded: LoadedPlans
        do {
            loaded = try PlanLoading.load(path, explicitFormat: explicitFormat, context: context)
        } catch {
            return FileResult(file: path, format: nil, diagnostics: [error.diagnostic] + error.related, dcma: [])
        }
        var structure = loaded.diagnostics
        if loaded.format.id == "mspdi", let schema = XSDSchema.mspdiLenient {
            structure += XSDValidator(schema: schema).validate([UInt8](loaded.input.data), sourceName: loaded.input.sourceName)
        }
        let report = validator.validate(loaded.result.plan, source: loaded.input.sourceName)
        return FileResult(file: loaded.input.sourceName, format: loaded.format.id, diagnostics: structure + report.diagnostics, dcma: report.dcma)
    }

    /// Compiler-style lines, the DCMA table when it ran, and a count per file.
    static func text(_ result: FileResult, context: ToolContext) -> String {
        var lines = result.diagnostics.map { context.console.render($0) }
        if !result.dcma.isEmpty {
            lines.append("\(result.file): DCMA 14-point assessment")
            lines += result.dcma.map(\.tableRow)
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        lines.append("\(result.file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")" + (result.format == nil ? " (not readable)" : ""))
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ results: [FileResult]) -> JSONValue {
        .object([
            ("files", .array(results.map { (result: FileResult) -> JSONValue in
                .object([
                    ("file", .string(result.file)),
                    ("format", .string(result.format)),
                    ("readable", .bool(result.format != nil)),
                    ("errors", .int(result.diagnostics.filter { $0.severity == .error }.count)),
                    ("warnings", .int(result.diagnostics.filter { $0.severity == .warning }.count)),
                    ("diagnostics", .array(result.diagnostics.map(\.json))),
                    ("dcma", .array(result.dcma.map(\.json))),
                ])
            })),
        ])
    }
}
