/// One row per change, for spreadsheets (RFC 4180 quoting, a header row, LF line ends).
public struct CSVRenderer: Sendable {
    public init() {}

    public static let header = ["kind", "id", "baseline_id", "name", "field", "before", "after", "working_days", "calendar_days", "match"]

    public func render(_ report: DiffReport) -> String {
        var out = Self.header.joined(separator: ",") + "\n"
        for change in report.changes {
            let cells = [
                change.kind.rawValue, change.id, change.baselineID ?? "", change.name, change.field ?? "", change.before ?? "",
                change.after ?? "", change.slip?.workingDaysText ?? "", change.slip.map { String($0.calendarDays) } ?? "",
                change.match?.rawValue ?? "",
            ]
            out += cells.map(Self.quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
