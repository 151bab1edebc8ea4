import PlanModel

/// One work assignment of a resource-driven task: how many working minutes the resource needs on
/// its own calendar to do its work at its units.
///
/// MS Project schedules a task of the default types (fixed units, fixed work) by its resources:
/// each work resource works its assignment's work at its units on its own calendar, the task
/// starts when the first can start and finishes when the last is done. A task of type fixed
/// duration (MSPDI `Type` 1, kept in the `mspdi:Type` extension), one that ignores resource
/// calendars, an elapsed task and one without work assignments are scheduled by their own
/// duration on their own calendar instead. A share of the task's duration (the remaining part of
/// a task in progress) is the same share of each assignment's work.
///
/// A resource works on its own calendar, the project calendar when it has none. On a task with a
/// calendar of its own it works only when both that calendar and its own say so; a resource
/// without a calendar then works the task's calendar.
struct ResourceLoad {
    /// Index into the engine's calendars.
    var calendar: Int
    /// Working seconds on that calendar for the whole task: work divided by units. Seconds, not
    /// minutes: 2 h 38 min at 33 % is 478.79 minutes, and MS Project (which keeps tenths of a
    /// minute) finishes it at 16:58:48, not at 16:59 as a length rounded to the minute would.
    var seconds: Int

    static func loads(
        _ plan: Plan, network: ScheduleNetwork, isElapsed: [Bool], duration: [Int],
        calendarSlot: (_ task: CalendarID?, _ resource: CalendarID?) -> Int
    ) -> [[ResourceLoad]] {
        var result = Array(repeating: [ResourceLoad](), count: network.count)
        guard !plan.assignments.isEmpty else { return result }
        var taskIndex: [TaskID: Int] = [:]
        taskIndex.reserveCapacity(network.count)
        for t in 0..<network.count where !network.isSummary[t] && !isElapsed[t] && duration[t] > 0 {
            let task = plan.tasks[network.planIndex[t]]
            if task.extensions["mspdi:Type"]?.contains(">1<") == true { continue }
            if task.extensions["mspdi:IgnoreResourceCalendar"]?.contains(">1<") == true { continue }
            taskIndex[network.ids[t]] = t
        }
        var resources: [ResourceID: Resource] = [:]
        for resource in plan.resources where resources[resource.id] == nil { resources[resource.id] = resource }
        for assignment in plan.assignments {
            guard let t = taskIndex[assignment.task], let id = assignment.resource, let resource = resources[id],
                resource.type == .work, let work = assignment.work, work.minutes > 0
            else { continue }
            let units = assignment.units ?? 1
            guard units > 0.0001 else { continue }
            let seconds = Int((Double(work.minutes * 60) / units).rounded())
            let taskCalendar = plan.tasks[network.planIndex[t]].calendar
            result[t].append(ResourceLoad(calendar: calendarSlot(taskCalendar, resource.calendar), seconds: seconds))
        }
        return result
    }
}
