#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport
import Testing

@testable import planbridge

/// `convert IN... --out-dir DIR`: every readable file converted, the bad ones reported and never
/// stopping the rest, outputs whole or absent, shards that split a batch without overlap.
struct BatchConvertTests {
    let tool = InProcessTool(registry: .builtIn)

    /// A folder of mixed formats: fixtures of every readable format, generated plans, one corrupt file.
    private func mixedInputs(in folder: TemporaryFolder) throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder.path("in/csv/deeper"), withIntermediateDirectories: true)
        var copied: [String] = []
        for (source, target) in [
            ("mspdi/durations.xml", "in/durations.xml"), ("mspdi/links-and-lags.xml", "in/links-and-lags.xml"),
            ("jira-csv/links.csv", "in/csv/links.csv"), ("jira-csv/hierarchy-cloud.csv", "in/csv/deeper/hierarchy-cloud.csv"),
            ("json/full-model.plan.json", "in/full-model.plan.json"), ("json/minimal.plan.json", "in/csv/minimal.plan.json"),
        ] {
            try manager.copyItem(atPath: Fixtures.url(source).path, toPath: folder.path(target))
            copied.append(target)
        }
        for (seed, format) in [(1, MSPDIFormat.descriptor), (2, JiraCSVFormat.descriptor), (3, ICalendarFormat.descriptor)] {
            let plan = PlanGenerator(seed: UInt64(seed)).plan(tasks: 30)
            let name = "in/generated-\(seed).\(format.extensions[0])"
            try Data(try format.writer!.write(plan, options: .default).bytes).write(to: folder.url.appendingPathComponent(name))
            copied.append(name)
        }
        try folder.write("{\"format\": \"planbridge\", \"version\": 1, \"tasks\": [", to: "in/corrupt.json")
        try folder.write("not a plan", to: "in/notes.txt")  // no plan extension: not taken from a folder
        return copied
    }

    private func report(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    private func everyFile(below path: String) -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func oneBadFileDoesNotStopTheRestAndTheReportListsEveryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = try mixedInputs(in: folder)
        let canTestPermissions = geteuid() != 0  // root reads a mode-000 file anyway
        if canTestPermissions {
            try folder.write("FAKE", to: "in/locked.xml")
            chmod(folder.path("in/locked.xml"), 0)
        }
        defer { chmod(folder.path("in/locked.xml"), 0o644) }

        let outcome = tool.run(
            "convert", folder.path("in"), "--out-dir", folder.path("out"), "--to", "json", "--jobs", "2", "--report", folder.path("report.json"))

        #expect(outcome.status == .findings)
        let outputs = everyFile(below: folder.path("out")).filter { $0.hasSuffix(".json") }
        let expected = good.map { BatchInputs.output(for: String($0.dropFirst("in/".count)), in: "", extension: "json").dropFirst() }.map(String.init)
        #expect(outputs == expected.sorted())
        #expect(!everyFile(below: folder.path("out")).contains { $0.contains(".planbridge-") })
        for output in outputs {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path("out/" + output)))
            #expect(throws: Never.self) { try PlanJSONFormat.descriptor.reader!.read(PlanInput(sourceName: output, data: bytes), options: .default) }
        }
        #expect(outcome.error.contains("failed: \(folder.path("in/corrupt.json")): \(folder.path("in/corrupt.json")):1:"))
        #expect(outcome.error.contains("[json."))

        let document = try report(folder.path("report.json"))
        let files = document["files"] as! [[String: Any]]
        let failedCount = canTestPermissions ? 2 : 1
        #expect(files.count == good.count + failedCount)
        #expect(files.filter { $0["status"] as? String == "failed" }.count == failedCount)
        let corrupt = try #require(files.first { ($0["input"] as? String)?.hasSuffix("corrupt.json") == true })
        let diagnostics = corrupt["diagnostics"] as! [[String: Any]]
        #expect((diagnostics.first?["code"] as? String)?.hasPrefix("json.") == true)
        #expect(diagnostics.first?["severity"] as? String == "error")
        #expect((diagnostics.first?["location"] as? [String: Any])?["line"] as? Int == 1)
        if canTestPermissions {
            let locked = try #require(files.first { ($0["input"] as? String)?.hasSuffix("locked.xml") == true })
            #expect(((locked["diagnostics"] as! [[String: Any]]).first?["code"] as? String) == "io.unreadable")
        }
        let summary = document["summary"] as! [String: Any]
        #expect(summary["files"] as? Int == files.count)
        #expect(summary["failed"] as? Int == failedCount)
        #expect(outcome.error.contains("\(files.count) files: "))
        // A loss report travels with each file: JSON holds everything, CSV does not.
        let toCSV = tool.run("convert", folder.path("in/durations.xml"), "--out-dir", folder.path("csv"), "--to", "jira-csv", "--report", folder.path("csv.json"))
        #expect(toCSV.status == .success)
        let loss = try (report(folder.path("csv.json"))["files"] as! [[String: Any]])[0]["loss"] as! [[String: Any]]
        #expect(!loss.isEmpty)
        #expect(loss.allSatisfy { $0["kind"] is String && $0["count"] is Int })
    }

    @Test func noReadableFileIsStatusThree() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("{", to: "a.json")
        try folder.write("<nope", to: "b.xml")
        let outcome = tool.run("convert", folder.path("a.json"), folder.path("b.xml"), folder.path("missing.csv"), "--out-dir", folder.path("out"), "--to", "mspdi")
        #expect(outcome.status == .inputUnreadable)
        #expect(outcome.error.contains("3 files: 0 ok, 0 warnings, 3 failed"))

        let empty = tool.run("convert", folder.path("nothing-*.xml"), "--out-dir", folder.path("out"), "--to", "mspdi")
        #expect(empty.status == .inputUnreadable, "a pattern that matches nothing is an input that cannot be read")
    }

    @Test func existingOutputsNeedForceAndSkipExistingSkipsNewerOnes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try mixedInputs(in: folder)
        try FileManager.default.removeItem(atPath: folder.path("in/corrupt.json"))
        let arguments = ["convert", folder.path("in"), "--out-dir", folder.path("out"), "--to", "json", "--jobs", "1"]
        let old = Date(timeIntervalSinceNow: -3600)
        for file in everyFile(below: folder.path("in")) {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.path("in/" + file))
        }
        #expect(runTool(arguments).status == .success)
        let first = try folder.read("out/durations.json")

        let refused = runTool(arguments)
        #expect(refused.status == .findings)
        #expect(refused.error.contains("already exists; use --force to replace it [io.output-exists]"))
        #expect(!refused.error.contains("ok: "))

        let skipped = runTool(arguments + ["--skip-existing"])
        #expect(skipped.status == .success)
        #expect(skipped.error.contains("skipped: \(folder.path("in/durations.xml")) -> \(folder.path("out/durations.json")) (output is newer)"))
        #expect(!skipped.error.contains("ok: "))

        // An input changed since its output was written is converted again, with --force.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: folder.path("in/durations.xml"))
        let again = runTool(arguments + ["--skip-existing", "--force"])
        #expect(again.status == .success)
        #expect(again.error.split(separator: "\n").filter { !$0.hasPrefix("skipped: ") && $0.contains(" -> ") }.count == 1)
        #expect(try folder.read("out/durations.json") == first)

        let forced = runTool(arguments + ["--force"])
        #expect(forced.status == .success)
        #expect(!forced.error.contains("skipped"))
    }

    private func runTool(_ arguments: [String]) -> InProcessTool.Outcome {
        tool.run(arguments)
    }

    @Test func everyPathLandsInExactlyOneShard() {
        var paths = (0..<2000).map { "exports/\($0 % 17)/plan-\($0).xml" }
        paths += ["", "a", "é/ü.csv", String(repeating: "x", count: 300)]
        for count in 1...7 {
            let shards = (1...count).map { Shard(index: $0, count: count)! }
            for path in paths {
                #expect(shards.filter { $0.contains(path) }.count == 1, "\(path) in \(count) shards")
            }
            // Not all in one shard: the hash spreads them (each shard gets a fair part of 2000).
            for shard in shards {
                #expect(paths.filter(shard.contains).count > paths.count / count / 2)
            }
        }
    }

    @Test func theShardHashIsFNV1a64() {
        #expect(FNV1a64.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash("foobar") == 0x8594_4171_f739_67e8)
        #expect(Shard("0/3") == nil)
        #expect(Shard("4/3") == nil)
        #expect(Shard("2/3") == Shard(index: 2, count: 3))
    }

    @Test func listedShardsSplitTheBatchWithoutOverlap() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try mixedInputs(in: folder)
        let all = tool.run("convert", folder.path("in"), "--out-dir", folder.path("out"), "--to", "mspdi", "--list")
        #expect(all.status == .success)
        let lines = all.outputText.split(separator: "\n").map(String.init)
        #expect(lines.count == 10)
        #expect(lines.contains("\(folder.path("in/csv/deeper/hierarchy-cloud.csv"))\t\(folder.path("out/csv/deeper/hierarchy-cloud.xml"))"))
        for count in 1...7 {
            var union: [String] = []
            for index in 1...count {
                let shard = tool.run("convert", folder.path("in"), "--out-dir", folder.path("out"), "--to", "mspdi", "--list", "--shard", "\(index)/\(count)")
                union += shard.outputText.split(separator: "\n").map(String.init)
            }
            #expect(union.sorted() == lines.sorted())
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")), "--list converts nothing")
    }

    @Test func globPatternsKeepTheirSubfoldersApart() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for team in ["red", "blue"] {
            try FileManager.default.createDirectory(atPath: folder.path("exports/\(team)"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.url("jira-csv/links.csv").path, toPath: folder.path("exports/\(team)/plan.csv"))
        }
        let outcome = tool.run("convert", folder.path("exports") + "/*/plan.csv", "--out-dir", folder.path("out"), "--to", "json", "--list")
        #expect(outcome.outputText.split(separator: "\n").map { $0.split(separator: "\t")[1] }.sorted() == [
            folder.path("out/blue/plan.json"), folder.path("out/red/plan.json"),
        ].map { Substring($0) })
        #expect(BatchInputs.output(for: "a/x.plan.json", in: "out/", extension: "xml") == "out/a/x.xml")
        #expect(BatchInputs.output(for: "README", in: "out", extension: "ics") == "out/README.ics")
    }

    @Test func twoInputsWithOneOutputAreReportedNotOverwritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.copyItem(atPath: Fixtures.url("jira-csv/links.csv").path, toPath: folder.path("plan.csv"))
        try FileManager.default.copyItem(atPath: Fixtures.url("mspdi/durations.xml").path, toPath: folder.path("plan.xml"))
        let outcome = tool.run("convert", folder.path("plan.csv"), folder.path("plan.xml"), "--out-dir", folder.path("out"), "--to", "json")
        #expect(outcome.status == .findings)
        #expect(outcome.error.contains("[batch.output-collision]"))
    }

    @Test func batchOptionsAreCheckedBeforeAnythingIsRead() {
        #expect(tool.run("convert", "a.xml", "b.json", "--jobs", "2").status == .usageError)
        #expect(tool.run("convert", "a.xml", "--out-dir", "out").status == .usageError)
        #expect(tool.run("convert", "a.xml", "--out-dir", "out", "--to", "json", "--jobs", "0").status == .usageError)
        #expect(tool.run("convert", "a.xml", "--out-dir", "out", "--to", "json", "--shard", "3/2").status == .usageError)
        #expect(tool.run("convert", "-", "--out-dir", "out", "--to", "json").status == .usageError)
        #expect(tool.run("convert", "a.xml", "--out-dir", "out", "--to", "nope").status == .usageError)
        let single = tool.run("convert", "a.xml")
        #expect(single.status == .usageError)
        #expect(single.error.hasPrefix("error: missing expected argument '<output>'\n"))
        #expect(tool.run("convert", "a.xml", "b.json", "c.json").error.hasPrefix("error: unexpected argument 'c.json'\n"))
    }

    /// The real executable, interrupted with SIGINT (Ctrl-C) or SIGTERM in the middle of a large
    /// batch: it stops, prints its summary and writes its report, exits 128 + the signal, and
    /// leaves only whole outputs and no temporary files.
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedBatchLeavesNoPartialOrTemporaryFiles(signal: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("in"), withIntermediateDirectories: true)
        let bytes = Data(try MSPDIFormat.descriptor.writer!.write(PlanGenerator(seed: 7).plan(tasks: 150), options: .default).bytes)
        let count = 1500
        for index in 0..<count { try bytes.write(to: folder.url.appendingPathComponent("in/plan-\(index).xml")) }

        let process = Process()
        process.executableURL = try ExecutableRunner.executable()
        process.arguments = [
            "convert", folder.path("in"), "--out-dir", folder.path("out"), "--to", "json", "--jobs", "2", "--report", folder.path("report.json"),
        ]
        #expect(FileManager.default.createFile(atPath: folder.path("stderr.txt"), contents: nil))
        let errorFile = try FileHandle(forWritingTo: folder.url.appendingPathComponent("stderr.txt"))
        process.standardError = errorFile
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Interrupt once some outputs exist, well before the batch could have finished.
        let deadline = Date(timeIntervalSinceNow: 60)
        while Date() < deadline, process.isRunning, everyFile(below: folder.path("out")).filter({ $0.hasSuffix(".json") }).count < 20 {
            usleep(10_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try errorFile.close()
        let error = try folder.read("stderr.txt")

        #expect(process.terminationStatus == 128 + signal, "\(error.suffix(400))")
        #expect(error.contains("interrupted: \(count) files: "))
        let left = everyFile(below: folder.path("out"))
        #expect(!left.contains { $0.contains(".planbridge-") })
        #expect(left.count < count, "the batch was interrupted before it finished")
        let document = try report(folder.path("report.json"))
        #expect(document["interrupted"] as? Bool == true)
        let summary = document["summary"] as! [String: Any]
        #expect(summary["cancelled"] as! Int > 0)
        #expect(summary["ok"] as! Int + (summary["warnings"] as! Int) == left.count, "every output the report counts is there, and no other")
        let reader = PlanJSONFormat.descriptor.reader!
        for name in left {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("out/" + name)))
            #expect(throws: Never.self) { try reader.read(PlanInput(sourceName: name, data: data), options: .default) }
        }
    }

    @Test func aTerminalGetsOneRedrawnProgressLineAndTheFailures() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try mixedInputs(in: folder)
        let output = MemorySink(), error = MemorySink()
        let context = ToolContext(
            registry: .builtIn, console: Console(standardOutput: output, standardError: error, usesColour: false, errorIsTerminal: true),
            environment: [:], readStandardInput: { Data() }, now: { CivilDateTime(secondsSinceEpoch: 1_700_000_000) })
        let status = Tool(context: context).run(["convert", folder.path("in"), "--out-dir", folder.path("out"), "--to", "json", "--jobs", "1"])
        #expect(status == .findings)
        #expect(!error.text.contains("ok: "))
        #expect(error.text.contains(ProgressLine.erase + "failed: \(folder.path("in/corrupt.json")): "))
        #expect(error.text.contains("\r[10/10]"), "the last state is always drawn")
        #expect(error.text.split(separator: "\n").last?.contains("10 files: ") == true)
    }

    @Test func progressLineShowsCountRateAndTimeLeft() {
        let line = ProgressLine(total: 2000)
        #expect(line.render(done: 0, seconds: 0) == "\r[   0/2000]\u{1B}[K")
        #expect(line.render(done: 500, seconds: 10) == "\r[ 500/2000]  50.0 files/s  0:30 left\u{1B}[K")
        #expect(ProgressLine.clock(3725) == "1:02:05")
        #expect(BatchSummary.bytes(999) == "999 B")
        #expect(BatchSummary.bytes(41_267) == "41.3 kB")
    }
}
