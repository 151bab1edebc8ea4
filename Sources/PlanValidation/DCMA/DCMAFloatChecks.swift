import PlanModel

// DCMA checks 5–8: constraints, float and durations.
extension DCMARule {
    static let hardConstraints = DCMARule(number: 5, name: "hard-constraints", title: "hard constraints") { population in
        let hard: Set<ConstraintType> = [.mustStartOn, .mustFinishOn, .startNoLaterThan, .finishNoLaterThan]
        let failing = population.incomplete.filter { $0.constraint.map { hard.contains($0.type) } ?? false }
        return population.share(5, "hard-constraints", "hard constraints", failing: failing.map(\.id), of: population.incomplete.count, atMost: 0.05,
                                threshold: "≤ 5%", detail: "incomplete tasks with MSO, MFO, SNLT or FNLT constraints")
    }

    static let highFloat = DCMARule(number: 6, name: "high-float", title: "high float", usesSchedule: true) { population in
        let failing = population.incomplete.filter { (population.context.schedule.tasks[$0.id]?.totalSlack ?? 0) > population.fortyFourDays }
        return population.share(6, "high-float", "high float", failing: failing.map(\.id), of: population.incomplete.count, atMost: 0.05,
                                threshold: "≤ 5%", detail: "incomplete tasks with more than 44 working days of total float")
    }

    static let negativeFloat = DCMARule(number: 7, name: "negative-float", title: "negative float", usesSchedule: true) { population in
        let failing = population.incomplete.filter { (population.context.schedule.tasks[$0.id]?.totalSlack ?? 0) < 0 }
        return population.share(7, "negative-float", "negative float", failing: failing.map(\.id), of: population.incomplete.count, atMost: 0,
                                threshold: "= 0%", detail: "incomplete tasks with total float below zero")
    }

    /// Baseline duration where there is one (DCMA's definition), else the current duration.
    static let highDuration = DCMARule(number: 8, name: "high-duration", title: "high duration") { population in
        let measured = population.incomplete.filter { $0.kind != .milestone }
        let failing = measured.filter { (($0.baseline(0)?.duration ?? $0.duration)?.minutes ?? 0) > population.fortyFourDays }
        return population.share(8, "high-duration", "high duration", failing: failing.map(\.id), of: measured.count, atMost: 0.05,
                                threshold: "≤ 5%", detail: "incomplete tasks longer than 44 working days (baseline duration, else duration)")
    }
}
