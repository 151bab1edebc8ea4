/// How Jira CSV is read. Part of `ReadOptions` as `jiraCSV`.
public struct JiraCSVReadOptions: Sendable {
    /// The date format every date column uses (`dd/MMM/yy h:mm a`, in Java `SimpleDateFormat`
    /// letters). Nil: detected per column among Jira's default and the locale variants.
    public var dateFormat: JiraDatePattern?

    public init(dateFormat: JiraDatePattern? = nil) {
        self.dateFormat = dateFormat
    }
}

/// How Jira CSV is written. Part of `WriteOptions` as `jiraCSV`.
public struct JiraCSVWriteOptions: Sendable {
    /// The format of every date written; the same must be typed into Jira's import wizard.
    public var dateFormat: JiraDatePattern
    /// The issue type for each level of the plan's outline.
    public var issueTypes: JiraIssueTypes

    public init(dateFormat: JiraDatePattern = .jiraDefault, issueTypes: JiraIssueTypes = JiraIssueTypes()) {
        self.dateFormat = dateFormat
        self.issueTypes = issueTypes
    }
}

/// The issue types the writer gives tasks by their place in the outline, when the plan does not
/// carry Jira's own issue type (`jira:Issue Type`, from reading a Jira export).
public struct JiraIssueTypes: Sendable, Equatable {
    /// Top-level summary tasks.
    public var epic: String
    /// Other top-level tasks and the children of an epic.
    public var standard: String
    /// Tasks under a task that is not an epic.
    public var subtask: String

    public init(epic: String = "Epic", standard: String = "Task", subtask: String = "Sub-task") {
        self.epic = epic
        self.standard = standard
        self.subtask = subtask
    }

    /// Parses `epic=Epic,standard=Story,subtask=Subtask` (any subset, any order).
    public init?(mapping: String) {
        self.init()
        for part in mapping.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard pair.count == 2, !pair[1].isEmpty else { return nil }
            switch pair[0].lowercased() {
            case "epic": epic = pair[1]
            case "standard", "task", "story": standard = pair[1]
            case "subtask", "sub-task": subtask = pair[1]
            default: return nil
            }
        }
    }
}
