import PlanModel

/// The report as GitHub-flavoured Markdown, for a status e-mail or a wiki page.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        let summary = report.summary
        var out = "# Plan diff: \(cell(report.baselineName)) → \(cell(report.currentName))\n\n"
        out += "- **Tasks:** \(ReportText.matchLine(report.matching))\n"
        out += "- **Project finish:** \(ReportText.finishLine(summary))\n"
        guard report.hasDifferences else { return out + "\nNo differences.\n" }

        out += "\n## Changes by kind\n\n"
        out += table(["Kind", "Count"], summary.orderedCounts.map { [$0.kind.rawValue, String($0.count)] }, right: [1])
        if !summary.milestones.isEmpty {
            out += "\n## Milestones\n\n"
            out += table(["ID", "Milestone", "Baseline", "Current", "Slip (wd)", "Slip (days)"], summary.milestones.map {
                [$0.task.id, $0.task.name, ValueText.date($0.baseline) ?? "–", ValueText.date($0.current) ?? "–",
                 ReportText.workingDays($0.slip), ReportText.calendarDays($0.slip)]
            }, right: [4, 5])
        }
        if !summary.largestSlips.isEmpty {
            out += "\n## Largest slips\n\n"
            out += table(["ID", "Task", "Before", "After", "Slip (wd)", "Slip (days)"], summary.largestSlips.map {
                [$0.id, $0.name, $0.before ?? "", $0.after ?? "", ReportText.workingDays($0.slip), ReportText.calendarDays($0.slip)]
            }, right: [4, 5])
        }
        if let critical = summary.criticalPath {
            out += "\n## Critical path\n\n"
            out += "- Before: \(critical.before.count) tasks; now: \(critical.after.count) tasks\n"
            out += "- Joined: \(cell(ReportText.names(critical.joined)))\n"
            out += "- Left: \(cell(ReportText.names(critical.left)))\n"
        }
        out += "\n## Changes\n\n"
        out += table(ReportText.changeHeaders, report.changes.map { ReportText.row($0, limit: 80) }, right: [6, 7])
        return out
    }

    private func table(_ headers: [String], _ rows: [[String]], right: Set<Int>) -> String {
        var out = "| " + headers.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + headers.indices.map { right.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// Pipes escaped and line breaks flattened, so a value stays in its cell.
    private func cell(_ text: String) -> String {
        ValueText.oneLine(text, limit: Int.max).replacingAll("|", with: "\\|")
    }
}
