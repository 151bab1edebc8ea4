import Foundation
import PlanFormats
import PlanModel

enum BatchOptions {
    /// Options that mean nothing without --out-dir.
    static let batchOnly = ["jobs", "report", "skip-existing", "shard", "list"]
}

/// `planbridge convert IN... --out-dir DIR --to FORMAT`: the batch form of `convert`.
enum BatchConvert {
    static func run(
        _ arguments: ParsedArguments, settings: (any PlanWriter) -> ConversionSettings, context: ToolContext
    ) -> ExitStatus {
        let outDir = arguments.value("out-dir") ?? ""
        let words = [arguments[argument: "input"]] + (arguments.repeated["output"] ?? []).filter { !$0.isEmpty }
        if words.contains("-") { return Convert.usageError("standard input cannot be part of a batch; name files or folders", context) }
        guard let target = arguments.value("to") else {
            return Convert.usageError("batch conversion needs the output format: give --to <format>", context)
        }
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = arguments.value("jobs") {
            guard let count = Int(text), count >= 1 else {
                return Convert.usageError("the value '\(text)' is invalid for '--jobs <n>'; use a whole number from 1", context)
            }
            jobs = count
        }
        var shard: Shard?
        if let text = arguments.value("shard") {
            guard let parsed = Shard(text) else {
                return Convert.usageError("the value '\(text)' is invalid for '--shard <k/n>'; use e.g. '2/8' (K from 1 to N)", context)
            }
            shard = parsed
        }
        let format: FormatDescriptor
        let writer: any PlanWriter
        do throws(PlanError) {
            format = try context.registry.format(named: target)
            writer = try Convert.writer(context.registry, path: nil, explicit: target)
        } catch {
            return Tool.fail(error, during: .output, context: context)
        }

        let readable = Set(context.registry.formats.filter { $0.reader != nil }.flatMap(\.extensions))
        let found = BatchInputs.expand(words, extensions: readable, excluding: outDir)
        let items = found.filter { shard?.contains($0.relative) ?? true }.map { file in
            BatchItem(
                input: file.input, relative: file.relative,
                output: BatchInputs.output(for: file.relative, in: outDir, extension: format.extensions.first ?? format.id))
        }
        if arguments.flag("list") {
            context.console.print(items.map { "\($0.input)\t\($0.output)\n" }.joined())
            return .success
        }
        if found.isEmpty {
            context.console.report([Diagnostic(.ioNotFound, "no plan files found in \(words.map { "'\($0)'" }.joined(separator: ", "))")])
            return .inputUnreadable
        }
        do {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        } catch {
            context.console.report([Diagnostic(.ioWriteFailed, "cannot create '\(outDir)': \(SystemError.reason(error).text)")])
            return .outputUnwritable
        }

        let job = BatchJob(
            items: items, settings: settings(writer), registry: context.registry, force: arguments.flag("force"),
            skipExisting: arguments.flag("skip-existing"), jobs: jobs, keepsDiagnostics: arguments.value("report") != nil)
        let (results, seconds, signal) = Interruption.catchingSignals(context.handlesSignals) { interruption in
            let (results, seconds) = BatchRunner.run(job, console: context.console, interruption: interruption)
            return (results, seconds, interruption.signal)
        }
        let summary = BatchSummary(results, seconds: seconds, interrupted: signal != nil)
        context.console.printError(summary.text)

        var status = exitStatus(results, summary: summary, signal: signal)
        if let path = arguments.value("report") {
            let report = BatchReport.json(results, summary: summary, target: format.id, shard: shard).rendered()
            do throws(PlanError) {
                // The report is this tool's own record of the run, so a rerun replaces it.
                try OutputFile.write(Array(report.utf8), to: path, force: true)
            } catch {
                context.console.report([error.diagnostic])
                if status == .success { status = .outputUnwritable }
            }
        }
        return status
    }

    /// 0 when every file was converted (or skipped), 3 when every file failed while being read,
    /// 1 when some failed, 128 + the signal when interrupted.
    static func exitStatus(_ results: [BatchFileResult], summary: BatchSummary, signal: Int32?) -> ExitStatus {
        if let signal { return signal == SIGTERM ? .terminated : .interrupted }
        if summary.failed == 0 { return .success }
        if summary.failed == summary.files, results.allSatisfy(\.failedReading) { return .inputUnreadable }
        return .findings
    }
}
