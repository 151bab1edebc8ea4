import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport
import PlanValidation
import Testing

/// Files saved by Microsoft Project, Jira and calendar apps are valid plans: our own rules must
/// find no error in any of them (warnings are allowed: real plans have open ends and odd dates).
struct ValidationCorpusTests {
    static let files: [URL] = ["mspdi": ".xml", "jira": ".csv", "ical": ".ics"].flatMap { folder, suffix in
        (try? Corpus.files(in: folder, suffix: suffix)) ?? []
    }.sorted { $0.path < $1.path }

    @Test(arguments: files)
    func noErrorsFromOurRules(_ file: URL) throws {
        let input = PlanInput(sourceName: file.lastPathComponent, data: try Data(contentsOf: file))
        let format = try FormatRegistry.builtIn.detectInput(input, path: file.path, explicit: nil).format
        for plan in try format.reader!.read(input, options: .default).plans {
            let errors = Validator().validate(plan, source: file.lastPathComponent).diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(file.lastPathComponent): \(errors.prefix(3).map(\.description))")
        }
    }

    @Test func whatOurWriterWritesPassesBothSchemas() throws {
        let strict = try #require(XSDSchema.mspdiStrict)
        let lenient = try #require(XSDSchema.mspdiLenient)
        let plan = PlanGenerator(seed: 7).plan(tasks: 300)
        let bytes = try MSPDIWriter().write(plan, options: WriteOptions()).bytes
        #expect(XSDValidator(schema: strict).validate(bytes, sourceName: "g.xml").isEmpty)
        #expect(XSDValidator(schema: lenient).validate(bytes, sourceName: "g.xml").isEmpty)
    }
}
