import Foundation
import PlanDiff
import PlanFormats
import PlanModel
import PlanTestSupport
import Testing

@testable import planbridge

/// `report` and `diff --format html` through the tool, with the real formats and a pinned clock.
struct HTMLReportCommandTests {
    static let current = Fixtures.url("diff/relaunch-current.plan.json").path
    static let baseline = Fixtures.url("diff/relaunch-baseline.plan.json").path

    @Test func reportMarksTodayFromTheToolsClock() throws {
        var tool = InProcessTool(registry: .builtIn)
        let today = try #require(CivilDateTime(year: 2024, month: 3, day: 12, hour: 12))
        tool.now = today
        let outcome = tool.run("report", Self.current)
        #expect(outcome.status == .success, "\(outcome.error)")
        let html = outcome.outputText
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<strong>Status date:</strong> 2024-03-12 12:00"))
        #expect(html.contains("<line class=\"status\""))
        #expect(!html.contains("bar baseline"))
        // Scheduled: the engine's critical path is outlined.
        #expect(html.contains(" critical\""))
    }

    @Test func reportWithAStatusDateOption() {
        let tool = InProcessTool(registry: .builtIn)
        let html = tool.run("report", Self.current, "--status-date", "2024-03-08").outputText
        #expect(html.contains("<strong>Status date:</strong> 2024-03-08 17:00"))
    }

    @Test func diffWritesTheHTMLPageToTheOutputFileOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planbridge-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.html").path
        let tool = InProcessTool(registry: .builtIn)
        let outcome = tool.run("diff", Self.baseline, Self.current, "--format", "html", "-o", path)
        #expect(outcome.status == .findings)
        #expect(outcome.output.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("<rect class=\"bar baseline"))
        #expect(written.hasSuffix("</html>\n"))
        // An existing report is kept without --force, replaced with it.
        #expect(tool.run("diff", Self.baseline, Self.current, "--format", "html", "-o", path).status == .outputUnwritable)
        #expect(tool.run("diff", Self.baseline, Self.current, "--format", "html", "-o", path, "--force").status == .findings)
    }
}
