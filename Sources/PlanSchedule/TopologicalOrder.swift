/// The order the passes visit the network's nodes in (Kahn's algorithm), or the cycles that make
/// an order impossible.
///
/// A node's successors are: for a summary's entry node, its children's entry nodes; for a leaf or
/// a summary's exit node, the entry nodes of the tasks its links lead to and its parent's exit
/// node. Nodes are visited in plan order where the logic leaves a choice, so the result does not
/// depend on hashing.
struct TopologicalOrder {
    /// Node numbers (see `ScheduleNetwork`), every node after all of its predecessors.
    private(set) var nodes: [Int] = []
    /// Each cycle as task indices with the first repeated at the end (`A → B → A`).
    private(set) var cycles: [[Int]] = []

    /// How many cycles are described before the rest are left to the next run.
    static let cycleReportLimit = 10

    init(_ network: ScheduleNetwork) {
        let nodeCount = 2 * network.count
        var indegree = Array(repeating: 0, count: nodeCount)
        var used = 0
        for t in 0..<network.count {
            indegree[2 * t] = (network.parent[t] >= 0 ? 1 : 0) + network.linksIn(of: t).count
            used += 1
            if network.isSummary[t] {
                indegree[2 * t + 1] = network.children(of: t).count
                used += 1
            }
        }
        nodes.reserveCapacity(used)
        var ready: [Int] = []
        for t in 0..<network.count where indegree[2 * t] == 0 { ready.append(2 * t) }
        // A FIFO over a growing array: `head` walks it, so each node is handled once.
        var head = 0
        while head < ready.count {
            let node = ready[head]
            head += 1
            nodes.append(node)
            Self.forEachSuccessor(of: node, in: network) { next in
                indegree[next] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        }
        if nodes.count < used {
            cycles = Self.findCycles(network, among: indegree)
        }
    }

    static func forEachSuccessor(of node: Int, in network: ScheduleNetwork, _ body: (Int) -> Void) {
        let t = node / 2
        if node % 2 == 0 && network.isSummary[t] {
            for child in network.children(of: t) { body(2 * child) }
            return
        }
        for link in network.linksOut(of: t) { body(2 * network.linkSuccessor[link]) }
        let p = network.parent[t]
        if p >= 0 { body(2 * p + 1) }
    }

    /// Depth-first search over the nodes Kahn's algorithm could not order (indegree still above
    /// zero). Every such node lies on a cycle or downstream of one; a back edge to a node on the
    /// current path closes a cycle, which is reported as the path from that node.
    private static func findCycles(_ network: ScheduleNetwork, among indegree: [Int]) -> [[Int]] {
        enum Mark: UInt8 { case unvisited, onPath, done }
        var marks = Array(repeating: Mark.unvisited, count: indegree.count)
        var found: [[Int]] = []
        var seen = Set<[Int]>()
        for root in indegree.indices where indegree[root] > 0 && marks[root] == .unvisited {
            // Explicit stack of (node, its successors, next successor to try): no recursion, so a
            // 100,000-task chain cannot overflow the call stack.
            var path: [(node: Int, next: [Int], cursor: Int)] = []
            func push(_ node: Int) {
                var successors: [Int] = []
                forEachSuccessor(of: node, in: network) { if indegree[$0] > 0 { successors.append($0) } }
                marks[node] = .onPath
                path.append((node, successors, 0))
            }
            push(root)
            while let top = path.last {
                if top.cursor == top.next.count {
                    marks[top.node] = .done
                    path.removeLast()
                    continue
                }
                let next = top.next[top.cursor]
                path[path.count - 1].cursor += 1
                switch marks[next] {
                case .unvisited:
                    push(next)
                case .onPath:
                    let start = path.lastIndex { $0.node == next }!
                    var tasks: [Int] = []
                    for step in path[start...] where tasks.last != step.node / 2 { tasks.append(step.node / 2) }
                    if tasks.count > 1 && tasks.first == tasks.last { tasks.removeLast() }
                    let key = canonical(tasks)
                    if seen.insert(key).inserted {
                        found.append(tasks + [tasks[0]])
                        if found.count == cycleReportLimit { return found }
                    }
                case .done:
                    continue
                }
            }
        }
        return found
    }

    /// The cycle rotated to start at its smallest task index, so one loop found from two places is
    /// reported once.
    private static func canonical(_ cycle: [Int]) -> [Int] {
        guard let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[smallest...] + cycle[..<smallest])
    }
}
