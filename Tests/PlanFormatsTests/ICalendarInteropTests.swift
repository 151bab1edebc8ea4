import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// What the writer emits passes an independent reader: Python's `icalendar`, strictly, plus the
/// octet-level rules of `scripts/check_ics.py`, for the goldens and for generated plans in every
/// output style. Skipped when no Python with icalendar is installed, unless
/// `PLANBRIDGE_ICS_CHECKER_REQUIRED=1` (set by `scripts/check-ics.sh`, which installs it).
struct ICalendarInteropTests {
    static let script = Fixtures.packageRoot.appendingPathComponent("scripts/check-ics.sh").path

    static let checkerRequired = ProcessInfo.processInfo.environment["PLANBRIDGE_ICS_CHECKER_REQUIRED"] == "1"

    static let checkerAvailable: Bool = {
        if checkerRequired { return true }
        let venvPython = Fixtures.packageRoot.appendingPathComponent("scripts/.venv/bin/python").path
        for python in [venvPython, "/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: python) {
            if (try? run(python, ["-c", "import icalendar"]).status) == 0 { return true }
        }
        return false
    }()

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PLANBRIDGE_ICS_NO_INSTALL"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(.enabled(if: checkerAvailable, "python3 with icalendar not found; scripts/check-ics.sh installs it and runs this test"))
    func writerOutputPassesPythonICalendarAndTheOctetRules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planbridge-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = Fixtures.cases(in: "ics", suffix: ".expected.ics").map { Fixtures.url($0).path }
        let styles: [(String, (inout ICalendarWriteOptions) -> Void)] = [
            ("milestones", { _ in }),
            ("tasks", { $0.includeTasks = true }),
            ("todos-utc", { $0.includeTasks = true; $0.includeTodos = true; $0.timing = .utc }),
            ("todos-local", { $0.includeTodos = true; $0.timing = .local; $0.timeZone = "America/New_York" }),
        ]
        for seed in [3, 11, 42] as [UInt64] {
            let plan = PlanGenerator(seed: seed).plan(tasks: 400)
            for (name, configure) in styles {
                var options = WriteOptions(timestamp: ICalendarWriterPlans.stamp)
                configure(&options.iCalendar)
                let url = folder.appendingPathComponent("generated-\(seed)-\(name).ics")
                try Data(try ICalendarWriter().write(plan, options: options).bytes).write(to: url)
                files.append(url.path)
            }
        }
        let (status, output) = try Self.run("/bin/bash", [Self.script] + files)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(files.count) of \(files.count) file(s) valid"))
    }

    /// The checker is strict enough to catch what the writer must never do.
    @Test(.enabled(if: checkerAvailable, "python3 with icalendar not found; scripts/check-ics.sh installs it and runs this test"))
    func violationsAreCaught() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planbridge-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = String(decoding: try ICalendarWriter().write(ICalendarWriterPlans.folding, options: ICalendarWriterPlans.options()).bytes, as: UTF8.self)
        let tampered = [
            ("lf-only", good.replacingOccurrences(of: "\r\n", with: "\n")),
            ("unfolded", good.replacingOccurrences(of: "\r\n ", with: "")),
            ("split-escape", good.replacingOccurrences(of: "\r\n \\,b", with: "\\\r\n ,b")),
            ("no-dtstamp", good.replacingOccurrences(of: "DTSTAMP:20260201T120000Z\r\n", with: "")),
            ("local-dtstamp", good.replacingOccurrences(of: "DTSTAMP:20260201T120000Z", with: "DTSTAMP:20260201T120000")),
            ("same-day-end", good.replacingOccurrences(of: "DTEND;VALUE=DATE:20260303", with: "DTEND;VALUE=DATE:20260302")),
            ("duplicate-uid", good.replacingOccurrences(of: "UID:2-event", with: "UID:1-event")),
            ("no-prodid", good.replacingOccurrences(of: "PRODID:" + ICalendarWriter.productID + "\r\n", with: "")),
        ]
        for (name, text) in tampered {
            #expect(text != good, "\(name): the replacement did not apply")
            let url = folder.appendingPathComponent("\(name).ics")
            try Data(text.utf8).write(to: url)
            let (status, output) = try Self.run("/bin/bash", [Self.script, url.path])
            #expect(status == 1, "\(name) passed the checker: \(output)")
        }
    }
}
