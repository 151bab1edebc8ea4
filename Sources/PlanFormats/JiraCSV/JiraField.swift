/// A Jira column the reader knows by meaning, whatever the export's language or era calls it.
/// The raw value is the English header Jira Cloud writes today; it names the column in
/// extensions (`jira:Resolution`) and in what the writer emits.
enum JiraField: String, CaseIterable, Sendable {
    case summary = "Summary"
    case issueKey = "Issue key"
    case issueID = "Issue id"
    case issueType = "Issue Type"
    case status = "Status"
    case statusCategory = "Status Category"
    case statusCategoryChanged = "Status Category Changed"
    case priority = "Priority"
    case resolution = "Resolution"
    case projectKey = "Project key"
    case projectName = "Project name"
    case projectType = "Project type"
    case projectLead = "Project lead"
    case projectLeadID = "Project lead id"
    case projectDescription = "Project description"
    case assignee = "Assignee"
    case assigneeID = "Assignee Id"
    case reporter = "Reporter"
    case reporterID = "Reporter Id"
    case creator = "Creator"
    case creatorID = "Creator Id"
    case created = "Created"
    case updated = "Updated"
    case lastViewed = "Last Viewed"
    case resolved = "Resolved"
    case votes = "Votes"
    case description = "Description"
    case environment = "Environment"
    case originalEstimate = "Original estimate"
    case remainingEstimate = "Remaining Estimate"
    case timeSpent = "Time Spent"
    case workRatio = "Work Ratio"
    case totalOriginalEstimate = "Σ Original Estimate"
    case totalRemainingEstimate = "Σ Remaining Estimate"
    case totalTimeSpent = "Σ Time Spent"
    case securityLevel = "Security Level"
    case logWork = "Log Work"
    case labels = "Labels"
    case sprint = "Sprint"
    case components = "Components"
    case fixVersions = "Fix versions"
    case affectsVersions = "Affects versions"
    case watchers = "Watchers"
    case watchersID = "Watchers Id"
    case comment = "Comment"
    case attachment = "Attachment"
    /// Server/DC: the numeric Issue id of a sub-task's parent.
    case parentID = "Parent id"
    /// Cloud 2024+: the numeric Issue id of the parent (story → epic, sub-task → story).
    case parent = "Parent"
    case parentKey = "Parent key"
    case parentSummary = "Parent summary"
    // Fields Jira exports as `Custom field (…)` but which the model has places for.
    case epicLink = "Custom field (Epic Link)"
    case startDate = "Custom field (Start date)"
    case targetStart = "Custom field (Target start)"
    case targetEnd = "Custom field (Target end)"
    case endDate = "Custom field (End date)"
    case actualStart = "Custom field (Actual start)"
    case actualEnd = "Custom field (Actual end)"
    case baselineStart = "Custom field (Baseline start date)"
    case baselineEnd = "Custom field (Baseline end date)"
    case dueDate = "Due date"

    var header: String { rawValue }

    /// Jira repeats these headers once per value; their values are always lists.
    var isMultiValued: Bool {
        switch self {
        case .labels, .sprint, .components, .fixVersions, .affectsVersions, .watchers, .watchersID, .comment,
            .attachment, .logWork:
            return true
        default:
            return false
        }
    }

    /// Labels, sprints, components and versions become custom fields of the plan; the other
    /// fields the model has no place for are kept as extensions.
    var isCustomField: Bool {
        switch self {
        case .labels, .sprint, .components, .fixVersions, .affectsVersions: return true
        default: return false
        }
    }

    /// Date columns that become task dates, in the order they are preferred.
    static let startSources: [JiraField] = [.startDate, .targetStart]
    static let finishSources: [JiraField] = [.dueDate, .targetEnd, .endDate]
    /// References to a parent, in the order they are preferred: keys before numeric ids.
    static let parentSources: [JiraField] = [.parentKey, .parent, .parentID, .epicLink]

    /// The `Custom field (…)` fields, by the name between the parentheses (lower-cased).
    static let byCustomFieldName: [String: JiraField] = {
        var table: [String: JiraField] = [:]
        for field in allCases where field.rawValue.hasPrefix(customFieldPrefix) {
            table[String(field.rawValue.dropFirst(customFieldPrefix.count).dropLast()).lowercased()] = field
        }
        return table
    }()

    static let customFieldPrefix = "Custom field ("
}

/// Which way an issue-link column points: `Outward issue link (Blocks)` on A holding B says
/// "A blocks B"; `Inward issue link (Blocks)` on B holding A says the same.
enum LinkDirection: String, Sendable {
    case inward = "Inward issue link"
    case outward = "Outward issue link"

    func header(type: String) -> String { "\(rawValue) (\(type))" }
}
