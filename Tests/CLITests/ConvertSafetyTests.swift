import Foundation
import Testing

@testable import planbridge

/// What `convert` promises about files: outputs appear whole or not at all, existing files are
/// only replaced with --force, and nothing (not even a temporary file) is left after a failure.
struct ConvertSafetyTests {
    let tool = InProcessTool()

    @Test func successfulConversionLeavesOnlyTheOutputWithTheUsualMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FAKE\nPlan\nBuild\n", to: "in.fake")

        let outcome = tool.run("convert", folder.path("in.fake"), folder.path("out.fake"))

        #expect(outcome.status == .success)
        #expect(outcome.error == "")
        #expect(outcome.output.isEmpty)
        #expect(try folder.contents() == ["in.fake", "out.fake"])
        #expect(try folder.read("out.fake") == "FAKE\nPlan\nBuild\n")
        // Any new file in the folder gets the umask's mode; the output must too, not a private 0600.
        #expect(FileManager.default.createFile(atPath: folder.path("ordinary"), contents: Data()))
        let mode = { (name: String) in try FileManager.default.attributesOfItem(atPath: folder.path(name))[.posixPermissions] as? Int }
        #expect(try mode("out.fake") == mode("ordinary"))
    }

    @Test func existingOutputIsKeptWithoutForceAndReplacedWithIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FAKE\nNew\n", to: "in.fake")
        try folder.write("old contents\n", to: "out.fake")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder.path("out.fake"))

        let refused = tool.run("convert", folder.path("in.fake"), folder.path("out.fake"))
        #expect(refused.status == .outputUnwritable)
        #expect(refused.error == "error: '\(folder.path("out.fake"))' already exists; use --force to replace it [io.output-exists]\n")
        #expect(try folder.read("out.fake") == "old contents\n")

        let forced = tool.run("convert", folder.path("in.fake"), folder.path("out.fake"), "--force")
        #expect(forced.status == .success)
        #expect(try folder.read("out.fake") == "FAKE\nNew\n")
        #expect(try folder.contents() == ["in.fake", "out.fake"])
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("out.fake"))[.posixPermissions] as? Int
        #expect(mode == 0o640, "a replaced file keeps its mode")
    }

    @Test func failingWriterLeavesNoOutputAndNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FAKE\nPlan\n", to: "in.fake")

        let outcome = tool.run("convert", folder.path("in.fake"), folder.path("out.broken"))

        #expect(outcome.status == .outputUnwritable)
        #expect(outcome.error == "error: this writer always fails [test.write-failure]\n")
        #expect(try folder.contents() == ["in.fake"])
    }

    @Test func unreadableInputLeavesNoOutputAndPointsAtTheLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FAKE\nPlan\nBROKEN\n", to: "in.fake")

        let outcome = tool.run("convert", folder.path("in.fake"), folder.path("out.fake"))

        #expect(outcome.status == .inputUnreadable)
        #expect(outcome.error == "\(folder.path("in.fake")):3: error: broken line [io.unreadable]\n")
        #expect(try folder.contents() == ["in.fake"])
    }

    @Test func allFindingsOfAFailedReadArePrintedInLineOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FAKE\nBROKEN\nPlan\nBROKEN\nBROKEN\n", to: "plan.look")

        let outcome = tool.run("convert", folder.path("plan.look"), "-", "--to", "fake")

        let file = folder.path("plan.look")
        #expect(outcome.status == .inputUnreadable)
        #expect(outcome.error == """
            \(file): warning: the extension '.look' suggests Lookalike, but the content is Fake; reading it as Fake [format.extension-mismatch]
            \(file):2: error: broken line [io.unreadable]
            \(file):4: error: broken line [io.unreadable]
            \(file):5: error: broken line [io.unreadable]

            """)
    }

    @Test func standardOutputGetsNothingWhenTheWriterFails() {
        var tool = InProcessTool()
        tool.standardInput = Data("FAKE\nPlan\n".utf8)

        let failed = tool.run("convert", "-", "-", "--to", "broken")
        #expect(failed.status == .outputUnwritable)
        #expect(failed.output.isEmpty)

        let converted = tool.run("convert", "-", "-", "--to", "fake")
        #expect(converted.status == .success)
        #expect(converted.outputText == "FAKE\nPlan\n")
    }

    @Test func lossReportIsPrintedAsOneWarningPerKind() {
        var tool = InProcessTool()
        tool.standardInput = Data("FAKE\ncalendar\nPlan\ncalendar\ncalendar\n".utf8)

        let outcome = tool.run("convert", "-", "-", "--to", "fake")

        #expect(outcome.status == .success)
        #expect(outcome.outputText == "FAKE\nPlan\n")
        #expect(outcome.error == "warning: 3 calendars dropped [loss.calendars]\n")
    }

    @Test func contentThatDisagreesWithTheExtensionIsReadByContentWithAWarning() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FAKE\nPlan\n", to: "plan.look")

        let outcome = tool.run("convert", folder.path("plan.look"), "-", "--to", "fake")

        #expect(outcome.status == .success)
        #expect(outcome.outputText == "FAKE\nPlan\n")
        #expect(outcome.error == """
            \(folder.path("plan.look")): warning: the extension '.look' suggests Lookalike, but the content is Fake; \
            reading it as Fake [format.extension-mismatch]

            """)
    }

    @Test func missingOutputFolderIsRefusedBeforeTheInputIsRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.path("no/such/folder/out.fake")

        // The input does not exist either: the output is checked first, so its error is the one shown.
        let outcome = tool.run("convert", folder.path("missing.fake"), target)

        #expect(outcome.status == .outputUnwritable)
        #expect(outcome.error == "error: cannot write '\(target)': No such file or directory [io.write-failed]\n")
        #expect(try folder.contents() == [])
    }

    @Test func aFolderIsNeverReplacedEvenWithForce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FAKE\nPlan\n", to: "in.fake")
        try FileManager.default.createDirectory(atPath: folder.path("out.fake"), withIntermediateDirectories: false)

        let outcome = tool.run("convert", folder.path("in.fake"), folder.path("out.fake"), "--force")

        #expect(outcome.status == .outputUnwritable)
        #expect(outcome.error.hasSuffix("Is a directory [io.write-failed]\n"))
    }
}
