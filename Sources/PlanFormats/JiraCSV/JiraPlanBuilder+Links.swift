import PlanModel

extension JiraPlanBuilder {
    /// Link types that order work, and the dependency each makes. `Outward issue link (Blocks)` on
    /// A naming B says "A blocks B": B cannot start before A finishes.
    static let schedulingLinkTypes: [String: DependencyType] = [
        "blocks": .finishToStart,
        "gantt end to start": .finishToStart, "gantt start to start": .startToStart,
        "gantt end to end": .finishToFinish, "gantt start to end": .startToFinish,
    ]

    /// The dependency extension naming the Jira link type, when it is not plain `Blocks`.
    static let linkTypeKey = "jira:link-type"

    /// A dependency with the rows of its two tasks, for putting the list in outline order.
    struct RowDependency {
        var dependency: Dependency
        var from: Int
        var to: Int
    }

    /// Turns link cells into dependencies and kept links. Every link is normalised to its outward
    /// side (from → to), so a pair Jira mirrors on both issues counts once. A scheduling link
    /// between two issues of the file is a dependency; every other link (Relates, Cloners, links to
    /// issues outside the file) is kept on the issue of the file it touches, outward side first.
    mutating func resolveLinks() -> [RowDependency] {
        /// An issue of the file by its row, or one outside it by the text naming it: rows hash
        /// faster than names, and name the same issues.
        enum End: Hashable {
            case row(Int)
            case outside(String)
        }
        struct Link: Hashable {
            var from: End
            var to: End
            var type: String
        }
        var seen: Set<Link> = []
        seen.reserveCapacity(linkCells.count)
        // A file has a few link types, on many cells.
        var schedulingTypes: [String: DependencyType?] = [:]
        var dependencies: [RowDependency] = []
        var kept: [Int: [(key: String, value: String)]] = [:]
        for cell in linkCells where !cell.target.isEmpty {
            let here = identities[cell.row].rawValue
            let other = row(named: cell.target)
            let otherName = other.map { identities[$0].rawValue } ?? cell.target
            let hereEnd = End.row(cell.row), otherEnd = other.map(End.row) ?? .outside(cell.target)
            let link =
                cell.direction == .outward
                ? Link(from: hereEnd, to: otherEnd, type: cell.type) : Link(from: otherEnd, to: hereEnd, type: cell.type)
            guard seen.insert(link).inserted else { continue }
            let (fromName, toName) = cell.direction == .outward ? (here, otherName) : (otherName, here)
            if other == cell.row {
                diagnostics.add(.jiraSelfLink, "the issue is linked to itself; ignored", row: table.rowNumbers[cell.row], column: layout.headers[cell.column], entity: identities[cell.row])
                continue
            }
            let schedulingType: DependencyType?
            if let known = schedulingTypes[cell.type] {
                schedulingType = known
            } else {
                schedulingType = Self.schedulingLinkTypes[cell.type.lowercased()]
                schedulingTypes[cell.type] = schedulingType
            }
            if other != nil, let type = schedulingType {
                var dependency = Dependency(predecessor: TaskID(fromName), successor: TaskID(toName), type: type)
                if cell.type != "Blocks" { dependency.extensions[Self.linkTypeKey] = cell.type }
                let (from, to) = cell.direction == .outward ? (cell.row, other!) : (other!, cell.row)
                dependencies.append(RowDependency(dependency: dependency, from: from, to: to))
                continue
            }
            if other == nil {
                diagnostics.add(
                    .jiraLinkTargetMissing, "\(cell.target) is not in the file; the link is kept with the issue",
                    row: table.rowNumbers[cell.row], column: layout.headers[cell.column], entity: identities[cell.row])
            }
            // Kept on the outward side when that issue is in the file, else on the inward side.
            let fromIsHere = fromName == here
            let holder = other == nil ? cell.row : (fromIsHere ? cell.row : other!)
            let direction: LinkDirection = (other == nil ? cell.direction : .outward)
            let value = direction == .outward ? toName : fromName
            let key = "jira:" + direction.header(type: cell.type) + "[]"
            kept[holder, default: []].append((key, value))
        }
        for (row, links) in kept {
            var lists: [String: [String]] = [:]
            var order: [String] = []
            for (key, value) in links {
                if lists[key] == nil { order.append(key) }
                lists[key, default: []].append(value)
            }
            for key in order { tasks[row].extensions[key] = JiraList.encode(lists[key]!) }
        }
        return dependencies
    }
}
