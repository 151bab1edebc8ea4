import PlanModel

/// A DCMA check that can be selected like a rule (`--rules dcma.high-float`, `--disable dcma.lags`).
public struct DCMARule: Sendable {
    public let number: Int
    public let name: String
    public let title: String
    /// Whether the check reads the schedule (which may still be computing when the others run).
    var usesSchedule = false
    let assess: @Sendable (DCMAPopulation) -> DCMACheck

    public var code: String { "dcma." + name }

    /// Every check, in the DCMA's order.
    public static let all: [DCMARule] = [
        logic, leads, lags, relationshipTypes, hardConstraints, highFloat, negativeFloat, highDuration,
        invalidDates, resources, missedTasks, criticalPathTest, criticalPathLengthIndex, baselineExecutionIndex,
    ]
}

extension DiagnosticCode {
    /// A failed DCMA check; a schedule-quality warning, never an error of the file.
    static func dcma(_ name: String) -> DiagnosticCode { DiagnosticCode("dcma." + name, .warning) }
}

extension DCMACheck {
    /// The warning a failed check prints, naming the first few tasks to look at.
    func diagnostic(file: String) -> Diagnostic? {
        guard outcome == .fail else { return nil }
        var message = "DCMA \(number) \(title): \(valueText)"
        if let count { message += " (\(count.failing) of \(count.of))" }
        message += ", threshold \(threshold)"
        if !offending.isEmpty {
            let shown = offending.prefix(5).map(\.rawValue).joined(separator: ", ")
            message += "; tasks \(shown)" + (offending.count > 5 ? " and \(offending.count - 5) more" : "")
        }
        return Diagnostic(.dcma(name), message, at: SourceLocation(file: file))
    }
}
