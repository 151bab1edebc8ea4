import PlanModel

/// Maps moments to x positions: whole days from the day before the earliest date to the day after
/// the latest, spread evenly over `width` pixels right of `left`.
public struct TimeScale: Hashable, Sendable {
    /// Seconds since the epoch at the left edge and the right edge of the time area.
    public let origin: Int
    public let end: Int
    public let left: Double
    public let width: Double

    public init(covering dates: [CivilDateTime], left: Double, width: Double) {
        let seconds = dates.map(\.secondsSinceEpoch)
        let first = (seconds.min() ?? 0).floorDays - 1
        let last = (seconds.max() ?? 0).floorDays + 2
        origin = first * 86_400
        end = max(last, first + 2) * 86_400
        self.left = left
        self.width = width
    }

    public func x(_ moment: CivilDateTime) -> Double {
        left + Double(moment.secondsSinceEpoch - origin) * width / Double(end - origin)
    }

    var days: Int { (end - origin) / 86_400 }

    /// Tick days: a step that gives at most about ten labelled lines, so labels never overlap.
    var ticks: [CivilDateTime] {
        let step = [1, 2, 7, 14, 28, 56, 91, 182, 364, 728].first { days / $0 <= 10 } ?? (days / 10 + 1)
        return stride(from: 0, through: days, by: step).map { CivilDateTime(secondsSinceEpoch: origin + $0 * 86_400) }
    }
}

extension Int {
    fileprivate var floorDays: Int { self >= 0 ? self / 86_400 : -((-self + 86_399) / 86_400) }
}

/// The SVG Gantt chart both HTML reports share: per task a baseline bar above a current bar
/// (only the current one for a single plan), milestones as diamonds, slips coloured by size,
/// critical tasks outlined. Rows are grouped by top-level task into `<details>`, and a group is
/// cut into sections of at most `sectionLimit` rows, each its own SVG, so a browser never lays
/// out one enormous drawing and a 10,000-task plan stays usable.
public struct GanttChart: Sendable {
    public var gantt: GanttRows
    /// False for a single plan: no baseline bars, no slip colours.
    public var comparesBaseline: Bool
    public let scale: TimeScale

    public static let rowHeight = 24
    public static let axisHeight = 30
    public static let labelWidth = 340.0
    public static let timeWidth = 820.0
    public static let sectionLimit = 500
    /// Above this many rows every group starts closed; the reader opens the ones wanted.
    public static let openLimit = 1_000
    static let nameLimit = 44

    public init(_ gantt: GanttRows, comparesBaseline: Bool) {
        self.gantt = gantt
        self.comparesBaseline = comparesBaseline
        var dates: [CivilDateTime] = []
        dates.reserveCapacity(gantt.rows.count * 4 + 1)
        for row in gantt.rows {
            for span in [row.baseline, row.current].compactMap({ $0 }) { dates += [span.start, span.finish] }
        }
        scale = TimeScale(covering: dates, left: Self.labelWidth, width: Self.timeWidth)
    }

    /// One decimal, so positions are exact enough and the file stays small and stable.
    public static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    public enum SlipSize: String, Sendable {
        case none, ahead, minor, moderate, major
    }

    /// None, up to 2 working days, up to 10, more; earlier counts as ahead.
    public static func size(_ slip: Slip?) -> SlipSize {
        guard let slip, slip.workingMinutes != 0 else { return .none }
        if slip.workingMinutes < 0 { return .ahead }
        if slip.workingMinutes <= 2 * slip.minutesPerDay { return .minor }
        return slip.workingMinutes <= 10 * slip.minutesPerDay ? .moderate : .major
    }

    /// The status date when it falls inside the chart; one far away would squeeze every bar
    /// into a sliver, so it is named in a note instead.
    var shownStatusDate: CivilDateTime? {
        guard let status = gantt.statusDate, status.secondsSinceEpoch >= scale.origin, status.secondsSinceEpoch <= scale.end else { return nil }
        return status
    }

    /// The legend, the groups and their sections.
    public func render() -> String {
        guard !gantt.rows.isEmpty else { return "<p class=\"note\">No tasks to chart.</p>\n" }
        var out = legend()
        if let status = gantt.statusDate, shownStatusDate == nil {
            out += "<p class=\"note\">The status date \(ValueText.date(status) ?? "") lies outside the chart's dates and is not drawn.</p>\n"
        }
        let groups = self.groups()
        let opens = gantt.rows.count <= Self.openLimit
        if !opens {
            out += "<p class=\"note\">\(gantt.rows.count) rows in \(groups.count) groups, closed to keep the page quick: open the ones you need. "
                + "Each group is drawn in sections of at most \(Self.sectionLimit) rows.</p>\n"
        }
        for group in groups {
            let head = gantt.rows[group.lowerBound]
            let title = head.level == 1 ? head.name : "Tasks before the first top-level task"
            out += "<details class=\"group\"\(opens ? " open" : "")><summary>\(HTMLDocument.escape(title)) "
                + "<span class=\"note\">(\(group.count) \(group.count == 1 ? "row" : "rows"))</span></summary>\n"
            var start = group.lowerBound
            while start < group.upperBound {
                let end = min(start + Self.sectionLimit, group.upperBound)
                out += section(start..<end, of: title)
                start = end
            }
            out += "</details>\n"
        }
        return out
    }

    /// Runs of rows from one top-level task to the next.
    func groups() -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        for (i, row) in gantt.rows.enumerated() where row.level == 1 && i > start {
            groups.append(start..<i)
            start = i
        }
        groups.append(start..<gantt.rows.count)
        return groups
    }

    func legend() -> String {
        var items: [(String, String)] = []
        if comparesBaseline {
            items += [("sw-baseline", "baseline (upper bar)"), ("sw-none", "current, on time"), ("sw-minor", "slipped up to 2 working days"),
                      ("sw-moderate", "up to 10"), ("sw-major", "more than 10"), ("sw-ahead", "earlier than the baseline")]
        } else {
            items.append(("sw-none", "task"))
        }
        items.append(("sw-critical", "critical (black outline)"))
        var out = "<ul class=\"legend\" aria-label=\"Legend\">"
        out += items.map { "<li><span class=\"\($0.0)\"></span>\(HTMLDocument.escape($0.1))</li>" }.joined()
        out += "<li>◆ milestone</li>"
        if comparesBaseline { out += "<li>+ added, − removed (struck through)</li>" }
        if shownStatusDate != nil { out += "<li>dashed purple line: status date</li>" }
        return out + "</ul>\n"
    }

    func section(_ range: Range<Int>, of title: String) -> String {
        let height = Self.axisHeight + range.count * Self.rowHeight + 4
        let width = Self.labelWidth + Self.timeWidth + 10
        let label = "Gantt chart of \(title), rows \(range.lowerBound + 1) to \(range.upperBound): "
            + (comparesBaseline ? "baseline and current bars per task" : "one bar per task") + "; the table below lists the same dates."
        var out = "<div class=\"chart\"><svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Self.number(width))\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(height)\" aria-label=\"\(HTMLDocument.escape(label))\">"
            + "<title>\(HTMLDocument.escape(label))</title>\n"
        out += axis(height: height)
        for (offset, index) in range.enumerated() {
            out += row(gantt.rows[index], y: Self.axisHeight + offset * Self.rowHeight)
        }
        if let status = shownStatusDate {
            let x = Self.number(scale.x(status))
            out += "<line class=\"status\" x1=\"\(x)\" y1=\"\(Self.axisHeight - 6)\" x2=\"\(x)\" y2=\"\(height)\"><title>Status date \(ValueText.date(status) ?? "")</title></line>\n"
        }
        out += "</svg></div>\n"
        return out + table(range)
    }

    func axis(height: Int) -> String {
        var out = "<g class=\"axis\" aria-hidden=\"true\">"
        // A tick too near the right edge would have its label cut off, so it is left out.
        for tick in scale.ticks where scale.x(tick) <= scale.left + scale.width - 32 {
            let x = Self.number(scale.x(tick))
            out += "<line x1=\"\(x)\" y1=\"\(Self.axisHeight - 8)\" x2=\"\(x)\" y2=\"\(height)\"/>"
                + "<text x=\"\(x)\" y=\"\(Self.axisHeight - 12)\" text-anchor=\"middle\">\(tick.description.prefix(10))</text>"
        }
        return out + "</g>\n"
    }

    func row(_ row: GanttRow, y: Int) -> String {
        let size = comparesBaseline ? Self.size(row.slip) : .none
        let critical = row.isCritical ? " critical" : ""
        var out = "<g class=\"row\"><rect class=\"band\" x=\"0\" y=\"\(y)\" width=\"\(Self.number(Self.labelWidth + Self.timeWidth + 10))\" height=\"\(Self.rowHeight)\"/>"
        let indent = 4 + min(row.level - 1, 10) * 12
        var name = ValueText.oneLine(row.name, limit: max(Self.nameLimit - (row.level - 1) * 2, 12))
        var labelClass = ""
        if comparesBaseline && row.status == .added { name = "+ " + name; labelClass = " class=\"added-label\"" }
        if row.status == .removed { name = "− " + name; labelClass = " class=\"removed-label\"" }
        out += "<text x=\"\(indent)\" y=\"\(y + 16)\"\(labelClass)>\(HTMLDocument.escape(name))</text>"
        let summary = row.kind == .summary ? " summary" : ""
        if comparesBaseline, let span = row.baseline {
            out += shape(span, milestone: row.kind == .milestone, y: y + 3, height: 8, classes: "baseline\(summary)\(row.status == .removed ? critical : "")")
        }
        if let span = row.current {
            let (top, height) = comparesBaseline ? (y + 12, 9) : (y + 6, 12)
            out += shape(span, milestone: row.kind == .milestone, y: top, height: height, classes: "current\(summary) slip-\(size.rawValue)\(critical)")
        }
        return out + "</g>\n"
    }

    /// A bar at least a pixel wide, or a diamond centred on the milestone's date.
    func shape(_ span: DateSpan, milestone: Bool, y: Int, height: Int, classes: String) -> String {
        let x0 = scale.x(span.start)
        if milestone {
            let half = Double(height) / 2 + 1
            let cy = Double(y) + Double(height) / 2
            return "<path class=\"diamond \(classes)\" d=\"M\(Self.number(x0)) \(Self.number(cy - half))l\(Self.number(half)) \(Self.number(half))l-\(Self.number(half)) \(Self.number(half))l-\(Self.number(half)) -\(Self.number(half))z\"/>"
        }
        let width = max(scale.x(span.finish) - x0, 1)
        return "<rect class=\"bar \(classes)\" x=\"\(Self.number(x0))\" y=\"\(y)\" width=\"\(Self.number(width))\" height=\"\(height)\"/>"
    }

    /// The text alternative to the drawing: the same rows with their dates, closed by default.
    func table(_ range: Range<Int>) -> String {
        var headers = ["ID", "Task"]
        headers += comparesBaseline ? ["Baseline start", "Baseline finish", "Current start", "Current finish", "Slip (wd)", "Notes"]
            : ["Start", "Finish", "Notes"]
        let rows = gantt.rows[range].map { row -> [String] in
            let indent = String(repeating: "· ", count: min(row.level - 1, 10))
            var cells = [row.id, indent + row.name]
            if comparesBaseline {
                cells += [ValueText.date(row.baseline?.start) ?? "–", ValueText.date(row.baseline?.finish) ?? "–"]
            }
            cells += [ValueText.date(row.current?.start) ?? "–", ValueText.date(row.current?.finish) ?? "–"]
            if comparesBaseline { cells.append(ReportText.workingDays(row.slip)) }
            var notes: [String] = []
            if row.kind == .milestone { notes.append("milestone") }
            if row.kind == .summary { notes.append("summary") }
            if comparesBaseline && row.status != .matched { notes.append(row.status.rawValue) }
            if row.isCritical { notes.append("critical") }
            cells.append(notes.joined(separator: ", "))
            return cells
        }
        return "<details class=\"table-view\"><summary>Table of these rows</summary>\n"
            + HTMLDocument.table(headers, rows, numeric: comparesBaseline ? [6] : []) + "</details>\n"
    }
}
