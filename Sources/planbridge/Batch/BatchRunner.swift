import Foundation
import PlanFormats
import PlanModel

extension DiagnosticCode {
    /// Two inputs of a batch would write the same output (`plan.csv` and `plan.xml` → `plan.json`).
    static let batchOutputCollision = DiagnosticCode("batch.output-collision", .error)
}

/// Everything the workers share: read-only once the batch starts.
struct BatchJob: Sendable {
    var items: [BatchItem]
    var settings: ConversionSettings
    var registry: FormatRegistry
    var force: Bool
    var skipExisting: Bool
    var jobs: Int
    var keepsDiagnostics: Bool

    /// For each item whose output an earlier item already claims, that earlier input.
    var collisions: [Int: String] {
        var owners: [String: String] = [:]
        var found: [Int: String] = [:]
        for (index, item) in items.enumerated() {
            if let owner = owners[item.output] { found[index] = owner } else { owners[item.output] = item.input }
        }
        return found
    }
}

/// A fixed pool of `jobs` threads, each taking the next file from a shared index, so that at most
/// `jobs` inputs are in memory at a time whatever the size of the batch.
enum BatchRunner {
    static func run(_ job: BatchJob, console: Console, interruption: Interruption) -> (results: [BatchFileResult], seconds: Double) {
        let state = BatchState(job: job, console: console)
        let collisions = job.collisions
        let group = DispatchGroup()
        for _ in 0..<max(1, min(job.jobs, job.items.count)) {
            group.enter()
            let thread = Thread {
                // Folders this worker made or found: a migration writes hundreds of files into each.
                var folders: Set<String> = []
                while let index = state.claim(unless: interruption) {
                    state.finish(
                        index, convert(job.items[index], of: job, collision: collisions[index], folders: &folders, interruption: interruption))
                }
                group.leave()
            }
            // Readers recurse over nested input; give workers the main thread's usual stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return state.close()
    }

    static func convert(
        _ item: BatchItem, of job: BatchJob, collision: String?, folders: inout Set<String>, interruption: Interruption
    ) -> BatchFileResult {
        var result = BatchFileResult(
            input: item.input, output: item.output, status: .failed, diagnostics: [], warningCount: 0, loss: [], bytesRead: 0)
        if let collision {
            result.diagnostics = [Diagnostic(.batchOutputCollision, "'\(item.output)' is also the output of '\(collision)'; not converted")]
            return result
        }
        if job.skipExisting, let outputTime = modificationTime(item.output), let inputTime = modificationTime(item.input),
            outputTime > inputTime
        {
            result.status = .skipped
            return result
        }
        let folder = URL(fileURLWithPath: item.output).deletingLastPathComponent().path
        // Another worker may create the same folder at the same moment; the check below decides.
        if folders.insert(folder).inserted {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        do throws(PlanError) {
            try OutputFile.checkDestination(item.output, force: job.force)
        } catch {
            result.diagnostics = [error.diagnostic]
            return result
        }

        let conversion = Conversion.run(
            item.input, settings: job.settings, registry: job.registry, standardInput: { Data() }
        ) { (bytes: [UInt8]) throws(PlanError) in
            if interruption.signal != nil { throw OutputFile.interrupted(item.output) }
            try OutputFile.write(bytes, to: item.output, force: job.force) { interruption.signal == nil }
        }
        switch conversion {
        case .success(let outcome):
            result.warningCount = outcome.diagnostics.count { $0.severity == .warning }
            result.status = result.warningCount > 0 ? .warnings : .ok
            result.diagnostics = job.keepsDiagnostics ? outcome.diagnostics : []
            result.loss = outcome.loss.items
            result.bytesRead = outcome.bytesRead
        case .failure(let failure):
            result.status = failure.error.diagnostic.code == .cliInterrupted ? .cancelled : .failed
            result.failedReading = failure.stage == .input
            result.bytesRead = failure.bytesRead
            let all = failure.earlier + [failure.error.diagnostic] + failure.error.related
            result.warningCount = all.count { $0.severity == .warning }
            result.diagnostics = job.keepsDiagnostics ? all : [failure.error.diagnostic]
        }
        return result
    }

    private static func modificationTime(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

/// The mutable side of a batch: the next index, the results, and stderr. One lock guards it all,
/// so lines never interleave and the progress line is redrawn by one thread at a time.
private final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private let job: BatchJob
    private let console: Console
    private let progress: ProgressLine
    private let started = DispatchTime.now()
    private var next = 0
    private var done = 0
    private var results: [BatchFileResult?]
    private var lastDrawn: UInt64 = 0

    init(job: BatchJob, console: Console) {
        self.job = job
        self.console = console
        self.progress = ProgressLine(total: job.items.count)
        self.results = Array(repeating: nil, count: job.items.count)
    }

    func claim(unless interruption: Interruption) -> Int? {
        lock.withLock {
            guard interruption.signal == nil, next < job.items.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish(_ index: Int, _ result: BatchFileResult) {
        lock.withLock {
            results[index] = result
            done += 1
            guard console.errorIsTerminal else { return console.printError(BatchReport.line(for: result)) }
            let now = DispatchTime.now().uptimeNanoseconds
            if result.status == .failed {
                console.printError(ProgressLine.erase + BatchReport.line(for: result))
            } else if now - lastDrawn < 100_000_000 && done < job.items.count {
                return
            }
            lastDrawn = now
            console.printError(progress.render(done: done, seconds: elapsed))
        }
    }

    private var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }

    /// The results in input order, files never started marked as cancelled.
    func close() -> (results: [BatchFileResult], seconds: Double) {
        lock.withLock {
            if console.errorIsTerminal { console.printError(ProgressLine.erase) }
            let all = results.enumerated().map { index, result in
                result ?? BatchFileResult(
                    input: job.items[index].input, output: job.items[index].output, status: .cancelled,
                    diagnostics: [], warningCount: 0, loss: [], bytesRead: 0)
            }
            return (all, elapsed)
        }
    }
}
