import Foundation
import PlanFormats
import PlanTestSupport
import Testing

@testable import planbridge

/// `convert` and `formats` messages that name the known formats, checked against the fixed
/// test registry so that adding a real format does not change them.
struct ConvertCommandTests {
    let tool = InProcessTool()

    @Test func unknownFormatNamesAreUsageErrors() {
        let to = tool.run("convert", "-", "-", "--to", "docx")
        #expect(to.status == .usageError)
        #expect(to.error == "error: unknown format 'docx' (known: fake, broken, lookalike) [format.unknown]\n")

        let from = tool.run("convert", "-", "-", "--from", "docx", "--to", "fake")
        #expect(from.status == .usageError)
        #expect(from.error == "error: unknown format 'docx' (known: fake, broken, lookalike) [format.unknown]\n")
    }

    @Test func outputFormatMustFollowFromToOrTheExtension() {
        let toStandardOutput = tool.run("convert", "in.fake", "-")
        #expect(toStandardOutput.status == .usageError)
        #expect(toStandardOutput.error == "error: cannot tell the output format from '-'; name it with --to (fake, broken, lookalike) [format.undetected]\n")

        let unknownExtension = tool.run("convert", "in.fake", "out.txt")
        #expect(unknownExtension.status == .usageError)
        #expect(unknownExtension.error.contains("cannot tell the output format from 'out.txt'"))
    }

    @Test func contentNoFormatRecognisesIsAnUnreadableInput() {
        var tool = InProcessTool()
        tool.standardInput = Data("hello\n".utf8)
        let outcome = tool.run("convert", "-", "-", "--to", "fake")
        #expect(outcome.status == .inputUnreadable)
        #expect(outcome.error == "<stdin>: error: cannot tell which format this is; name it with --from (fake, broken, lookalike) [format.undetected]\n")
    }

    @Test func explicitFromReadsContentNoSnifferRecognises() {
        var tool = InProcessTool()
        tool.standardInput = Data("not fake at all\nPlan\n".utf8)
        let outcome = tool.run("convert", "-", "-", "--from", "fake", "--to", "fake")
        #expect(outcome.status == .success)
        #expect(outcome.outputText == "FAKE\nPlan\n")
    }

    @Test func aWriteOnlyFormatCannotBeRead() {
        var tool = InProcessTool()
        tool.standardInput = Data("FAKE\n".utf8)
        let outcome = tool.run("convert", "-", "-", "--from", "broken", "--to", "fake")
        #expect(outcome.status == .inputUnreadable)
        #expect(outcome.error == "<stdin>: error: Broken cannot be read, only written [format.not-readable]\n")
    }

    @Test func infoPrintsTheSummaryToStandardOutputAndWarningsToStandardError() {
        var tool = InProcessTool()
        tool.standardInput = Data("FAKE\nPlan\nWARN\nBuild\n".utf8)
        let outcome = tool.run("info", "-")
        #expect(outcome.status == .success)
        #expect(outcome.outputText.hasPrefix("File:           <stdin>\nFormat:         Fake (fake)\n"))
        #expect(outcome.outputText.contains("\nTasks:          2 (2 tasks)\n"))
        #expect(outcome.error == "<stdin>:3: warning: a warning [format.extension-mismatch]\n")
    }

    @Test func formatsTableListsEveryFormatInAlignedColumns() {
        let outcome = tool.run("formats")
        #expect(outcome.status == .success)
        #expect(outcome.outputText == """
            ID         ALIASES  NAME       EXTENSIONS  READ  WRITE
            fake       -        Fake       .fake       yes   yes
            broken     -        Broken     .broken     no    yes
            lookalike  -        Lookalike  .look       yes   yes

            """)
    }

    @Test func formatsAsJSONSaysWhatEachCanDo() {
        let outcome = tool.run("formats", "--format", "json")
        #expect(outcome.status == .success)
        #expect(outcome.outputText.hasPrefix("[\n  {\n    \"id\": \"fake\",\n    \"aliases\": [],\n    \"name\": \"Fake\","))
        #expect(outcome.outputText.contains("\"id\": \"broken\",\n    \"aliases\": [],\n    \"name\": \"Broken\",\n    \"extensions\": [\n      \"broken\"\n    ],\n    \"mediaTypes\": [\n      \"text/x-broken\"\n    ],\n    \"read\": false,\n    \"write\": true\n"))
    }

    /// The real executable, a real input that cannot be read and a real folder: afterwards the
    /// folder is exactly as empty as before.
    @Test func failedConversionByTheExecutableLeavesTheFolderEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outcome = try ExecutableRunner.run(["convert", "Fixtures/cli/truncated.plan.json", folder.path("out.json")], input: "")
        #expect(outcome.status == 3)
        #expect(outcome.output == "")
        #expect(outcome.error.hasSuffix("]\n") && outcome.error.contains("error: "))
        #expect(try folder.contents() == [])
    }

    /// PlanBridge JSON written by PlanBridge comes back byte for byte through a real file.
    @Test func executableRoundTripsAPlanThroughAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outcome = try ExecutableRunner.run(["convert", "Fixtures/cli/office-move.plan.json", folder.path("copy.json")], input: "")
        #expect(outcome.status == 0)
        #expect(outcome.error == "")
        #expect(try folder.contents() == ["copy.json"])
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("copy.json")) == Data(contentsOf: Fixtures.url("cli/office-move.plan.json")))
    }

    /// `formats` from the real executable names every built-in format once, readable and writable
    /// as the registry says. (The exact layout is checked above with the test registry, so that
    /// registering a format does not break this file.)
    @Test func executableListsEveryBuiltInFormat() throws {
        let outcome = try ExecutableRunner.run(["formats"], input: "")
        #expect(outcome.status == 0)
        let rows = outcome.output.split(separator: "\n").dropFirst()
        #expect(rows.count == FormatRegistry.builtIn.formats.count)
        for format in FormatRegistry.builtIn.formats {
            let row = rows.first { $0.hasPrefix(format.id + " ") }
            #expect(row?.contains(format.displayName) == true, "no row for \(format.id) in\n\(outcome.output)")
            let abilities = [format.reader != nil, format.writer != nil].map { $0 ? "yes" : "no" }.joined(separator: " ")
            #expect(row.map { $0.split(separator: " ").suffix(2).joined(separator: " ") } == abilities)
        }
    }
}
