import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// The real files MS Project 2002–2019 (and MPXJ) saved, read from `PLANBRIDGE_CORPUS`.
struct MSPDICorpusTests {
    static let files: [URL] = (try? Corpus.files(in: "mspdi", suffix: ".xml")) ?? []

    static func read(_ url: URL) throws -> ReadResult {
        let input = PlanInput(sourceName: url.lastPathComponent, data: try Data(contentsOf: url))
        return try MSPDIReader().read(input, options: .default)
    }

    @Test func corpusIsAvailableWhenConfigured() throws {
        guard Corpus.isConfigured else { return }
        #expect(try Corpus.files(in: "mspdi", suffix: ".xml").count >= 48)
    }

    @Test(arguments: files)
    func everyCorpusFileReadsWithoutError(_ url: URL) throws {
        let result = try Self.read(url)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let plan = result.plan
        #expect(!plan.calendars.isEmpty, "no calendars in \(url.lastPathComponent)")
        #expect(plan.extensions[MSPDI.projectSummaryTaskKey]?.contains("<UID>0</UID>") == true)
        // Every reference that MS Project itself keeps consistent resolves.
        let taskIDs = Set(plan.tasks.map(\.id))
        for task in plan.tasks {
            if let parent = task.parent { #expect(taskIDs.contains(parent)) }
        }
        for assignment in plan.assignments { #expect(taskIDs.contains(assignment.task) || assignment.task == "0") }
        // One info diagnostic counts the kept elements, and it is the only info.
        let infos = result.diagnostics.filter { $0.severity == .info }
        #expect(infos.count <= 1)
    }
}
