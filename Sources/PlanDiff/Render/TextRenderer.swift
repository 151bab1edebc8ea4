import PlanModel

/// The report for people at a terminal: summary first, then every change, in aligned tables.
/// Colour (bold headings, later dates red, earlier green) only when asked for.
public struct TextRenderer: Sendable {
    public var usesColour: Bool

    public init(usesColour: Bool = false) { self.usesColour = usesColour }

    public func render(_ report: DiffReport) -> String {
        var lines: [String] = []
        lines.append(bold("Diff of \(report.baselineName) (baseline) and \(report.currentName) (current)"))
        lines.append("Tasks: " + ReportText.matchLine(report.matching))
        lines.append("Project finish: " + ReportText.finishLine(report.summary))
        let summary = report.summary
        guard report.hasDifferences else {
            lines.append("")
            lines.append("No differences.")
            return lines.joined(separator: "\n") + "\n"
        }

        lines.append("")
        lines.append(bold("Changes by kind"))
        lines += table(["Kind", "Count"], summary.orderedCounts.map { [$0.kind.rawValue, String($0.count)] }, right: [1])

        if !summary.milestones.isEmpty {
            lines.append("")
            lines.append(bold("Milestones"))
            lines += table(["ID", "Milestone", "Baseline", "Current", "Slip (wd)", "Slip (days)"], summary.milestones.map {
                [$0.task.id, $0.task.name, ValueText.date($0.baseline) ?? "-", ValueText.date($0.current) ?? "-",
                 ReportText.workingDays($0.slip), ReportText.calendarDays($0.slip)]
            }, right: [4, 5], slipColumns: [4, 5])
        }

        if !summary.largestSlips.isEmpty {
            lines.append("")
            lines.append(bold("Largest slips"))
            lines += table(["ID", "Task", "Before", "After", "Slip (wd)", "Slip (days)"], summary.largestSlips.map {
                [$0.id, ValueText.oneLine($0.name, limit: 40), $0.before ?? "", $0.after ?? "",
                 ReportText.workingDays($0.slip), ReportText.calendarDays($0.slip)]
            }, right: [4, 5], slipColumns: [4, 5])
        }

        if let critical = summary.criticalPath {
            lines.append("")
            lines.append(bold("Critical path"))
            lines.append("  before: \(critical.before.count) tasks; now: \(critical.after.count) tasks")
            lines.append("  joined: " + ReportText.names(critical.joined))
            lines.append("  left:   " + ReportText.names(critical.left))
        }

        lines.append("")
        lines.append(bold("Changes"))
        lines += table(ReportText.changeHeaders, report.changes.map { ReportText.row($0, limit: 40) }, right: [6, 7], slipColumns: [6, 7])
        return lines.joined(separator: "\n") + "\n"
    }

    private func bold(_ text: String) -> String { usesColour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    /// Two-space indented columns two spaces apart, trailing blanks trimmed.
    func table(_ headers: [String], _ rows: [[String]], right: Set<Int> = [], slipColumns: Set<Int> = []) -> [String] {
        var widths = headers.map(\.count)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
        func line(_ cells: [String], header: Bool) -> String {
            var parts: [String] = []
            for (k, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[k] - cell.count)
                var text = right.contains(k) ? padding + cell : cell + padding
                if usesColour {
                    if header {
                        text = "\u{1B}[1m\(text)\u{1B}[0m"
                    } else if slipColumns.contains(k), cell.hasPrefix("+") {
                        text = "\u{1B}[31m\(text)\u{1B}[0m"
                    } else if slipColumns.contains(k), cell.hasPrefix("-") {
                        text = "\u{1B}[32m\(text)\u{1B}[0m"
                    }
                }
                parts.append(text)
            }
            var joined = "  " + parts.joined(separator: "  ")
            while joined.last == " " { joined.removeLast() }
            return joined
        }
        return [line(headers, header: true)] + rows.map { line($0, header: false) }
    }
}
