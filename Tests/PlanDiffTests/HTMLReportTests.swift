import PlanDiff
import PlanModel
import PlanTestSupport
import Testing

/// The HTML report's structure, checked against the plans' own dates rather than only against a
/// recorded file: how many bars and diamonds, and where a few of them sit.
struct HTMLReportTests {
    static func rendered() throws -> (html: String, baseline: Plan, current: Plan) {
        let baseline = try DiffFixtureTests.plan("relaunch-baseline")
        let current = try DiffFixtureTests.plan("relaunch-current")
        let report = PlanDiffer().diff(baseline: baseline, current: current, baselineName: "relaunch-baseline", currentName: "relaunch-current")
        return (DiffFormat.html.render(report), baseline, current)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func oneBarPerTaskAndSideAndADiamondPerMilestone() throws {
        let (html, baseline, current) = try Self.rendered()
        let bars = { (plan: Plan) in plan.tasks.filter { $0.kind != .milestone && ($0.start ?? $0.finish) != nil }.count }
        let milestones = { (plan: Plan) in plan.tasks.filter { $0.kind == .milestone }.count }
        #expect(Self.count("<rect class=\"bar baseline", in: html) == bars(baseline))
        #expect(Self.count("<rect class=\"bar current", in: html) == bars(current))
        #expect(Self.count("<path class=\"diamond baseline", in: html) == milestones(baseline))
        #expect(Self.count("<path class=\"diamond current", in: html) == milestones(current))
        #expect(milestones(current) > 0)
        // Added and removed tasks are marked in their labels, critical ones outlined.
        #expect(Self.count("class=\"added-label\">+ ", in: html) == 1)
        #expect(Self.count("class=\"removed-label\">− ", in: html) == 1)
        #expect(html.contains("critical\" x="))
    }

    @Test func barsSitWhereTheirDatesAre() throws {
        let (html, baseline, current) = try Self.rendered()
        // The scale, worked out here from the definition: a day of margin before the earliest
        // date and after the latest, the time area 820 px wide right of a 340 px label column.
        let seconds = (baseline.tasks + current.tasks).flatMap { [$0.start, $0.finish].compactMap { $0?.secondsSinceEpoch } }
        let origin = (seconds.min()! / 86_400 - 1) * 86_400
        let end = (seconds.max()! / 86_400 + 2) * 86_400
        let x = { (moment: CivilDateTime) in 340 + Double(moment.secondsSinceEpoch - origin) * 820 / Double(end - origin) }
        for id in ["2", "5"] {
            let now = try #require(current.tasks.first { $0.id.rawValue == id })
            let then = try #require(baseline.tasks.first { $0.id.rawValue == id })
            let (start, finish) = (try #require(now.start), try #require(now.finish))
            let expected = "x=\"\(GanttChart.number(x(start)))\" y=\"\\d+\" width=\"\(GanttChart.number(x(finish) - x(start)))\""
            #expect(html.contains(try Regex("<rect class=\"bar current[^\"]*\" " + expected)), "current bar of \(id)")
            let old = "x=\"\(GanttChart.number(x(then.start!)))\" y=\"\\d+\" width=\"\(GanttChart.number(x(then.finish!) - x(then.start!)))\""
            #expect(html.contains(try Regex("<rect class=\"bar baseline[^\"]*\" " + old)), "baseline bar of \(id)")
        }
        // Frontend slipped two working days: a minor slip, on the critical path.
        #expect(html.contains(try Regex("<rect class=\"bar current slip-minor critical\" x=\"\(GanttChart.number(x(current.tasks.first { $0.id.rawValue == "5" }!.start!)))\"")))
        #expect(GanttChart.number(0.04) == "0.0" && GanttChart.number(12.35) == "12.4" && GanttChart.number(-1.25) == "-1.3")
    }

    @Test func isOneAccessibleSelfContainedPage() throws {
        let (html, _, _) = try Self.rendered()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Plan diff: relaunch-baseline → relaunch-current</title>"))
        #expect(html.contains("role=\"img\"") && html.contains("aria-label=\"Gantt chart of "))
        #expect(html.contains("@media print"))
        for banned in ["<script", "http://", "https://", "<link", "@import", "url("] where banned != "http://" {
            #expect(!html.contains(banned), "\(banned)")
        }
        // The only URL is the SVG namespace, which is a name, never fetched.
        #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http") == false)
    }

    @Test func namesAreEscapedEverywhere() throws {
        var current = try DiffFixtureTests.plan("relaunch-current")
        current.tasks[1].name = "<script>&\"'"
        let report = PlanDiffer().diff(baseline: try DiffFixtureTests.plan("relaunch-baseline"), current: current, baselineName: "a<b", currentName: "c&d")
        let html = DiffFormat.html.render(report)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;&amp;&quot;&#39;"))
        #expect(html.contains("<title>Plan diff: a&lt;b → c&amp;d</title>"))
        #expect(HTMLDocument.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
    }

    @Test func slipSizes() {
        let day = 480
        let slip = { (minutes: Int) in Slip(workingMinutes: minutes, calendarDays: 0, minutesPerDay: day) }
        #expect(GanttChart.size(nil) == .none && GanttChart.size(slip(0)) == .none)
        #expect(GanttChart.size(slip(-60)) == .ahead)
        #expect(GanttChart.size(slip(2 * day)) == .minor)
        #expect(GanttChart.size(slip(10 * day)) == .moderate)
        #expect(GanttChart.size(slip(10 * day + 1)) == .major)
    }

    /// 10,000 tasks with edits: the page stays under 10 MB, starts closed and is cut into
    /// sections of at most 500 rows, each its own SVG.
    @Test func tenThousandTasksStayUsable() throws {
        let original = PlanGenerator(seed: 21).plan(tasks: 10_000)
        let edited = GeneratedEditsTests.edit(original, seed: 21)
        let report = PlanDiffer().diff(baseline: original, current: edited.plan)
        let html = DiffFormat.html.render(report)
        let rows = try #require(report.gantt?.rows.count)
        #expect(rows >= 10_000)
        #expect(html.utf8.count < 10_000_000, "\(html.utf8.count) bytes")
        #expect(!html.contains("<details class=\"group\" open"))
        let sections = Self.count("<svg class=\"gantt\"", in: html)
        #expect(sections >= rows / GanttChart.sectionLimit)
        for section in html.components(separatedBy: "<svg class=\"gantt\"").dropFirst() {
            let drawing = section.prefix { $0 != "\u{0}" }.components(separatedBy: "</svg>")[0]
            #expect(Self.count("<g class=\"row\">", in: drawing) <= GanttChart.sectionLimit)
        }
        print("10k-task diff page: \(html.utf8.count) bytes, \(sections) sections")
    }

    @Test func singlePlanChartHasNoBaselineAndDrawsTheStatusDate() throws {
        let plan = try DiffFixtureTests.plan("relaunch-current")
        let status = try #require(CivilDateTime(year: 2024, month: 3, day: 12, hour: 17))
        let gantt = GanttRows(plan: plan, critical: [TaskID("5")], statusDate: status)
        let html = HTMLPlanRenderer(name: "relaunch").render(gantt, projectName: "Relaunch", finish: nil)
        #expect(!html.contains("bar baseline"))
        #expect(Self.count("<rect class=\"bar current", in: html) == plan.tasks.filter { $0.kind != .milestone }.count)
        let chart = GanttChart(gantt, comparesBaseline: false)
        #expect(html.contains("<line class=\"status\" x1=\"\(GanttChart.number(chart.scale.x(status)))\""))
        #expect(Self.count(" critical\"", in: html) == 1)
        // A status date far from the plan is named, not drawn.
        let far = GanttRows(plan: plan, critical: [], statusDate: CivilDateTime(year: 2030, month: 1, day: 1))
        let farHTML = HTMLPlanRenderer(name: "relaunch").render(far, projectName: nil, finish: nil)
        #expect(!farHTML.contains("<line class=\"status\"") && farHTML.contains("lies outside the chart"))
    }
}
