import PlanModel

// The semantic rules' codes, one place for all of them (DESIGN.md: stable, discoverable codes).
extension DiagnosticCode {
    public static let validateDuplicateID = DiagnosticCode("validate.duplicate-id", .error)
    public static let validateDanglingReference = DiagnosticCode("validate.dangling-reference", .error)
    public static let validateDependencyCycle = DiagnosticCode("validate.dependency-cycle", .error)
    public static let validateFinishBeforeStart = DiagnosticCode("validate.finish-before-start", .error)
    public static let validateMilestoneWithDuration = DiagnosticCode("validate.milestone-with-duration", .warning)
    public static let validateSummaryWithLinks = DiagnosticCode("validate.summary-with-links", .warning)
    public static let validateSummaryWithAssignments = DiagnosticCode("validate.summary-with-assignments", .warning)
    public static let validateOutlineJump = DiagnosticCode("validate.outline-jump", .warning)
    public static let validatePercentOutOfRange = DiagnosticCode("validate.percent-out-of-range", .error)
    public static let validatePercentInconsistent = DiagnosticCode("validate.percent-inconsistent", .warning)
    public static let validateActualAfterStatusDate = DiagnosticCode("validate.actual-after-status-date", .error)
    public static let validateOutsideProject = DiagnosticCode("validate.outside-project", .warning)
    public static let validateConstraintContradiction = DiagnosticCode("validate.constraint-contradiction", .warning)
    public static let validateNonWorkResourceWork = DiagnosticCode("validate.non-work-resource-work", .warning)
    public static let validateCalendarNoWorkingTime = DiagnosticCode("validate.calendar-no-working-time", .error)
    public static let validateCalendarStructure = DiagnosticCode("validate.calendar-structure", .error)
}
