import PlanModel

/// The report for machines, documented by `schemas/diff.schema.json`. Keys in a fixed order,
/// absent values left out, one change per line so that the output diffs well itself.
public struct JSONRenderer: Sendable {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        let summary = report.summary
        let m = report.matching
        var out = "{\n"
        out += "  \"format\": \"planbridge-diff\",\n  \"version\": 1,\n"
        out += "  \"baseline\": \(string(report.baselineName)),\n  \"current\": \(string(report.currentName)),\n"
        out += "  \"hasDifferences\": \(report.hasDifferences),\n"
        var matching: [(String, String)] = [("baselineTasks", "\(m.baselineTasks)"), ("currentTasks", "\(m.currentTasks)"), ("matched", "\(m.matched)")]
        matching.append(("byRule", object(MatchRule.allCases.compactMap { rule in m.byRule[rule].map { (rule.rawValue, "\($0)") } })))
        matching += [("added", "\(m.added)"), ("removed", "\(m.removed)"), ("identitiesSetAside", "\(m.identitiesSetAside)")]
        out += "  \"matching\": \(object(matching)),\n"

        out += "  \"summary\": {\n"
        var finish: [(String, String)] = []
        if let date = ValueText.date(summary.baselineFinish) { finish.append(("baseline", string(date))) }
        if let date = ValueText.date(summary.currentFinish) { finish.append(("current", string(date))) }
        finish += slipMembers(summary.finishSlip)
        out += "    \"projectFinish\": \(object(finish)),\n"
        out += "    \"counts\": \(object(summary.orderedCounts.map { ($0.kind.rawValue, "\($0.count)") })),\n"
        out += "    \"milestones\": " + array(summary.milestones.map { row in
            var members = [("id", string(row.task.id)), ("name", string(row.task.name))]
            if let date = ValueText.date(row.baseline) { members.append(("baseline", string(date))) }
            if let date = ValueText.date(row.current) { members.append(("current", string(date))) }
            return object(members + slipMembers(row.slip))
        }, indent: "    ") + ",\n"
        out += "    \"largestSlips\": " + array(summary.largestSlips.map(change), indent: "    ")
        if let critical = summary.criticalPath {
            out += ",\n    \"criticalPath\": {\n"
            let parts = [("before", critical.before), ("after", critical.after), ("joined", critical.joined), ("left", critical.left)]
            out += parts.map { name, tasks in
                "      \(string(name)): [" + tasks.map { object([("id", string($0.id)), ("name", string($0.name))]) }.joined(separator: ", ") + "]"
            }.joined(separator: ",\n")
            out += "\n    }"
        }
        out += "\n  },\n"
        out += "  \"changes\": " + array(report.changes.map(change), indent: "  ") + "\n}\n"
        return out
    }

    private func change(_ change: Change) -> String {
        var members = [("kind", string(change.kind.rawValue)), ("id", string(change.id))]
        if let id = change.baselineID { members.append(("baselineID", string(id))) }
        members.append(("name", string(change.name)))
        if let field = change.field { members.append(("field", string(field))) }
        if let before = change.before { members.append(("before", string(before))) }
        if let after = change.after { members.append(("after", string(after))) }
        members += slipMembers(change.slip)
        if let rule = change.match { members.append(("match", string(rule.rawValue))) }
        return object(members)
    }

    private func slipMembers(_ slip: Slip?) -> [(String, String)] {
        guard let slip else { return [] }
        return [("workingDays", slip.workingDaysText), ("workingMinutes", "\(slip.workingMinutes)"), ("calendarDays", "\(slip.calendarDays)")]
    }

    private func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private func array(_ items: [String], indent: String) -> String {
        guard !items.isEmpty else { return "[]" }
        return "[\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "]"
    }

    func string(_ text: String) -> String { JSONStringLiteral.quoted(text) }
}

/// The report formats `planbridge diff --format` offers.
public enum DiffFormat: String, CaseIterable, Sendable {
    case text, json, csv, markdown, html

    public func render(_ report: DiffReport, usesColour: Bool = false) -> String {
        switch self {
        case .text: return TextRenderer(usesColour: usesColour).render(report)
        case .json: return JSONRenderer().render(report)
        case .csv: return CSVRenderer().render(report)
        case .markdown: return MarkdownRenderer().render(report)
        case .html: return HTMLDiffRenderer().render(report)
        }
    }
}
