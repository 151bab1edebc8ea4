import PlanModel
import PlanSchedule

/// Runs the selected rules over a plan and collects what they found.
public struct Validator: Sendable {
    /// Every semantic rule, in the order findings are printed.
    public static let rules: [ValidationRule] = [
        .duplicateID, .danglingReference, .dependencyCycle, .finishBeforeStart, .milestoneWithDuration,
        .summaryWithLinks, .summaryWithAssignments, .outlineJump, .percentOutOfRange, .percentInconsistent,
        .actualAfterStatusDate, .outsideProject, .constraintContradiction, .nonWorkResourceWork,
        .calendarNoWorkingTime, .calendarStructure,
    ]

    /// Every selectable name: rule names, their codes, the groups.
    public static var knownNames: Set<String> {
        Set(rules.flatMap { [$0.name, $0.code] } + DCMARule.all.flatMap { [$0.name, $0.code] } + ValidationRule.Group.allCases.map(\.rawValue))
    }

    let semantic: [ValidationRule]
    let dcma: [DCMARule]

    /// `only` (from `--rules`) and `disabled` (from `--disable`) hold rule names, codes or groups;
    /// an empty `only` means every rule.
    public init(only: [String] = [], disabled: [String] = []) {
        func selected(_ name: String, _ code: String, _ group: String) -> Bool {
            let names = [name, code, group]
            return (only.isEmpty || names.contains(where: only.contains)) && !names.contains(where: disabled.contains)
        }
        semantic = Self.rules.filter { selected($0.name, $0.code, $0.group.rawValue) }
        dcma = DCMARule.all.filter { selected($0.name, $0.code, "dcma") }
    }

    /// `schedule`, when given, is the plan's default schedule (see `ValidationContext`).
    public func validate(_ plan: Plan, source: String, schedule: ScheduleResult? = nil) -> ValidationReport {
        let context = ValidationContext(plan: plan, source: source, schedule: schedule)
        // The population first: it starts the critical path test's second schedule, which then
        // runs beside the semantic rules.
        let population = dcma.isEmpty ? nil : DCMAPopulation(context, startsCriticalPathTest: dcma.contains { $0.number == 12 })
        let findings = semantic.flatMap { $0.check(context) }
        let checks = population.map { population in dcma.map { $0.assess(population) } } ?? []
        return ValidationReport(diagnostics: findings + checks.compactMap { $0.diagnostic(file: source) }, dcma: checks)
    }
}

/// What validation found in one plan.
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The DCMA checks that were selected, all of them, passed or not.
    public var dcma: [DCMACheck]
}
