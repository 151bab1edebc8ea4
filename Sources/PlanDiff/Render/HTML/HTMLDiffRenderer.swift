import PlanModel

/// The diff as one HTML page: the summary the other renderers print, then the Gantt chart of
/// both plans. Self-contained, so it can be attached to a status mail or printed.
public struct HTMLDiffRenderer: Sendable {
    /// Changes listed at most: a rescheduled big plan moves every task, and tens of thousands of
    /// table rows would double the page for a list the CSV report serves better.
    public static let changeLimit = 2_000

    public init() {}

    public func render(_ report: DiffReport) -> String {
        let e = HTMLDocument.escape
        let summary = report.summary
        let title = "Plan diff: \(report.baselineName) → \(report.currentName)"
        var body = "<header>\n<h1>\(e(title))</h1>\n"
        body += "<p><strong>Tasks:</strong> \(e(ReportText.matchLine(report.matching)))<br>\n"
        body += "<strong>Project finish:</strong> \(e(ReportText.finishLine(summary)))</p>\n</header>\n<main>\n"
        if !report.hasDifferences { body += "<p>No differences.</p>\n" }

        if !summary.counts.isEmpty {
            body += "<h2>Changes by kind</h2>\n"
            // Four kinds to a row: thirty kinds in one column would push the chart off the first screen.
            let counts = summary.orderedCounts
            let rows = stride(from: 0, to: counts.count, by: 4).map { start in
                counts[start..<min(start + 4, counts.count)].flatMap { [$0.kind.rawValue, String($0.count)] }
            }
            let headers = Array([[String]](repeating: ["Kind", "Count"], count: min(4, counts.count)).joined())
            body += HTMLDocument.table(headers, rows, numeric: [1, 3, 5, 7])
        }
        if !summary.milestones.isEmpty {
            body += "<h2>Milestones</h2>\n"
            body += HTMLDocument.table(["ID", "Milestone", "Baseline", "Current", "Slip (wd)", "Slip (days)"], summary.milestones.map {
                [$0.task.id, $0.task.name, ValueText.date($0.baseline) ?? "–", ValueText.date($0.current) ?? "–",
                 ReportText.workingDays($0.slip), ReportText.calendarDays($0.slip)]
            }, numeric: [4, 5])
        }
        if !summary.largestSlips.isEmpty {
            body += "<h2>Largest slips</h2>\n"
            body += HTMLDocument.table(["ID", "Task", "Before", "After", "Slip (wd)", "Slip (days)"], summary.largestSlips.map {
                [$0.id, $0.name, $0.before ?? "", $0.after ?? "", ReportText.workingDays($0.slip), ReportText.calendarDays($0.slip)]
            }, numeric: [4, 5])
        }
        if let critical = summary.criticalPath {
            body += "<h2>Critical path</h2>\n<ul>\n"
            body += "<li>Before: \(critical.before.count) tasks; now: \(critical.after.count) tasks</li>\n"
            body += "<li>Joined: \(e(ReportText.names(critical.joined)))</li>\n"
            body += "<li>Left: \(e(ReportText.names(critical.left)))</li>\n</ul>\n"
        }
        if let gantt = report.gantt {
            body += "<h2 id=\"gantt\">Gantt chart</h2>\n"
            body += GanttChart(gantt, comparesBaseline: true).render()
        }
        if report.hasDifferences {
            let listed = report.changes.prefix(Self.changeLimit)
            body += "<h2>Changes</h2>\n<details\(report.changes.count <= GanttChart.openLimit ? " open" : "")><summary>\(report.changes.count) changes</summary>\n"
            if listed.count < report.changes.count {
                body += "<p class=\"note\">The first \(listed.count) changes; --format csv or json lists all \(report.changes.count).</p>\n"
            }
            body += HTMLDocument.table(ReportText.changeHeaders, listed.map { ReportText.row($0, limit: 200) }, numeric: [6, 7])
            body += "</details>\n"
        }
        body += "</main>\n"
        return HTMLDocument.page(title: title, body: body)
    }
}

/// One plan as an HTML page: its dates, critical path and the Gantt chart with the status date.
public struct HTMLPlanRenderer: Sendable {
    public var name: String

    public init(name: String) { self.name = name }

    public func render(_ gantt: GanttRows, projectName: String?, finish: CivilDateTime?) -> String {
        let e = HTMLDocument.escape
        let title = "Plan: \(projectName.map { "\($0) (\(name))" } ?? name)"
        var body = "<header>\n<h1>\(e(title))</h1>\n<p>"
        let start = gantt.rows.compactMap(\.current?.start).min()
        body += "<strong>Tasks:</strong> \(gantt.rows.count)<br>\n"
        body += "<strong>Start:</strong> \(e(ValueText.date(start) ?? "none")); <strong>finish:</strong> \(e(ValueText.date(finish) ?? "none"))<br>\n"
        body += "<strong>Status date:</strong> \(e(ValueText.date(gantt.statusDate) ?? "none"))</p>\n</header>\n<main>\n"
        let critical = gantt.rows.filter { $0.isCritical && $0.kind != .summary }
        body += "<h2>Critical path</h2>\n"
        if critical.isEmpty {
            body += "<p>No critical tasks (the plan could not be scheduled, or nothing drives the finish).</p>\n"
        } else {
            body += "<details\(critical.count <= 50 ? " open" : "")><summary>\(critical.count) critical tasks</summary>\n"
            body += HTMLDocument.table(["ID", "Task", "Start", "Finish"], critical.map {
                [$0.id, $0.name, ValueText.date($0.current?.start) ?? "–", ValueText.date($0.current?.finish) ?? "–"]
            })
            body += "</details>\n"
        }
        body += "<h2 id=\"gantt\">Gantt chart</h2>\n" + GanttChart(gantt, comparesBaseline: false).render() + "</main>\n"
        return HTMLDocument.page(title: title, body: body)
    }
}
