import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// What the writer emits is valid against `schemas/plan.schema.json`, checked by an independent
/// validator (Python's jsonschema through `scripts/check-json-schema.sh`). Skipped when no Python
/// with jsonschema is installed; CI runs the script directly anyway.
struct PlanJSONSchemaTests {
    static let script = Fixtures.packageRoot.appendingPathComponent("scripts/check-json-schema.sh").path

    /// True when the script can run without downloading anything: the project venv or the
    /// `python3` on PATH (the two the script tries with PLANBRIDGE_SCHEMA_NO_INSTALL=1) has jsonschema.
    static let validatorAvailable: Bool = {
        let venvPython = Fixtures.packageRoot.appendingPathComponent("scripts/.venv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: venvPython),
            (try? run(venvPython, ["-c", "import jsonschema"]).status) == 0
        {
            return true
        }
        return (try? run("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status) == 0
    }()

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PLANBRIDGE_SCHEMA_NO_INSTALL"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()  // read before waiting: no pipe deadlock
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planbridge-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: validatorAvailable, "python3 with jsonschema not found; CI runs scripts/check-json-schema.sh"))
    func fixturesAndWriterOutputsAreValid() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = Fixtures.cases(in: "json", suffix: ".plan.json").map { Fixtures.url($0).path }
        for (name, plan) in [("empty", Plan()), ("full", PlanJSONSamples.fullModel()), ("extremes", PlanJSONSamples.extremes())] {
            let url = folder.appendingPathComponent("\(name).plan.json")
            try Data(try PlanJSONWriter().write(plan, options: .default).bytes).write(to: url)
            files.append(url.path)
        }
        let (status, output) = try Self.run("/bin/bash", [Self.script] + files)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(files.count) of \(files.count) file(s) valid"))
    }

    /// The schema is strict enough to catch what the writer never emits.
    @Test(.enabled(if: validatorAvailable, "python3 with jsonschema not found; CI runs scripts/check-json-schema.sh"))
    func violationsAreCaught() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = String(decoding: try Fixtures.bytes("json/minimal.plan.json"), as: UTF8.self)
        let tampered = [
            ("default-written", good.replacingOccurrences(of: "\"kind\": \"task\"", with: "\"kind\": \"task\", \"isActive\": true")),
            ("unknown-key", good.replacingOccurrences(of: "\"kind\": \"task\"", with: "\"kind\": \"task\", \"colour\": \"red\"")),
            ("bad-date", good.replacingOccurrences(of: "2024-03-04T08:00:00", with: "2024-03-04 08:00")),
            ("amount-as-number", good.replacingOccurrences(of: "\"kind\": \"task\"", with: "\"kind\": \"task\", \"cost\": 12.5")),
            ("missing-array", good.replacingOccurrences(of: "\"calendars\": [],", with: "")),
        ]
        for (name, text) in tampered {
            #expect(text != good, "\(name): the replacement did not apply")
            let url = folder.appendingPathComponent("\(name).plan.json")
            try Data(text.utf8).write(to: url)
            let (status, output) = try Self.run("/bin/bash", [Self.script, url.path])
            #expect(status == 1, "\(name) passed the schema: \(output)")
        }
    }
}
