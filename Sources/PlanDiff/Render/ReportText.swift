import PlanModel

/// Pieces every renderer shares.
enum ReportText {
    /// `+2`, `-0.5`, `0`.
    static func signed(_ text: String) -> String { text.hasPrefix("-") || text == "0" ? text : "+" + text }

    static func workingDays(_ slip: Slip?) -> String { slip.map { signed($0.workingDaysText) } ?? "" }

    static func calendarDays(_ slip: Slip?) -> String { slip.map { signed(String($0.calendarDays)) } ?? "" }

    /// `+2 working days, +4 calendar days`.
    static func slipPhrase(_ slip: Slip) -> String {
        let days = slip.workingDaysText
        let calendar = slip.calendarDays
        return "\(signed(days)) working \(days == "1" || days == "-1" ? "day" : "days"), "
            + "\(signed(String(calendar))) calendar \(calendar.magnitude == 1 ? "day" : "days")"
    }

    /// `2024-03-07 17:00 -> 2024-03-11 17:00 (+2 working days, +4 calendar days)`.
    static func finishLine(_ summary: DiffSummary) -> String {
        let before = ValueText.date(summary.baselineFinish) ?? "none"
        let after = ValueText.date(summary.currentFinish) ?? "none"
        guard let slip = summary.finishSlip else { return "\(before) -> \(after)" }
        return "\(before) -> \(after) (\(slipPhrase(slip)))"
    }

    /// `5 tasks in the baseline, 6 now: 4 matched (3 by identity, 1 renamed-in-place), 2 added, 1 removed.`
    static func matchLine(_ m: MatchSummary) -> String {
        let rules = MatchRule.allCases.compactMap { rule in m.byRule[rule].map { "\($0) by \(rule.rawValue)" } }
        var text = "\(m.baselineTasks) tasks in the baseline, \(m.currentTasks) now: \(m.matched) matched"
        if !rules.isEmpty { text += " (" + rules.joined(separator: ", ") + ")" }
        text += ", \(m.added) added, \(m.removed) removed."
        if m.identitiesSetAside { text += " Identities differ between the plans, so tasks were matched by outline and name." }
        return text
    }

    static func names(_ tasks: [TaskRef]) -> String {
        tasks.isEmpty ? "none" : tasks.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
    }

    /// The row every tabular renderer prints for one change.
    static func row(_ change: Change, limit: Int?) -> [String] {
        let cut = { (text: String?) in limit.map { ValueText.oneLine(text ?? "", limit: $0) } ?? (text ?? "") }
        return [change.kind.rawValue, change.id, cut(change.name), change.field ?? "", cut(change.before), cut(change.after),
                workingDays(change.slip), calendarDays(change.slip), change.match?.rawValue ?? ""]
    }

    static let changeHeaders = ["Kind", "ID", "Name", "Field", "Before", "After", "Slip (wd)", "Slip (days)", "Match"]
}
