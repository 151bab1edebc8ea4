import Foundation
import PlanFormats
import PlanModel

/// What became of one file of a batch.
struct BatchFileResult: Sendable {
    enum Status: String, Sendable {
        case ok, warnings, failed, skipped
        /// Not converted because the batch was interrupted first.
        case cancelled
    }

    var input: String
    var output: String
    var status: Status
    /// Every finding when a report is written; otherwise only the first error, which is all the
    /// per-file line shows (thousands of files' warnings need not stay in memory).
    var diagnostics: [Diagnostic]
    var warningCount: Int
    var loss: [LossReport.Item]
    var bytesRead: Int
    /// A failure while reading (not found, unreadable, malformed) rather than while writing.
    var failedReading = false

    var firstError: Diagnostic? { diagnostics.first { $0.severity == .error } }
}

/// The counts the summary line and the report's `summary` member show.
struct BatchSummary: Sendable, Equatable {
    var files = 0, ok = 0, warnings = 0, skipped = 0, failed = 0, cancelled = 0
    var bytesRead = 0
    var seconds = 0.0
    var interrupted = false

    init(_ results: [BatchFileResult], seconds: Double, interrupted: Bool) {
        files = results.count
        for result in results {
            switch result.status {
            case .ok: ok += 1
            case .warnings: warnings += 1
            case .skipped: skipped += 1
            case .failed: failed += 1
            case .cancelled: cancelled += 1
            }
            bytesRead += result.bytesRead
        }
        self.seconds = seconds
        self.interrupted = interrupted
    }

    var filesPerSecond: Double { seconds > 0 ? Double(files - cancelled - skipped) / seconds : 0 }

    /// `2000 files: 1990 ok, 5 warnings, 3 skipped, 2 failed; 48.2 MB read in 12.34 s (161.6 files/s)`.
    var text: String {
        var parts = ["\(ok) ok", "\(warnings) warnings"]
        if skipped > 0 { parts.append("\(skipped) skipped") }
        parts.append("\(failed) failed")
        if cancelled > 0 { parts.append("\(cancelled) not converted") }
        let timing = String(format: "%.2f s (%.1f files/s)", seconds, filesPerSecond)
        return (interrupted ? "interrupted: " : "") + "\(files) files: " + parts.joined(separator: ", ")
            + "; \(Self.bytes(bytesRead)) read in \(timing)\n"
    }

    static func bytes(_ count: Int) -> String {
        let units = ["kB", "MB", "GB", "TB"]
        guard count >= 1000 else { return "\(count) B" }
        var value = Double(count) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return String(format: "%.1f ", value) + units[unit]
    }
}

enum BatchReport {
    /// The per-file line on stderr: `ok: in.xml -> out/in.json`, `warnings (3): …`,
    /// `failed: in.csv: in.csv: row 4, column 'Due': error: … [jira.bad-date]`.
    static func line(for result: BatchFileResult) -> String {
        let arrow = "\(result.input) -> \(result.output)"
        switch result.status {
        case .ok: return "ok: \(arrow)\n"
        case .warnings: return "warnings (\(result.warningCount)): \(arrow)\n"
        case .skipped: return "skipped: \(arrow) (output is newer)\n"
        case .cancelled: return "cancelled: \(arrow)\n"
        case .failed:
            let reason = result.firstError.map(\.description) ?? "failed"
            return "failed: \(result.input): \(reason)\n"
        }
    }

    /// The machine-readable report (shape documented in README and schemas/batch-report.schema.json).
    static func json(_ results: [BatchFileResult], summary: BatchSummary, target: String, shard: Shard?) -> JSONValue {
        let counts: [(String, JSONValue)] = [
            ("files", .int(summary.files)), ("ok", .int(summary.ok)), ("warnings", .int(summary.warnings)),
            ("skipped", .int(summary.skipped)), ("failed", .int(summary.failed)), ("cancelled", .int(summary.cancelled)),
            ("bytesRead", .int(summary.bytesRead)), ("milliseconds", .int(Int((summary.seconds * 1000).rounded()))),
        ]
        let files = results.map { result -> JSONValue in
            .object([
                ("input", .string(result.input)),
                ("output", .string(result.output)),
                ("status", .string(result.status.rawValue)),
                ("bytesRead", .int(result.bytesRead)),
                ("diagnostics", .array(result.diagnostics.map(\.json))),
                ("loss", .array(result.loss.map { .object([("kind", .string($0.kind)), ("count", .int($0.count)), ("detail", .string($0.detail))]) })),
            ])
        }
        return .object([
            ("format", .string("planbridge-batch-report")),
            ("version", .int(1)),
            ("to", .string(target)),
            ("shard", shard.map { .string($0.description) } ?? .null),
            ("interrupted", .bool(summary.interrupted)),
            ("summary", .object(counts)),
            ("files", .array(files)),
        ])
    }
}
