import PlanModel
import PlanSchedule

/// A schedule as the plain-text table the `Fixtures/schedule/*.expected.txt` files hold, so that
/// a failing fixture shows both tables side by side:
///
///     project 2024-03-04 08:00 .. 2024-03-08 17:00
///     task  ES                EF                LS                LF                TS    FS    crit
///     A     2024-03-04 08:00  2024-03-05 17:00  2024-03-04 08:00  2024-03-05 17:00  0     0     *
///     path  A B C
///     diag  schedule.dependency-cycle
///
/// Slack is in working minutes. `start`/`finish` columns follow when they differ from the early
/// dates (ALAP, progress, manual), as `-> start .. finish`.
enum ScheduleTable {
    static func render(_ result: ScheduleResult, plan: Plan) -> String {
        var lines: [String] = []
        if let start = result.projectStart, let finish = result.projectFinish {
            lines.append("project \(moment(start)) .. \(moment(finish))")
            lines.append(row(["task", "ES", "EF", "LS", "LF", "TS", "FS", "crit"]))
        }
        for task in plan.tasks {
            guard let s = result.tasks[task.id] else { continue }
            var line = row([
                task.id.rawValue, moment(s.earlyStart), moment(s.earlyFinish), moment(s.lateStart), moment(s.lateFinish),
                String(s.totalSlack), String(s.freeSlack), s.isCritical ? "*" : "",
            ]).trailingSpacesRemoved
            if s.start != s.earlyStart || s.finish != s.earlyFinish {
                line += "  -> \(moment(s.start)) .. \(moment(s.finish))"
            }
            lines.append(line)
        }
        for path in result.criticalPaths { lines.append("path  " + path.map(\.rawValue).joined(separator: " ")) }
        for diagnostic in result.diagnostics { lines.append("diag  \(diagnostic.code.rawValue)") }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    /// `2024-03-04 08:00`.
    static func moment(_ value: CivilDateTime) -> String {
        let text = value.description
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    /// Columns at fixed widths: 6 for the identity, 18 for dates, 6 for numbers.
    private static func row(_ cells: [String]) -> String {
        let widths = [6, 18, 18, 18, 18, 6, 6, 4]
        return zip(cells, widths).map { cell, width in
            cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
        }.joined()
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
