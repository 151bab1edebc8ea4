import Foundation
import PlanFormats
import PlanModel

/// How every file of one `convert` run is converted: the same for the single-file form and for
/// each file of a batch, so that both take exactly one pipeline.
struct ConversionSettings: Sendable {
    var explicitFormat: String?
    var writer: any PlanWriter
    var readOptions: ReadOptions
    var writeOptions: WriteOptions
    /// False with --no-schedule.
    var schedulesDateless: Bool
    var scheduleFrom: CivilDate?
    /// The day a dateless plan starts on when nothing else gives one.
    var today: CivilDate
}

/// What a finished conversion reported, in the order the user should read it: detection and
/// reader findings, the scheduler's note, then the writer's findings and the loss report.
struct ConversionOutcome: Sendable {
    var diagnostics: [Diagnostic]
    var loss: LossReport
    var bytesRead: Int
    var bytesWritten: Int
}

/// A conversion that stopped: the error, which end it came from, and what had been reported
/// before it (which the user still needs, e.g. the detection warning before a failed write).
struct ConversionFailure: Error, Sendable {
    var error: PlanError
    var stage: Stage
    var earlier: [Diagnostic]
    var bytesRead: Int
}

enum Conversion {
    /// Read → schedule a dateless plan (unless switched off) → write; `deliver` stores the bytes
    /// (standard output, or a file put safely in place) and may refuse them.
    static func run(
        _ path: String, settings: ConversionSettings, registry: FormatRegistry,
        standardInput: () throws -> Data, deliver: ([UInt8]) throws(PlanError) -> Void
    ) -> Result<ConversionOutcome, ConversionFailure> {
        let loaded: LoadedPlans
        var bytesRead = 0
        do throws(PlanError) {
            let input = try InputFile.read(path, standardInput: standardInput)
            bytesRead = input.data.count
            loaded = try PlanLoading.load(
                input, path: path, explicitFormat: settings.explicitFormat, options: settings.readOptions, registry: registry)
        } catch {
            return .failure(ConversionFailure(error: error, stage: .input, earlier: [], bytesRead: bytesRead))
        }
        var diagnostics = loaded.diagnostics
        if loaded.result.plans.count > 1 {
            diagnostics.append(Diagnostic(
                .cliExtraPlans, "the input holds \(loaded.result.plans.count) plans; converting only the first",
                at: SourceLocation(file: loaded.input.sourceName)))
        }

        var plan = loaded.result.plan
        if settings.schedulesDateless, DatelessScheduling.applies(to: plan) {
            let scheduled = DatelessScheduling.schedule(
                plan, from: settings.scheduleFrom, today: settings.today, source: loaded.input.sourceName)
            plan = scheduled.plan
            diagnostics += scheduled.diagnostics
        }

        do throws(PlanError) {
            let written = try settings.writer.write(plan, options: settings.writeOptions)
            try deliver(written.bytes)
            return .success(ConversionOutcome(
                diagnostics: diagnostics + written.diagnostics + written.loss.diagnostics, loss: written.loss,
                bytesRead: bytesRead, bytesWritten: written.bytes.count))
        } catch {
            return .failure(ConversionFailure(error: error, stage: .output, earlier: diagnostics, bytesRead: bytesRead))
        }
    }
}
