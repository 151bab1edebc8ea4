import PlanModel

/// Turning the passes' dates into the result: the dates each task gets, total and free slack, the
/// critical flag and the critical paths.
extension ScheduleEngine {
    /// The dates a leaf actually gets (see `TaskSchedule.start`).
    func chosenDates(_ t: Int) -> (start: CivilDateTime, finish: CivilDateTime) {
        if isManual[t] { return (earlyStart[t], earlyFinish[t]) }
        if let started = actualStart[t] { return (started, actualFinish[t] ?? earlyFinish[t]) }
        if constraintType[t] == .asLateAsPossible { return (lateStart[t], lateFinish[t]) }
        return (earlyStart[t], earlyFinish[t])
    }

    /// How far link `link`'s predecessor can slip without delaying its successor's early dates,
    /// in working minutes of the predecessor's calendar.
    private mutating func linkSlack(_ link: Int) -> Int {
        let p = network.linkPredecessor[link]
        let s = network.linkSuccessor[link]
        let type = network.linkType[link]
        let ownEnd = type == .finishToStart || type == .finishToFinish ? earlyFinish[p] : earlyStart[p]
        let bound = type == .finishToStart || type == .startToStart ? earlyStart[s] : earlyFinish[s]
        // Shifted first, on its own line: a mutating call inside the arguments of a non-mutating
        // one makes Swift copy the whole engine for every link.
        let allowed = shift(bound, byLagOf: link, sign: -1)
        return minutes(p, from: ownEnd, to: allowed)
    }

    mutating func result(diagnostics: [Diagnostic]) -> ScheduleResult {
        let n = network.count
        var start = earlyStart
        var finish = earlyFinish
        var totalSlack = Array(repeating: 0, count: n)
        var freeSlack = Array(repeating: 0, count: n)
        var critical = Array(repeating: false, count: n)
        var tight = Array(repeating: false, count: network.linkCount)
        // FS/FF links out of a summary bound its children's free slack too; `inherited` carries the
        // tightest such bound down the outline, as a finish.
        var inherited: [CivilDateTime?] = Array(repeating: nil, count: n)

        for node in order {
            let t = node / 2
            let parent = network.parent[t]
            guard options.computesSlack else {
                if !network.isSummary[t] {
                    (start[t], finish[t]) = chosenDates(t)
                } else if node % 2 == 1 {
                    (start[t], finish[t]) = rolledUp(t, start, finish)
                }
                continue
            }
            if network.isSummary[t] && node % 2 == 0 {
                var bound = parent >= 0 ? inherited[parent] : nil
                for link in network.linksOut(of: t) where network.linkType[link] == .finishToStart || network.linkType[link] == .finishToFinish {
                    let s = network.linkSuccessor[link]
                    let moment = network.linkType[link] == .finishToStart ? earlyStart[s] : earlyFinish[s]
                    let allowed = shift(moment, byLagOf: link, sign: -1)
                    if bound == nil || allowed < bound! { bound = allowed }
                }
                inherited[t] = bound
                continue
            }
            if network.isSummary[t] {
                (start[t], finish[t]) = rolledUp(t, start, finish)
                totalSlack[t] = min(minutes(t, from: earlyStart[t], to: lateStart[t]), minutes(t, from: earlyFinish[t], to: lateFinish[t]))
                freeSlack[t] = totalSlack[t]
                critical[t] = network.children(of: t).contains { critical[$0] }
                continue
            }
            (start[t], finish[t]) = chosenDates(t)
            let finishSlack = minutes(t, from: earlyFinish[t], to: lateFinish[t])
            if actualFinish[t] != nil {
                totalSlack[t] = 0
            } else if actualStart[t] != nil {
                totalSlack[t] = finishSlack
            } else {
                totalSlack[t] = min(minutes(t, from: earlyStart[t], to: lateStart[t]), finishSlack)
            }
            critical[t] = totalSlack[t] <= 0 && actualFinish[t] == nil

            var free: Int? = nil
            if parent >= 0, let bound = inherited[parent] { free = minutes(t, from: earlyFinish[t], to: bound) }
            for link in network.linksOut(of: t) {
                let slack = linkSlack(link)
                tight[link] = slack <= 0
                free = min(free ?? slack, slack)
            }
            // With nothing after it, a task may slip as far as the project finish.
            let available = free ?? minutes(t, from: earlyFinish[t], to: projectFinish)
            freeSlack[t] = totalSlack[t] < 0 ? totalSlack[t] : min(max(available, 0), totalSlack[t])
        }

        var tasks: [TaskID: TaskSchedule] = [:]
        tasks.reserveCapacity(n)
        for t in 0..<n {
            tasks[network.ids[t]] = TaskSchedule(
                earlyStart: earlyStart[t], earlyFinish: earlyFinish[t], lateStart: lateStart[t], lateFinish: lateFinish[t],
                start: start[t], finish: finish[t], totalSlack: totalSlack[t], freeSlack: freeSlack[t],
                isCritical: critical[t], isSummary: network.isSummary[t])
        }
        let leaves = (0..<n).filter { !network.isSummary[$0] }
        let frameStart = scheduleFromFinish ? (leaves.map { start[$0] }.min() ?? projectStart) : projectStart
        let frameFinish = scheduleFromFinish ? projectFinish : (leaves.map { finish[$0] }.max() ?? projectFinish)
        let paths = options.computesSlack ? criticalPaths(critical: critical, tight: tight) : []
        let spans = paths.map { path in
            projectCalendar.workingMinutes(from: earlyStart[path.first!], to: earlyFinish[path.last!])
        }
        var all = diagnostics
        let late = leaves.filter { totalSlack[$0] < 0 }
        if !late.isEmpty {
            let shown = late.prefix(5).map(network.label).joined(separator: ", ")
            all.append(Diagnostic(
                .scheduleNegativeSlack,
                "\(late.count) task(s) have negative slack: constraints or deadlines cannot all be met (\(shown)\(late.count > 5 ? ", …" : "")).",
                entity: .task(network.ids[late[0]])))
        }
        return ScheduleResult(
            tasks: tasks, criticalPaths: paths.map { $0.map { network.ids[$0] } }, projectStart: frameStart,
            projectFinish: frameFinish, criticalPathMinutes: spans, diagnostics: all)
    }

    /// A summary's span: from its children's first start to their last finish.
    private func rolledUp(_ s: Int, _ start: [CivilDateTime], _ finish: [CivilDateTime]) -> (CivilDateTime, CivilDateTime) {
        var first = CivilDateTime(secondsSinceEpoch: Int.max)
        var last = CivilDateTime(secondsSinceEpoch: Int.min)
        for child in network.children(of: s) {
            first = min(first, start[child])
            last = max(last, finish[child])
        }
        return (first, last)
    }

    /// Chains of critical leaves joined by tight links, each from a task no tight critical link
    /// reaches to one with no tight critical link onward; at most `criticalPathLimit` of them,
    /// found depth-first from the earliest-starting beginnings.
    private func criticalPaths(critical: [Bool], tight: [Bool]) -> [[Int]] {
        let n = network.count
        var hasDriver = Array(repeating: false, count: n)
        func drives(_ link: Int) -> Bool {
            let p = network.linkPredecessor[link]
            let s = network.linkSuccessor[link]
            return tight[link] && critical[p] && critical[s] && !network.isSummary[p] && !network.isSummary[s]
        }
        for link in 0..<network.linkCount where drives(link) { hasDriver[network.linkSuccessor[link]] = true }
        let roots = (0..<n).filter { critical[$0] && !network.isSummary[$0] && !hasDriver[$0] }
            .sorted { (earlyStart[$0], $0) < (earlyStart[$1], $1) }
        var paths: [[Int]] = []
        if let longest = longestChain(critical: critical, drives: drives), limit(options.criticalPathLimit) > 0 {
            paths.append(longest)
        }
        let limit = limit(options.criticalPathLimit)
        // Each step either extends the path or backtracks, so bounding the steps bounds the work
        // on networks with very many equally critical routes.
        var steps = 0
        let stepLimit = 4 * (n + network.linkCount) + 1000
        for root in roots {
            guard paths.count < limit && steps < stepLimit else { break }
            var path = [root]
            var cursors = [network.outStart[root]]
            while let last = path.last, steps < stepLimit, paths.count < limit {
                steps += 1
                let end = network.outStart[last + 1]
                var cursor = cursors[cursors.count - 1]
                while cursor < end && !drives(network.outLinks[cursor]) { cursor += 1 }
                if cursor < end {
                    cursors[cursors.count - 1] = cursor + 1
                    let next = network.linkSuccessor[network.outLinks[cursor]]
                    path.append(next)
                    cursors.append(network.outStart[next])
                    continue
                }
                // No further driving link from `last`: a complete path if `last` drives nothing.
                let drivesAny = network.linksOut(of: last).contains(where: drives)
                if !drivesAny && path != paths.first { paths.append(path) }
                path.removeLast()
                cursors.removeLast()
            }
        }
        return paths
    }

    private func limit(_ value: Int) -> Int { max(0, value) }

    /// The chain spanning the most time, found in one pass in topological order: for each
    /// critical leaf, the earliest-starting chain that reaches it; the answer ends at the leaf
    /// whose chain runs from the earliest start to the latest finish. Listed first, because
    /// enumerating paths can stop at the limit before reaching it.
    private func longestChain(critical: [Bool], drives: (Int) -> Bool) -> [Int]? {
        let n = network.count
        var origin = Array(repeating: -1, count: n)
        var previous = Array(repeating: -1, count: n)
        var best: Int? = nil
        var bestSpan = Int.min
        for node in order where !network.isSummary[node / 2] {
            let t = node / 2
            guard critical[t] else { continue }
            if origin[t] < 0 { origin[t] = t }
            var drivesOn = false
            for link in network.linksOut(of: t) where drives(link) {
                drivesOn = true
                let s = network.linkSuccessor[link]
                if origin[s] < 0 || earlyStart[origin[t]] < earlyStart[origin[s]] {
                    origin[s] = origin[t]
                    previous[s] = t
                }
            }
            if !drivesOn {
                let span = projectCalendar.workingMinutes(from: earlyStart[origin[t]], to: earlyFinish[t])
                if best == nil || span > bestSpan { (best, bestSpan) = (t, span) }
            }
        }
        guard var step = best else { return nil }
        var chain = [step]
        while previous[step] >= 0 {
            step = previous[step]
            chain.append(step)
        }
        return chain.reversed()
    }
}
