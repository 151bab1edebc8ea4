import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// One test per mapping rule, on the hand-made files under `Fixtures/jira-csv/`; every fixture's
/// whole reading is also pinned by its `.plan.json` golden.
struct JiraCSVReaderTests {
    static let fixtures = Fixtures.cases(in: "jira-csv", suffix: ".csv").filter { !$0.hasSuffix(".expected.csv") }
    func d(_ y: Int, _ m: Int, _ day: Int, _ h: Int = 0, _ min: Int = 0) -> CivilDateTime {
        JiraCSVTesting.date(y, m, day, h, min)
    }

    @Test func thereAreFixtures() { #expect(Self.fixtures.count >= 7, "\(Self.fixtures)") }

    @Test(arguments: fixtures)
    func readingMatchesItsGolden(_ path: String) throws {
        let plan = try JiraCSVTesting.readFixture(path).plan
        let json = try PlanJSONWriter().write(plan, options: .default).bytes
        JiraCSVTesting.expectMatches(Golden.compare(json, with: path.replacingOccurrences(of: ".csv", with: ".plan.json")))
    }

    @Test func serverHierarchyByParentIDAndEpicLink() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/hierarchy-server.csv")
        let plan = result.plan
        #expect(plan.tasks.map(\.id.rawValue) == ["SHOP-1", "SHOP-2", "SHOP-3", "SHOP-4", "SHOP-5", "SHOP-6", "SHOP-7"])
        #expect(plan.task("SHOP-2")?.parent == "SHOP-1")
        #expect(plan.task("SHOP-3")?.parent == "SHOP-2")
        #expect(plan.tasks.map(\.outlineLevel) == [1, 2, 3, 3, 1, 1, 1])
        #expect(plan.task("SHOP-1")?.kind == .summary)
        #expect(plan.task("SHOP-2")?.kind == .summary)
        #expect(plan.task("SHOP-3")?.kind == .task)
        #expect(plan.task("SHOP-3")?.displayID == 10003)
        // A missing parent is reported once, however many children it has; the reference is kept.
        let missing = result.diagnostics.filter { $0.code == .jiraParentMissing }
        #expect(missing.count == 2)
        #expect(missing[0].location?.row == 6 && missing[0].location?.field == "Parent id")
        #expect(plan.task("SHOP-5")?.parent == nil)
        #expect(plan.task("SHOP-5")?.extensions["jira:Parent (not in file)"] == "10099")
        #expect(plan.task("SHOP-7")?.extensions["jira:Parent (not in file)"] == "OTHER-9")
        #expect(plan.task("SHOP-1")?.customFields["Custom field (Epic Name)"] == .text("Checkout"))
    }

    @Test func cloudHierarchyByParentAndParentKey() throws {
        let plan = try JiraCSVTesting.readFixture("jira-csv/hierarchy-cloud.csv").plan
        #expect(plan.tasks.map(\.id.rawValue) == ["WEB-10", "WEB-11", "WEB-12", "WEB-14", "WEB-13"])
        #expect(plan.task("WEB-12")?.parent == "WEB-11")
        #expect(plan.task("WEB-14")?.parent == "WEB-10")
        #expect(plan.task("WEB-13")?.extensions["jira:Parent (not in file)"] == "WEB-99")
        #expect(plan.task("WEB-13")?.extensions["jira:Parent summary"] == "Marketing epic")
        // A parent in the file makes its summary redundant; the types the outline implies are not kept.
        #expect(plan.task("WEB-11")?.extensions["jira:Parent summary"] == nil)
        #expect(plan.task("WEB-10")?.extensions["jira:Issue Type"] == nil)
        #expect(plan.task("WEB-11")?.extensions["jira:Issue Type"] == "Story")
        #expect(plan.task("WEB-12")?.extensions["jira:Issue Type"] == "Subtask")
    }

    @Test func blocksAndGanttLinksAreDependenciesOthersAreKept() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/links.csv")
        let plan = result.plan
        let links = plan.dependencies.map { "\($0.predecessor)->\($0.successor) \($0.type.rawValue)" }
        // LNK-1 blocks LNK-2 is stated on both issues and counted once.
        #expect(links == ["LNK-1->LNK-2 FS", "LNK-1->LNK-3 SS", "LNK-3->LNK-2 FF", "LNK-3->LNK-4 SF"])
        #expect(plan.dependencies[1].extensions[JiraPlanBuilder.linkTypeKey] == "Gantt Start to Start")
        #expect(plan.dependencies[0].extensions.isEmpty)
        let design = try #require(plan.task("LNK-1"))
        #expect(design.extensions["jira:Outward issue link (Blocks)[]"] == "LNK-9")
        #expect(design.extensions["jira:Outward issue link (Relates)[]"] == "LNK-4")
        // Cloners inward on LNK-4 from LNK-1 is kept on its outward side, LNK-1.
        #expect(design.extensions["jira:Outward issue link (Cloners)[]"] == "LNK-4")
        let release = try #require(plan.task("LNK-4"))
        #expect(release.extensions["jira:Inward issue link (Blocks)[]"] == "OUT-7")
        #expect(release.extensions["jira:Outward issue link (Duplicate)[]"] == nil)
        let codes = result.diagnostics.map(\.code)
        #expect(codes.filter { $0 == .jiraLinkTargetMissing }.count == 2)
        #expect(codes.contains(.jiraSelfLink))
    }

    @Test func estimatesInSecondsLogWorkAndStatus() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/time-tracking.csv")
        let plan = result.plan
        let spec = try #require(plan.task("TT-1"))
        #expect(spec.work == WorkDuration(minutes: 480, unit: .hours))
        #expect(spec.duration == spec.work)
        #expect(spec.remainingDuration?.minutes == 0)
        #expect(spec.actualWork?.minutes == 510)
        #expect(spec.percentComplete == 100)
        #expect(spec.status == "Done")
        #expect(JiraList.decode(spec.extensions["jira:Log Work[]"]!).count == 2)
        let implement = try #require(plan.task("TT-2"))
        #expect(implement.work?.minutes == 2400)
        #expect(implement.percentComplete == 25, "in progress: 10 h spent of 40 h")
        #expect(plan.task("TT-3")?.percentComplete == 0)
        // Without Time Spent, the Log Work cells' seconds are the actual work; "Closed" means done.
        let logOnly = try #require(plan.task("TT-4"))
        #expect(logOnly.actualWork?.minutes == 120)
        #expect(logOnly.percentComplete == 100)
        #expect(plan.task("TT-5")?.percentComplete == 0)
        #expect(plan.task("TT-5")?.work == nil)
        #expect(plan.task("TT-5")?.extensions["jira:Original estimate"] == "not-a-number")
        let bad = try #require(result.diagnostics.first { $0.code == .jiraBadNumber })
        #expect(bad.location?.row == 6 && bad.location?.field == "Original estimate")
        #expect(plan.assignments.isEmpty)
    }

    /// Numbers are read from a cell's bytes where they can be, else from its text: both ways
    /// must agree on spaces, quotes, signs and numbers too long for either.
    @Test func estimatesReadTheSameFromBytesAndFromText() throws {
        let csv = [
            "Summary,Issue key,Issue id,Original Estimate",
            "Spaces,N-1, 7 ,\t3600 ",
            #"Quoted,N-2,"8","7200""#,
            #"Escaped quotes,N-3,9,"""""""#,
            "Plus sign,N-4,10,+1800",
            "Too long,N-5,11,1234567890123456789012",
            "Negative,N-6,12,-60",
        ].joined(separator: "\n") + "\n"
        let result = try JiraCSVReader().read(PlanInput(sourceName: "numbers.csv", data: Data(csv.utf8)), options: .default)
        let plan = result.plan
        #expect(plan.task("N-1")?.displayID == 7)
        #expect(plan.task("N-1")?.work?.minutes == 60)
        #expect(plan.task("N-2")?.displayID == 8)
        #expect(plan.task("N-2")?.work?.minutes == 120)
        #expect(plan.task("N-3")?.work == nil)
        #expect(plan.task("N-3")?.extensions["jira:Original estimate"] == "\"\"")
        #expect(plan.task("N-4")?.work?.minutes == 30, "Int(\"+1800\") reads it, as before")
        #expect(plan.task("N-5")?.work == nil)
        #expect(plan.task("N-5")?.extensions["jira:Original estimate"] == "1234567890123456789012")
        #expect(plan.task("N-6")?.work == nil)
        let bad = result.diagnostics.filter { $0.code == .jiraBadNumber }.compactMap(\.location?.row)
        #expect(bad == [4, 6, 7])
    }

    @Test func datesAreDetectedPerColumn() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/dates-locales.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = result.plan
        let first = try #require(plan.task("DT-1"))
        #expect(first.start == d(2026, 1, 4))
        #expect(first.finish == d(2026, 3, 24, 17, 30))
        #expect(first.actualStart == d(2026, 1, 5, 9, 15))
        #expect(first.baseline(0) == Baseline(number: 0, start: d(2026, 1, 1), finish: d(2026, 3, 20)))
        #expect(first.extensions["jira:Created"] == "15/Feb/26 4:37 PM")
        // Target dates stand in when Start date and Due date are empty.
        let target = try #require(plan.task("DT-2"))
        #expect(target.start == d(2018, 10, 1))
        #expect(target.finish == d(2019, 10, 25))
        #expect(target.customFields.isEmpty)
        // A target start that is not used is kept as a date custom field.
        let both = try #require(plan.task("DT-3"))
        #expect(both.start == d(2025, 11, 3))
        #expect(both.customFields["Custom field (Target start)"] == .date(d(2025, 11, 10)))
        // Readers never schedule: no dates in the file, none in the plan.
        let none = try #require(plan.task("DT-4"))
        #expect(none.start == nil && none.finish == nil)
    }

    @Test func dateFormatOverride() throws {
        let text = "Summary,Issue key,Due date\nA,X-1,03/04/26 13:30\n"
        let detected = try JiraCSVTesting.read(text)
        #expect(detected.diagnostics.map(\.code) == [.jiraUnknownDateFormat])
        #expect(detected.plan.tasks[0].finish == nil)
        #expect(detected.plan.tasks[0].extensions["jira:Due date"] == "03/04/26 13:30")
        var options = ReadOptions()
        options.jiraCSV.dateFormat = JiraDatePattern("dd/MM/yy HH:mm")
        let overridden = try JiraCSVTesting.read(text, options: options)
        #expect(overridden.diagnostics.isEmpty)
        #expect(overridden.plan.tasks[0].finish == d(2026, 4, 3, 13, 30))
    }

    @Test func peopleAndMultiValuedFields() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/people-and-fields.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = result.plan
        #expect(plan.resources.map(\.id.rawValue) == ["acc-ana", "acc-ben"])
        #expect(plan.resources.map(\.name) == ["Ana Ruiz", "Ben Ode"])
        #expect(plan.assignments.map { "\($0.task)=\($0.resource!)" } == ["PPL-1=acc-ana", "PPL-2=acc-ben", "PPL-3=acc-ana"])
        let login = try #require(plan.task("PPL-1"))
        #expect(login.priority == 700)
        #expect(login.extensions["jira:Priority"] == nil)
        #expect(login.customFields["Labels[]"] == .text("frontend,auth"))
        #expect(login.customFields["Sprint[]"] == .text("\"Sprint 7: 6/4, 6/18\",Sprint 8"))
        #expect(login.customFields["Components[]"] == .text("Web"))
        #expect(login.customFields["Fix versions[]"] == .text("1.0"))
        #expect(login.customFields["Custom field (Story Points)"] == .number(3))
        #expect(login.customFields["Custom field (Team)[]"] == .text("Blue"))
        #expect(login.customFields["Custom field (Rank)"] == .text("0|i000hr:"))
        #expect(login.notes == "h2. Goal\r\nUsers log in with *e-mail*, password and \"remember me\".")
        #expect(plan.task("PPL-2")?.priority == 1000)
        #expect(plan.task("PPL-2")?.extensions["jira:Priority"] == "Blocker")
        #expect(plan.task("PPL-3")?.customFields["Custom field (Team)[]"] == .text("Green,Green"))
        #expect(plan.task("PPL-3")?.extensions["jira:Resolution"] == "Won't Do")
        #expect(plan.task("PPL-4")?.priority == nil)
        #expect(plan.task("PPL-4")?.extensions["jira:Priority"] == "P2")
        let ids = plan.customFieldDefinitions.map(\.id)
        #expect(ids == ["Labels[]", "Sprint[]", "Components[]", "Fix versions[]", "Custom field (Story Points)", "Custom field (Team)[]", "Custom field (Rank)"])
        #expect(plan.customFieldDefinitions[4].type == .number)
    }

    @Test func spanishExport() throws {
        let result = try JiraCSVTesting.readFixture("jira-csv/spanish-locale.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = result.plan
        #expect(plan.tasks.map(\.name) == ["Gestión de clientes", "Consulta de clientes", "Filtrado"])
        #expect(plan.tasks.map(\.outlineLevel) == [1, 2, 3])
        let epic = try #require(plan.task("LIPU-1"))
        #expect(epic.finish == d(2025, 11, 19))
        #expect(epic.start == d(2025, 11, 6))
        #expect(epic.percentComplete == 50)
        #expect(epic.priority == 500)
        #expect(epic.extensions["jira:Priority"] == "Media")
        let story = try #require(plan.task("LIPU-2"))
        #expect(story.finish == d(2025, 12, 21, 16, 51))
        #expect(story.notes == "Primera línea\r\nSegunda línea")
        #expect(story.work?.minutes == 120)
        #expect(story.customFields["Labels[]"] == .text("Integraciones,MMS"))
        #expect(story.percentComplete == 0)
        #expect(plan.dependencies.map { "\($0.predecessor)->\($0.successor)" } == ["LIPU-2->LIPU-3"])
        #expect(plan.task("LIPU-3")?.start == d(2025, 8, 10, 9, 5))
        #expect(plan.task("LIPU-3")?.percentComplete == 100)
    }

    @Test func sameFileWithAndWithoutBOMAndWithEitherLineEnd() throws {
        let text = "Summary,Issue key,Description\nA,K-1,\"x\ny\"\nB,K-2,z\n"
        let plain = try JiraCSVTesting.read(text).plan
        #expect(try JiraCSVTesting.read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)).plan == plain)
        let crlf = try JiraCSVTesting.read(text.replacingOccurrences(of: "\n", with: "\r\n")).plan
        #expect(crlf.tasks.map(\.id) == plain.tasks.map(\.id))
        #expect(crlf.tasks[0].notes == "x\r\ny")
    }
}
