import PlanValidation

extension DCMACheck {
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("number", .int(number)), ("code", .string(code)), ("title", .string(title)),
            ("threshold", .string(threshold)), ("outcome", .string(outcomeText)),
            ("value", value == nil ? .null : .string(valueText)),
        ]
        if let count { members.append(("failing", .int(count.failing))); members.append(("of", .int(count.of))) }
        if case .notApplicable(let reason) = outcome { members.append(("reason", .string(reason))) }
        members.append(("detail", .string(detail)))
        members.append(("tasks", .array(offending.map { .string($0.rawValue) })))
        return .object(members)
    }
}

extension DCMACheck {
    /// `   6 high float                   pass 0.0% (0 of 4), threshold ≤ 5%`, for `validate` and `info`.
    var tableRow: String {
        let counted = count.map { " (\($0.failing) of \($0.of))" } ?? ""
        return "  \(String(number).leftPadded(to: 2)) \(title.padded(to: 28)) \(outcomeText.padded(to: 4)) \(valueText)\(counted), threshold \(threshold)"
    }
}
