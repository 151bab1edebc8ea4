import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport

/// The iCalendar case of the benchmark: what the writer makes by default is one all-day event per
/// milestone, so the plan is a generated one with every dated task made a milestone (names, WBS,
/// links and all), and the read-back check compares what an .ics carries. After the check, the
/// same file is parsed by Python's `icalendar` (`Calendar.from_ical`) in a child process, when
/// scripts/.venv has it, and the check column gives its time and the ratio.
enum ICalendarBenchmark {
    static func milestonePlan(seed: UInt64, tasks: Int) -> Plan {
        var plan = PlanGenerator(seed: seed).plan(tasks: tasks)
        for i in plan.tasks.indices {
            guard let start = plan.tasks[i].start ?? plan.tasks[i].finish else { continue }
            plan.tasks[i].kind = .milestone
            plan.tasks[i].start = start
            plan.tasks[i].finish = start
        }
        return plan
    }

    /// "exact" when every dated task came back with its identity, name and dates; then Python's time.
    static func check(expected: Plan, result: ReadResult, file: URL, ourSeconds: Double) -> String {
        let dated = expected.tasks.filter { $0.start != nil }
        let back = result.plan.tasks
        var verdict = "exact"
        if back.count != dated.count {
            verdict = "read \(back.count) of \(dated.count) milestones"
        } else if let bad = zip(dated, back).first(where: { $0.id != $1.id || $0.name != $1.name || $0.start != $1.start }) {
            verdict = "differs at task \(bad.0.id)"
        }
        guard let python = pythonSeconds(file) else { return verdict + "; Python icalendar not available" }
        let ratio = python / max(ourSeconds, 1e-9)
        return verdict + String(format: "; Python icalendar %.2f s, %.0f× slower", python, ratio)
    }

    private static func pythonSeconds(_ file: URL) -> Double? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent("scripts/.venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
        let code = """
            import sys, time, icalendar
            data = open(sys.argv[1], 'rb').read()
            start = time.perf_counter()
            calendar = icalendar.Calendar.from_ical(data)
            elapsed = time.perf_counter() - start
            print(len(calendar.walk('VEVENT')), elapsed)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", code, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: output, as: UTF8.self).split(separator: " ").last.flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
