import PlanModel

/// Reads Jira's CSV exports (Cloud and Server/Data Center, "all fields" and "current fields", in
/// English or Spanish) into a `Plan`.
///
/// The CSV is tokenized over bytes by position, because Jira repeats header names; headers are
/// recognised through per-language alias tables; dates are detected per column. Epics and parents
/// become summary tasks, `Blocks` and Gantt links become dependencies, estimates in seconds become
/// work. Issues without dates keep none: scheduling them is a later step of the pipeline, never the
/// reader's. Whatever the model has no field for is kept as `jira:` extensions so that a Jira →
/// Jira round trip loses nothing.
public struct JiraCSVReader: PlanReader {
    public init() {}

    public func read(_ input: PlanInput, options: ReadOptions) throws(PlanError) -> ReadResult {
        var diagnostics = JiraDiagnostics(sourceName: input.sourceName)
        let outcome: Result<Plan, PlanError> = input.data.withUnsafeBytes { raw in
            do throws(PlanError) {
                let table = try JiraTable(bytes: raw.bindMemory(to: UInt8.self), diagnostics: &diagnostics)
                var builder = JiraPlanBuilder(table: table, dateFormat: options.jiraCSV.dateFormat, diagnostics: diagnostics)
                let plan = builder.build()
                diagnostics = builder.diagnostics
                return .success(plan)
            } catch {
                return .failure(error)
            }
        }
        let plan = try outcome.get()
        var findings = diagnostics.finished()
        if options.strict, let first = findings.firstIndex(where: { $0.severity >= .warning }) {
            var promoted = findings.remove(at: first)
            promoted.severity = .error
            throw PlanError(.unreadableInput, promoted, related: findings)
        }
        return ReadResult(plan: plan, diagnostics: findings)
    }
}
