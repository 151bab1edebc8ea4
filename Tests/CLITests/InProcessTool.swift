import Foundation
import PlanFormats
import PlanModel

@testable import planbridge

/// Runs the tool in this process with a chosen registry, so tests can use formats made for the
/// occasion (a writer that fails, a loss report of known size) and see both streams.
struct InProcessTool {
    var registry: FormatRegistry = TestFormats.registry
    var standardInput = Data()
    /// The clock the tool sees; `report` marks it as today when a plan has no status date.
    var now = CivilDateTime(secondsSinceEpoch: 1_700_000_000)

    struct Outcome {
        var status: ExitStatus
        var output: [UInt8]
        var error: String
        var outputText: String { String(decoding: output, as: UTF8.self) }
    }

    func run(_ arguments: String...) -> Outcome { run(arguments) }

    func run(_ arguments: [String]) -> Outcome {
        let output = MemorySink(), error = MemorySink()
        let input = standardInput
        let now = self.now
        let context = ToolContext(
            registry: registry,
            console: Console(standardOutput: output, standardError: error, usesColour: false),
            environment: [:],
            readStandardInput: { input },
            now: { now })
        let status = Tool(context: context).run(arguments)
        return Outcome(status: status, output: output.bytes, error: error.text)
    }
}

/// Formats that exist only for these tests.
///
/// `fake` reads `FAKE` followed by one task name per line (lines `BROKEN` make it fail, the last one
/// fatal, the others related; `WARN` adds a warning), a line `calendar` adds a calendar) and writes the same shape back, reporting calendars as
/// dropped. `broken` writes nothing and always fails. `lookalike` claims the `.look` extension
/// but recognises no content, so a fake file named `.look` is a content/extension mismatch.
enum TestFormats {
    static let registry = FormatRegistry(formats: [fake, broken, lookalike])

    static let fake = FormatDescriptor(
        id: "fake", displayName: "Fake", extensions: ["fake"], mediaTypes: ["text/x-fake"],
        sniff: { $0.text.hasPrefix("FAKE") ? .certain : .no }, reader: FakeReader(), writer: FakeWriter())

    static let broken = FormatDescriptor(
        id: "broken", displayName: "Broken", extensions: ["broken"], mediaTypes: ["text/x-broken"],
        sniff: { _ in .no }, reader: nil, writer: BrokenWriter())

    static let lookalike = FormatDescriptor(
        id: "lookalike", displayName: "Lookalike", extensions: ["look"], mediaTypes: ["text/x-look"],
        sniff: { _ in .no }, reader: FakeReader(), writer: FakeWriter())

    static let writeFailure = DiagnosticCode("test.write-failure", .error)
}

struct FakeReader: PlanReader {
    func read(_ input: PlanInput, options: ReadOptions) throws(PlanError) -> ReadResult {
        let lines = String(decoding: input.data, as: UTF8.self).split(separator: "\n").map(String.init)
        var plan = Plan()
        var broken: [Diagnostic] = [], warnings: [Diagnostic] = []
        for (number, line) in lines.enumerated().dropFirst() {
            if line == "WARN" {
                warnings.append(Diagnostic(.formatExtensionMismatch, "a warning", at: SourceLocation(file: input.sourceName, line: number + 1)))
            } else if line == "BROKEN" {
                broken.append(Diagnostic(.ioUnreadable, "broken line", at: SourceLocation(file: input.sourceName, line: number + 1)))
            } else if line == "calendar" {
                plan.calendars.append(WorkCalendar(id: CalendarID("\(number)"), name: "Calendar \(number)"))
            } else {
                plan.tasks.append(PlanTask(id: TaskID("\(number)"), name: line))
            }
        }
        // The last broken line is the fatal one, the earlier ones ride along, so that tests see
        // the tool print them in line order whatever order a reader reports them in.
        if let fatal = broken.last { throw PlanError(.unreadableInput, fatal, related: broken.dropLast()) }
        return ReadResult(plan: plan, diagnostics: warnings)
    }
}

struct FakeWriter: PlanWriter {
    func write(_ plan: Plan, options: WriteOptions) throws(PlanError) -> WriteResult {
        var loss = LossReport()
        loss.record("calendars", count: plan.calendars.count, "dropped")
        let text = (["FAKE"] + plan.tasks.map(\.name)).joined(separator: "\n") + "\n"
        return WriteResult(bytes: Array(text.utf8), loss: loss)
    }
}

struct BrokenWriter: PlanWriter {
    func write(_ plan: Plan, options: WriteOptions) throws(PlanError) -> WriteResult {
        throw PlanError(.writeFailed, Diagnostic(TestFormats.writeFailure, "this writer always fails"))
    }
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("planbridge-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    /// Every name in the folder, hidden temporary files included.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
