import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// Real Jira exports (Cloud and Server, 2016–2026, English and Spanish) and real MS Project files,
/// read from `PLANBRIDGE_CORPUS`.
struct JiraCSVCorpusTests {
    static let files: [URL] = (try? Corpus.files(in: "jira", suffix: ".csv")) ?? []
    static let projectFiles: [URL] = (try? Corpus.files(in: "mspdi", suffix: ".xml")) ?? []

    static func read(_ url: URL) throws -> ReadResult {
        try JiraCSVReader().read(PlanInput(sourceName: url.lastPathComponent, data: try Data(contentsOf: url)), options: .default)
    }

    static func named(_ fragment: String) throws -> ReadResult {
        try read(try #require(files.first { $0.lastPathComponent.contains(fragment) }))
    }

    @Test func corpusIsAvailableWhenConfigured() throws {
        guard Corpus.isConfigured else { return }
        #expect(try Corpus.files(in: "jira", suffix: ".csv").count >= 6)
    }

    @Test(arguments: files)
    func everyExportReadsWithoutError(_ url: URL) throws {
        let result = try Self.read(url)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        #expect(!result.plan.tasks.isEmpty)
        #expect(result.plan.tasks.allSatisfy { !$0.name.isEmpty })
        // Every reference resolves, and the outline is in order: parents before children.
        var seen: Set<TaskID> = []
        for task in result.plan.tasks {
            if let parent = task.parent { #expect(seen.contains(parent)) }
            seen.insert(task.id)
        }
        for dependency in result.plan.dependencies {
            #expect(seen.contains(dependency.predecessor) && seen.contains(dependency.successor))
        }
    }

    /// Jira → Plan → Jira → Plan is equal on every field, and writing again gives the same bytes.
    @Test(arguments: files)
    func everyExportRoundTrips(_ url: URL) throws {
        let first = try Self.read(url).plan
        let written = try JiraCSVWriter().write(first, options: .default)
        #expect(written.loss.isEmpty, "\(written.loss)")
        let second = try JiraCSVReader().read(PlanInput(sourceName: "again.csv", bytes: written.bytes), options: .default).plan
        if let difference = PlanComparison.firstDifference(expected: first, actual: second) { Issue.record("\(difference)") }
        #expect(try JiraCSVWriter().write(second, options: .default).bytes == written.bytes)
    }

    @Test func cloud2026EpicStorySubtaskWithWorklogs() throws {
        guard Corpus.isConfigured else { return }
        let plan = try Self.named("cloud-2026_all-fields").plan
        #expect(plan.tasks.count == 68)
        #expect(plan.tasks.filter { $0.parent != nil }.count == 54)
        #expect(plan.tasks.filter { $0.outlineLevel == 3 }.count == 33, "the sub-tasks")
        let logged = try #require(plan.tasks.first { $0.extensions["jira:Log Work[]"] != nil })
        #expect(logged.actualWork?.minutes == 210, "Time Spent 12600 s = 3600 + 1800 + 7200")
        #expect(plan.tasks.filter { $0.percentComplete == 100 }.count == 13)
        #expect(plan.resources.count == 2)
        #expect(plan.assignments.count == 50)
        // Cloners links are kept, never turned into dependencies.
        #expect(plan.dependencies.isEmpty)
        #expect(plan.tasks.contains { $0.extensions["jira:Outward issue link (Cloners)[]"] != nil })
    }

    @Test func cloud2025BlocksPairIsOneDependency() throws {
        guard Corpus.isConfigured else { return }
        let plan = try Self.named("cloud-2025_all-fields").plan
        #expect(plan.tasks.count == 134)
        #expect(plan.dependencies.map { "\($0.predecessor)->\($0.successor) \($0.type.rawValue)" } == ["CLP-1123->CLP-1124 FS"])
        #expect(plan.task("CLP-952")?.extensions["jira:Inward issue link (Gantt End to Start)[]"] == "CLP-1094")
        #expect(plan.tasks.compactMap { $0.customFields["Custom field (Story Points)"] }.count == 37)
        #expect(plan.tasks.compactMap(\.finish).count >= 3)
    }

    @Test func spanishExportWithCRLF() throws {
        guard Corpus.isConfigured else { return }
        let plan = try Self.named("es-locale").plan
        #expect(plan.tasks.count == 106)
        #expect(plan.tasks.filter { $0.parent != nil }.count == 87, "the other 18 name parents outside the file")
        #expect(plan.tasks.filter { $0.percentComplete == 50 }.count == 13, "En curso")
        #expect(plan.tasks.compactMap(\.finish) == [CivilDateTime(year: 2025, month: 11, day: 19)!])
    }

    @Test func dateOnlyTargetsAndDanglingParents() throws {
        guard Corpus.isConfigured else { return }
        let roadmap = try Self.named("jira-2019").plan
        #expect(roadmap.tasks.count == 14)
        #expect(roadmap.tasks.allSatisfy { $0.start != nil && $0.finish != nil })
        let server = try Self.named("jira-2016")
        #expect(server.plan.tasks.filter { $0.extensions["jira:Parent (not in file)"] == "44452" }.count == 2)
        #expect(server.diagnostics.filter { $0.code == .jiraParentMissing }.count == 1)
    }

    /// MS Project → Jira CSV → Plan keeps the outline, the links (as finish-to-start), the
    /// estimates and the dates; what Jira cannot hold is in the loss report.
    @Test(arguments: projectFiles)
    func projectFilesSurviveJira(_ url: URL) throws {
        let source = try MSPDIReader().read(PlanInput(sourceName: url.lastPathComponent, data: try Data(contentsOf: url)), options: .default).plan
        let written = try JiraCSVWriter().write(source, options: .default)
        if !source.calendars.isEmpty { #expect(written.loss.items.contains { $0.kind == "calendars" }) }
        let back = try JiraCSVReader().read(PlanInput(sourceName: "from-project.csv", bytes: written.bytes), options: .default).plan
        #expect(back.tasks.map(\.id) == source.tasks.map(\.id))
        #expect(back.tasks.map(\.parent) == source.tasks.map(\.parent))
        #expect(back.tasks.map(\.outlineLevel) == source.tasks.map(\.outlineLevel))
        #expect(back.tasks.map { $0.work?.minutes } == source.tasks.map { ($0.work ?? $0.duration)?.minutes })
        func minute(_ moment: CivilDateTime?) -> Int? { moment.map { $0.secondsSinceEpoch / 60 } }
        #expect(back.tasks.map { minute($0.start) } == source.tasks.map { minute($0.start) })
        #expect(back.tasks.map { minute($0.finish) } == source.tasks.map { minute($0.finish) })
        let ids = Set(source.tasks.map(\.id))
        let links = source.dependencies.filter { ids.contains($0.predecessor) && ids.contains($0.successor) }
        #expect(Set(back.dependencies.map { "\($0.predecessor)->\($0.successor)" }) == Set(links.map { "\($0.predecessor)->\($0.successor)" }))
        #expect(back.dependencies.allSatisfy { $0.type == .finishToStart })
        let notFS = links.filter { $0.type != .finishToStart }.count
        #expect(written.loss.items.filter { $0.kind == "dependency-types" }.reduce(0) { $0 + $1.count } == notFS)
    }
}
