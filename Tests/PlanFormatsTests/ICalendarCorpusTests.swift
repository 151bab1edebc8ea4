import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// Real files: every iCalendar file of the corpus reads without error, one task per VEVENT and
/// VTODO; every MSPDI file of the corpus written as .ics passes the writer's own rules and comes
/// back with what X-PLANBRIDGE carries. (Python icalendar's view of the same files is
/// `scripts/check-ics.sh`, also run by `ICalendarInteropTests` when Python is there.)
struct ICalendarCorpusTests {
    static var icalFiles: [URL] { (try? Corpus.files(in: "ical", suffix: ".ics")) ?? [] }

    @Test func corpusIsThereWhenConfigured() throws {
        guard Corpus.isConfigured else { return }
        #expect(try Corpus.files(in: "ical", suffix: ".ics").count >= 10)
    }

    @Test(.enabled(if: Corpus.isConfigured, "PLANBRIDGE_CORPUS is not set"), arguments: icalFiles.map(\.lastPathComponent))
    func everyCorpusFileReadsWithoutError(_ name: String) throws {
        let url = try #require(try Corpus.files(in: "ical", suffix: ".ics").first { $0.lastPathComponent == name })
        let data = try Data(contentsOf: url)
        let result = try ICalendarReader().read(PlanInput(sourceName: name, data: data), options: .default)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.location?.line != nil || $0.code == .icsMoreDiagnostics })
        // Count the components independently of the importer: straight from the component tree.
        var builder = ComponentTreeBuilder(sourceName: name)
        var lexer = ContentLineLexer(sourceName: name)
        data.withUnsafeBytes { lexer.lex($0.bindMemory(to: UInt8.self)) { builder.consume($0) } }
        builder.finish(lastLine: 0)
        let items = builder.calendars.flatMap(\.children).filter { $0.name == "VEVENT" || $0.name == "VTODO" }
        #expect(result.plan.tasks.count == items.count)
        #expect(!items.isEmpty)
    }

    @Test(.enabled(if: Corpus.isConfigured, "PLANBRIDGE_CORPUS is not set"))
    func knownCorpusFacts() throws {
        func read(_ prefix: String) throws -> ReadResult {
            let url = try #require(try Corpus.files(in: "ical", suffix: ".ics").first { $0.lastPathComponent.hasPrefix(prefix) })
            return try ICalendarReader().read(PlanInput(sourceName: url.lastPathComponent, data: Data(contentsOf: url)), options: .default)
        }
        // Outlook 2007: TZID "Kuala Lumpur, Singapore" matches the VTIMEZONE written with `\,`.
        let outlook = try read("outlook2007")
        #expect(!outlook.diagnostics.contains { $0.code == .icsUnknownTimeZone })
        // Exchange display names without VTIMEZONE resolve through the table.
        let owa = try read("exchange-owa")
        #expect(owa.diagnostics.filter { $0.code == .icsTimeZoneMapped }.count == 2)
        #expect(owa.plan.project.timeZone == "Australia/Sydney")
        #expect(owa.plan.tasks[0].name == " TEST Syd", "the leading space is part of the value")
        // Apple folded by characters: the multi-byte text joins up.
        let apple = try read("apple-ios26")
        #expect(apple.plan.tasks[0].extensions["ics:LOCATION"]?.contains("Hauptstraße") == true)
        // Google: DURATION:P1D across no DST change ends a day later.
        let google = try read("google_duration")
        #expect(google.plan.tasks[0].finish == google.plan.tasks[0].start?.adding(minutes: 1440))
        // ownCloud's VTODOs: no dates, progress and categories kept.
        let owncloud = try read("owncloud")
        #expect(owncloud.plan.tasks.allSatisfy { $0.start == nil })
        #expect(owncloud.plan.tasks.contains { $0.percentComplete == 100 })
    }

    static var mspdiFiles: [URL] { (try? Corpus.files(in: "mspdi", suffix: ".xml")) ?? [] }

    @Test(.enabled(if: Corpus.isConfigured, "PLANBRIDGE_CORPUS is not set"), arguments: mspdiFiles.map(\.lastPathComponent))
    func mspdiCorpusWrittenAsICalendarComesBack(_ name: String) throws {
        let url = try #require(try Corpus.files(in: "mspdi", suffix: ".xml").first { $0.lastPathComponent == name })
        let plan = try MSPDIReader().read(PlanInput(sourceName: name, data: Data(contentsOf: url)), options: .default).plan
        let back = try ICalendarRoundTripTests.roundTrip(plan) { $0.includeTasks = true; $0.includeTodos = true }
        #expect(ICalendarRoundTripTests.difference(plan, back) == nil, "\(ICalendarRoundTripTests.difference(plan, back) ?? "")")
    }
}
