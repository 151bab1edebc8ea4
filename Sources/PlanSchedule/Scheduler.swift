import PlanModel

/// What a schedule is computed from besides the plan itself.
public struct ScheduleOptions: Hashable, Sendable {
    /// Where scheduling starts: the project start (or, for a plan scheduled from its finish, the
    /// project finish). Nil uses the plan's own date.
    public var fromDate: CivilDateTime?
    /// Remaining work of tasks in progress is not scheduled before this moment. Nil uses the
    /// plan's status date, if it has one.
    public var statusDate: CivilDateTime?
    /// At most this many critical paths are listed; a network can have exponentially many.
    public var criticalPathLimit: Int
    /// Off, the result holds dates only: every slack is 0, nothing is critical and there are no
    /// critical paths. For callers that only ask where tasks land, at about half the cost.
    public var computesSlack: Bool

    public init(fromDate: CivilDateTime? = nil, statusDate: CivilDateTime? = nil, criticalPathLimit: Int = 100, computesSlack: Bool = true) {
        self.fromDate = fromDate
        self.statusDate = statusDate
        self.criticalPathLimit = criticalPathLimit
        self.computesSlack = computesSlack
    }
}

/// A critical-path scheduler that computes dates the way Microsoft Project does (see
/// `ScheduleEngine` for the rules and where they deliberately simplify).
///
/// ```swift
/// let result = Scheduler(ScheduleOptions(fromDate: start)).schedule(plan)
/// let scheduled = result.apply(to: plan)
/// ```
///
/// The network is ordered once (Kahn's algorithm) and each pass visits every task and link once,
/// so the cost is linear in tasks + links, apart from the working-time arithmetic itself. A
/// dependency cycle is found before any date is computed and reported with its full path; the
/// result then holds no dates at all rather than dates that ignore part of the logic.
public struct Scheduler: Sendable {
    public var options: ScheduleOptions

    public init(_ options: ScheduleOptions = ScheduleOptions()) { self.options = options }

    public func schedule(_ plan: Plan) -> ScheduleResult {
        var diagnostics: [Diagnostic] = []
        let network = ScheduleNetwork(plan, diagnostics: &diagnostics)
        let order = TopologicalOrder(network)
        guard order.cycles.isEmpty else {
            diagnostics += order.cycles.map { network.cycleDiagnostic($0) }
            return ScheduleResult(tasks: [:], criticalPaths: [], projectStart: nil, projectFinish: nil, diagnostics: diagnostics)
        }
        var engine = ScheduleEngine(network: network, order: order.nodes, plan: plan, options: options)
        guard engine.prepareAnchor(diagnostics: &diagnostics) else {
            return ScheduleResult(tasks: [:], criticalPaths: [], projectStart: nil, projectFinish: nil, diagnostics: diagnostics)
        }
        engine.run()
        diagnostics += engine.diagnostics
        return engine.result(diagnostics: diagnostics)
    }
}
