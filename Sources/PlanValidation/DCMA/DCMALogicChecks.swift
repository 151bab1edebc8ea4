import PlanModel

// DCMA checks 1–4: how the network is wired.
extension DCMARule {
    /// An incomplete task with no predecessor or no successor. One start and one finish milestone
    /// are the network's ends, not defects, so the first milestone without predecessors and the
    /// last milestone without successors are not counted.
    static let logic = DCMARule(number: 1, name: "missing-logic", title: "missing logic") { population in
        let open = population.incomplete.filter { population.predecessors[$0.id] == nil || population.successors[$0.id] == nil }
        let start = open.first { $0.kind == .milestone && population.predecessors[$0.id] == nil && population.successors[$0.id] != nil }?.id
        let finish = open.last { $0.kind == .milestone && population.successors[$0.id] == nil && population.predecessors[$0.id] != nil }?.id
        let failing = open.map(\.id).filter { $0 != start && $0 != finish }
        return population.share(1, "missing-logic", "missing logic", failing: failing, of: population.incomplete.count, atMost: 0.05, threshold: "≤ 5%",
                                detail: "incomplete tasks without a predecessor or a successor, the start and finish milestones excepted")
    }

    static let leads = DCMARule(number: 2, name: "leads", title: "leads") { population in
        let failing = population.links.filter { $0.lag.isNegative }
        return population.share(2, "leads", "leads", failing: failing.map(\.successor), of: population.links.count, atMost: 0, threshold: "= 0%",
                                detail: "links into incomplete tasks with a negative lag")
    }

    static let lags = DCMARule(number: 3, name: "lags", title: "lags") { population in
        let failing = population.links.filter { !$0.lag.isNegative && !$0.lag.isZero }
        return population.share(3, "lags", "lags", failing: failing.map(\.successor), of: population.links.count, atMost: 0.05, threshold: "≤ 5%",
                                detail: "links into incomplete tasks with a positive lag")
    }

    /// DCMA asks for at least 90% finish-to-start links; counted the way the other checks count,
    /// that is at most 10% of the other types.
    static let relationshipTypes = DCMARule(number: 4, name: "relationship-types", title: "relationship types") { population in
        let failing = population.links.filter { $0.type != .finishToStart }
        return population.share(4, "relationship-types", "relationship types", failing: failing.map(\.successor), of: population.links.count,
                                atMost: 0.10, threshold: "≤ 10% not FS", detail: "links into incomplete tasks that are not finish-to-start")
    }
}

extension Lag {
    var isNegative: Bool {
        switch self {
        case .time(let length): length.minutes < 0
        case .percent(let percent, _): percent < 0
        }
    }
}
