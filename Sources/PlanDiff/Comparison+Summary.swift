import PlanModel
import PlanSchedule

extension Comparison {
    func summary(of changes: [Change], criticalPath: Bool) -> DiffSummary {
        let before = baseline.tasks.compactMap(\.finish).max() ?? baseline.project.finish
        let after = current.tasks.compactMap(\.finish).max() ?? current.project.finish
        var counts: [ChangeKind: Int] = [:]
        for change in changes { counts[change.kind, default: 0] += 1 }

        var milestones: [MilestoneRow] = []
        for (j, task) in c.tasks.enumerated() {
            let old = matching.baselineOf[j].map { b.tasks[$0] }
            guard task.kind == .milestone || old?.kind == .milestone else { continue }
            let then = old.flatMap { $0.finish ?? $0.start }
            let now = task.finish ?? task.start
            milestones.append(MilestoneRow(task: ref(current: j), baseline: then, current: now, slip: slipIfBoth(then, now)))
        }
        for (i, task) in b.tasks.enumerated() where task.kind == .milestone && matching.currentOf[i] == nil {
            milestones.append(MilestoneRow(task: ref(baseline: i), baseline: task.finish ?? task.start, current: nil, slip: nil))
        }

        let slips = changes.enumerated().filter { ($0.element.kind == .finishSlip || $0.element.kind == .milestoneDate) && $0.element.slip != nil }
        let largest = slips.sorted { x, y in
            let (a, b) = (x.element.slip!, y.element.slip!)
            if a.workingMinutes.magnitude != b.workingMinutes.magnitude { return a.workingMinutes.magnitude > b.workingMinutes.magnitude }
            if a.calendarDays.magnitude != b.calendarDays.magnitude { return a.calendarDays.magnitude > b.calendarDays.magnitude }
            return x.offset < y.offset
        }.prefix(10).map(\.element)

        return DiffSummary(
            baselineFinish: before, currentFinish: after, finishSlip: slipIfBoth(before, after), counts: counts,
            milestones: milestones, largestSlips: Array(largest), criticalPath: criticalPath ? criticalPathChange() : nil)
    }

    /// Schedules both plans and compares their critical leaf tasks through the matching.
    func criticalPathChange() -> CriticalPathChange? {
        // Only the critical flags are read, so no paths are listed; the two plans are scheduled
        // at once, one per core (the schedules are most of a large diff's time).
        let scheduler = Scheduler(ScheduleOptions(criticalPathLimit: 0))
        let baseline = self.baseline
        let pending = Pending { scheduler.schedule(baseline) }
        let new = scheduler.schedule(current)
        let old = pending.value
        guard old.isScheduled || new.isScheduled else { return nil }
        let wasCritical = b.tasks.map { old.tasks[$0.id].map { $0.isCritical && !$0.isSummary } ?? false }
        let isCritical = c.tasks.map { new.tasks[$0.id].map { $0.isCritical && !$0.isSummary } ?? false }
        var change = CriticalPathChange(before: [], after: [], joined: [], left: [])
        for i in 0..<b.count where wasCritical[i] {
            change.before.append(ref(baseline: i))
            if !(matching.currentOf[i].map { isCritical[$0] } ?? false) { change.left.append(ref(baseline: i)) }
        }
        for j in 0..<c.count where isCritical[j] {
            change.after.append(ref(current: j))
            if !(matching.baselineOf[j].map { wasCritical[$0] } ?? false) { change.joined.append(ref(current: j)) }
        }
        return change
    }
}
