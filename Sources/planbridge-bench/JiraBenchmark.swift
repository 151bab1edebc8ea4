import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport

/// The `jira-csv` cases. A plan generated for MS Project says little about Jira exports, so these
/// generate an export-shaped CSV instead (seeded): wide rows that are mostly empty, repeated
/// `Labels`/`Sprint`/`Log Work`/link columns, multi-line descriptions with commas and quotes,
/// epics → stories → sub-tasks through `Parent`, mirrored `Blocks` links. `write` times writing
/// the plan read from it; `read` times reading what `write` wrote, and in the same child process
/// times Python's C-accelerated `csv` module merely splitting that file into rows.
enum JiraBenchmark {
    /// The plan read (untimed) from the generated export.
    static func plan(seed: UInt64, issues: Int) throws -> Plan {
        let bytes = export(seed: seed, issues: issues)
        return try JiraCSVReader().read(PlanInput(sourceName: "generated.csv", bytes: bytes), options: .default).plan
    }

    /// `exact` when the file reads back as the plan it was written from, then Python's time.
    static func check(seed: UInt64, issues: Int, result: ReadResult, file: URL, ourSeconds: Double, runs: Int) -> String {
        var parts: [String] = []
        if let expected = try? plan(seed: seed, issues: issues) {
            parts.append(PlanComparison.firstDifference(expected: expected, actual: result.plan).map { "differs: " + String($0.prefix(120)) } ?? "exact")
        }
        if let python = pythonCSVSeconds(file, runs: runs) {
            parts.append(String(format: "Python csv %.2f s, %.1f× ours", python, python / ourSeconds))
        } else {
            parts.append("Python csv not measured (no python3)")
        }
        return parts.joined(separator: "; ")
    }

    /// Best of `runs` of `csv.reader` over the file, as Python measures it (bytes read untimed).
    static func pythonCSVSeconds(_ file: URL, runs: Int) -> Double? {
        let script = """
            import csv, io, sys, time
            data = open(sys.argv[1], encoding="utf-8", newline="").read()
            best = None
            for _ in range(int(sys.argv[2])):
                start = time.perf_counter()
                rows = 0
                for row in csv.reader(io.StringIO(data)):
                    rows += 1
                elapsed = time.perf_counter() - start
                best = elapsed if best is None else min(best, elapsed)
            print(best)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path, String(runs)]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Double(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static let header: [String] = [
        "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Priority", "Assignee", "Assignee Id",
        "Created", "Updated", "Due date", "Labels", "Labels", "Labels", "Description", "Log Work", "Log Work",
        "Original estimate", "Remaining Estimate", "Time Spent", "Inward issue link (Blocks)", "Outward issue link (Blocks)",
        "Outward issue link (Relates)", "Custom field (Rank)", "Sprint", "Sprint", "Custom field (Start date)",
        "Custom field (Story Points)", "Custom field (Team)", "Comment", "Comment", "Parent", "Parent summary", "Status Category",
    ] + (1...sparseFields).map { "Custom field (Field \($0))" }

    /// Real all-fields exports carry 90–360 columns, most of them custom fields that few issues
    /// use; these stand for them (one value in fifty).
    static let sparseFields = 120

    static func export(seed: UInt64, issues: Int) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        let words = ["checkout", "invoice", "login", "search", "report", "export", "cache", "billing", "profile", "audit"]
        let labels = ["backend", "frontend", "security", "ux", "infra", "data", "mobile", "api"]
        let people = [("Ana Ruiz", "712020:0a1"), ("Ben Ode", "712020:0b2"), ("Chen Li", "712020:0c3"), ("Dora Nagy", "712020:0d4")]
        let statuses = [("To Do", "To Do"), ("In Progress", "In Progress"), ("Done", "Done"), ("In Review", "In Progress")]
        let date = JiraDatePattern.jiraDefault
        let base = CivilDateTime(year: 2026, month: 1, day: 5)!
        var out: [UInt8] = []
        out.reserveCapacity(issues * 700)
        func row(_ cells: [String]) {
            for (index, cell) in cells.enumerated() {
                if index > 0 { out.append(0x2C) }
                var needsQuotes = false
                for byte in cell.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { needsQuotes = true }
                if !needsQuotes {
                    out.append(contentsOf: cell.utf8)
                    continue
                }
                out.append(0x22)
                for byte in cell.utf8 {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            }
            out.append(0x0A)
        }
        row(header)
        var epic = 0, story = 0
        for i in 0..<issues {
            let id = 100_000 + i
            let key = "BEN-\(i + 1)"
            let type: String
            var parent = "", parentSummary = ""
            if i % 25 == 0 {
                type = "Epic"
                epic = id
            } else if i % 5 == 0 {
                type = "Sub-task"
                parent = String(story)
                parentSummary = "story \(story)"
            } else {
                type = "Story"
                story = id
                parent = String(epic)
                parentSummary = "epic \(epic)"
            }
            let person = pick(people)
            let assigned = chance(70)
            let (status, category) = pick(statuses)
            let created = base.adding(minutes: i * 7)
            let estimate = chance(60) ? Int(random.next() % 40 + 1) * 3600 : 0
            let spent = estimate > 0 && chance(50) ? Int(random.next() % 8 + 1) * 1800 : 0
            let description =
                chance(60)
                ? "h2. \(pick(words).capitalized) \(i)\nAs a user, I want \"\(pick(words))\" to work, with *care*.\n\n* step one, then two\n* step three" : ""
            let labelCount = Int(random.next() % 4)
            let blocks = i + 1 < issues && chance(30)
            let blockedBy = i > 0 && (random.next() % 100) < 30
            var cells: [String] = []
            cells.reserveCapacity(header.count)
            cells.append("\(pick(words).capitalized) \(pick(words)) for issue \(i)")
            cells += [key, String(id), type, status, "BEN", pick(["Medium", "High", "Low", "Highest"])]
            cells += [assigned ? person.0 : "", assigned ? person.1 : ""]
            cells += [date.format(created), date.format(created.adding(minutes: 90))]
            cells.append(chance(50) ? date.format(created.adding(minutes: 14 * 1440)) : "")
            cells.append(labelCount > 0 ? labels[i % labels.count] : "")
            cells.append(labelCount > 1 ? pick(labels) : "")
            cells.append(labelCount > 2 ? pick(labels) : "")
            cells.append(description)
            cells.append(spent > 0 ? ";\(date.format(created.adding(minutes: 600)));\(person.1);\(spent / 2)" : "")
            cells.append(spent > 0 ? "note;\(date.format(created.adding(minutes: 1200)));\(person.1);\(spent - spent / 2)" : "")
            cells.append(estimate > 0 ? String(estimate) : "")
            cells.append(estimate > 0 ? String(max(0, estimate - spent)) : "")
            cells.append(spent > 0 ? String(spent) : "")
            cells.append(blockedBy ? "BEN-\(i)" : "")
            cells.append(blocks ? "BEN-\(i + 2)" : "")
            cells.append(chance(10) ? "BEN-\(Int(random.next() % UInt64(issues)) + 1)" : "")
            cells.append("0|i\(String(id, radix: 36)):")
            cells.append(chance(60) ? "Sprint \(i / 500 + 1)" : "")
            cells.append(chance(15) ? "Sprint \(i / 500 + 2)" : "")
            cells.append(chance(50) ? date.format(created.adding(minutes: 1440)) : "")
            cells.append(chance(40) ? "\(random.next() % 13).0" : "")
            cells.append(chance(30) ? pick(["Blue", "Red", "Green"]) : "")
            cells.append(chance(20) ? "\(date.format(created.adding(minutes: 300)));\(person.1);Looks good, merging." : "")
            cells += ["", parent, parentSummary, category]
            for field in 1...sparseFields { cells.append(chance(2) ? "value \(field)" : "") }
            row(cells)
        }
        return out
    }
}
