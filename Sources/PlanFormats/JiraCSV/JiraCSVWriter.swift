import PlanModel

/// Writes a `Plan` as CSV that Jira's importer takes (External System Import on Cloud and
/// Server/DC): a `Summary` column, a file-local `Issue Id`, `Parent` (Cloud) and `Parent Id`
/// (Server) naming the parent's Issue Id with parents above children, `Issue Type` from the
/// outline, estimates in seconds, dates in one format, multi-values and links as repeated columns.
/// What Jira cannot hold is counted in the loss report.
///
/// Columns Jira's own export had and the model kept as `jira:` extensions are written back, so a
/// Jira → PlanBridge → Jira round trip keeps them.
public struct JiraCSVWriter: PlanWriter {
    public init() {}

    public func write(_ plan: Plan, options: WriteOptions) throws(PlanError) -> WriteResult {
        let document = JiraCSVDocument(plan: plan, options: options.jiraCSV)
        let bytes = document.render()
        return WriteResult(bytes: bytes, loss: JiraCSVLoss.report(for: plan, document: document))
    }

    /// Jira's five default priorities for MS Project's 0–1000 scale.
    static func priorityName(_ priority: Int) -> String {
        switch priority {
        case 800...: return "Highest"
        case 600..<800: return "High"
        case 401..<600: return "Medium"
        case 201...400: return "Low"
        default: return "Lowest"
        }
    }
}
