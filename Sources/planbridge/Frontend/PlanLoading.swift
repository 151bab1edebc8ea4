import Foundation
import PlanFormats
import PlanModel

/// An input read into plans, with everything worth telling the user about how.
struct LoadedPlans {
    var input: PlanInput
    var format: FormatDescriptor
    var result: ReadResult
    /// Detection warnings first, then the reader's own findings.
    var diagnostics: [Diagnostic]
}

extension DiagnosticCode {
    /// The input holds several plans and the command uses only the first.
    static let cliExtraPlans = DiagnosticCode("cli.extra-plans", .warning)
}

enum PlanLoading {
    /// Reads `path` (`-` for stdin) as the format `explicit` names, or the one detection picks.
    static func load(
        _ path: String, explicitFormat: String?, options: ReadOptions = .default, context: ToolContext
    ) throws(PlanError) -> LoadedPlans {
        try load(path, explicitFormat: explicitFormat, options: options, registry: context.registry, standardInput: context.readStandardInput)
    }

    /// The same without a whole tool context, for batch workers that only need the registry.
    static func load(
        _ path: String, explicitFormat: String?, options: ReadOptions, registry: FormatRegistry, standardInput: () throws -> Data
    ) throws(PlanError) -> LoadedPlans {
        try load(InputFile.read(path, standardInput: standardInput), path: path, explicitFormat: explicitFormat, options: options, registry: registry)
    }

    /// Detection and reading of bytes already read from `path`.
    static func load(
        _ input: PlanInput, path: String, explicitFormat: String?, options: ReadOptions, registry: FormatRegistry
    ) throws(PlanError) -> LoadedPlans {
        let detection = try registry.detectInput(input, path: path == "-" ? nil : path, explicit: explicitFormat)
        guard let reader = detection.format.reader else {
            throw PlanError(.unsupportedFormat, Diagnostic(
                .formatNotReadable, "\(detection.format.displayName) cannot be read, only written",
                at: SourceLocation(file: input.sourceName)), related: detection.diagnostics)
        }
        let result: ReadResult
        do {
            result = try reader.read(input, options: options)
        } catch {
            // Keep the detection warning: "read as JSON because of the content" explains many failures.
            throw PlanError(error.kind, error.diagnostic, related: detection.diagnostics + error.related)
        }
        guard !result.plans.isEmpty else {
            throw PlanError(.unreadableInput, Diagnostic(
                .ioUnreadable, "no plan found in the input", at: SourceLocation(file: input.sourceName)))
        }
        return LoadedPlans(input: input, format: detection.format, result: result, diagnostics: detection.diagnostics + result.diagnostics)
    }
}
