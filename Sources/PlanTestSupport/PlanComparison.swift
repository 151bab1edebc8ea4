import PlanModel

/// Says where two plans first differ, for property tests whose failures would otherwise print two
/// whole plans: "tasks[12] (id 17): notes: expected "…", got nil".
public enum PlanComparison {
    /// Nil when the plans are equal.
    public static func firstDifference(expected: Plan, actual: Plan) -> String? {
        guard expected != actual else { return nil }
        if expected.project != actual.project {
            return "project: " + fieldDifferences(expected.project, actual.project)
        }
        if let text = firstDifference("calendars", expected.calendars, actual.calendars, id: { $0.id.rawValue }) {
            return text
        }
        if let text = firstDifference("tasks", expected.tasks, actual.tasks, id: { $0.id.rawValue }) { return text }
        if let text = firstDifference("resources", expected.resources, actual.resources, id: { $0.id.rawValue }) {
            return text
        }
        if let text = firstDifference("assignments", expected.assignments, actual.assignments, id: { $0.id.rawValue }) {
            return text
        }
        if let text = firstDifference(
            "dependencies", expected.dependencies, actual.dependencies, id: { "\($0.predecessor)->\($0.successor)" })
        {
            return text
        }
        if let text = firstDifference(
            "customFieldDefinitions", expected.customFieldDefinitions, actual.customFieldDefinitions, id: \.id)
        {
            return text
        }
        return "extensions: expected \(expected.extensions), got \(actual.extensions)"
    }

    private static func firstDifference<Element: Equatable>(
        _ name: String, _ expected: [Element], _ actual: [Element], id: (Element) -> String
    ) -> String? {
        for index in 0..<min(expected.count, actual.count) where expected[index] != actual[index] {
            return "\(name)[\(index)] (id \(id(expected[index]))): " + fieldDifferences(expected[index], actual[index])
        }
        guard expected.count != actual.count else { return nil }
        return "\(name): expected \(expected.count), got \(actual.count)"
    }

    /// The stored properties of two values of one struct type that differ, by reflection.
    public static func fieldDifferences<Value>(_ expected: Value, _ actual: Value) -> String {
        let pairs = zip(Mirror(reflecting: expected).children, Mirror(reflecting: actual).children)
        var differences: [String] = []
        for (left, right) in pairs {
            let same: Bool
            if let l = left.value as? AnyHashable, let r = right.value as? AnyHashable {
                same = l == r
            } else {
                same = String(describing: left.value) == String(describing: right.value)
            }
            if !same {
                differences.append("\(left.label ?? "?"): expected \(show(left.value)), got \(show(right.value))")
            }
        }
        return differences.isEmpty ? "differs (no stored property tells how)" : differences.joined(separator: "; ")
    }

    /// Optionals without the `Optional(…)` wrapper, strings quoted with escapes visible.
    private static func show(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "nil" }
            return show(wrapped)
        }
        if let text = value as? String { return text.debugDescription }
        return String(describing: value)
    }
}
