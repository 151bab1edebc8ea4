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
        // The schedule is computed on another core from here on, and the critical path test's
        // second schedule after it on a third thread; meanwhile this one runs every rule and
        // check that needs no schedule, and the others last. Results keep the rules' order.
        let context = ValidationContext(plan: plan, source: source, schedule: schedule)
        let probe = dcma.contains { $0.number == 12 } ? Pending { CriticalPathProbe(context) } : nil
        var findings = [[Diagnostic]](repeating: [], count: semantic.count)
        for k in Self.scheduleLast(semantic.map(\.usesSchedule)) { findings[k] = semantic[k].check(context) }
        var checks: [DCMACheck] = []
        if !dcma.isEmpty {
            let population = DCMAPopulation(context, criticalPathProbe: probe)
            var assessed = [DCMACheck?](repeating: nil, count: dcma.count)
            for k in Self.scheduleLast(dcma.map(\.usesSchedule)) { assessed[k] = dcma[k].assess(population) }
            checks = assessed.compactMap { $0 }
        }
        return ValidationReport(diagnostics: findings.flatMap { $0 } + checks.compactMap { $0.diagnostic(file: source) }, dcma: checks)
    }

    /// Positions in running order: those that need no schedule first.
    static func scheduleLast(_ usesSchedule: [Bool]) -> [Int] {
        usesSchedule.indices.filter { !usesSchedule[$0] } + usesSchedule.indices.filter { usesSchedule[$0] }
    }
}

/// What validation found in one plan.
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The DCMA checks that were selected, all of them, passed or not.
    public var dcma: [DCMACheck]
}
