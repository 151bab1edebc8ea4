import Foundation
import PlanFormats
import PlanModel

/// Everything a subcommand may touch of the outside world, so that tests can run the tool
/// in-process with their own formats, streams and clock.
struct ToolContext {
    var registry: FormatRegistry
    var console: Console
    var environment: [String: String]
    var readStandardInput: () throws -> Data
    /// Now, as a civil date-time in UTC.
    var now: () -> CivilDateTime
    /// Whether a batch may take over SIGINT and SIGTERM to stop cleanly; only the real process
    /// does, so that in-process tests keep their own signal handling.
    var handlesSignals = false

    static func live() -> ToolContext {
        let environment = ProcessInfo.processInfo.environment
        return ToolContext(
            registry: .builtIn,
            console: .live(environment: environment),
            environment: environment,
            readStandardInput: { try FileHandle.standardInput.readToEnd() ?? Data() },
            now: { CivilDateTime(secondsSinceEpoch: Int(Date().timeIntervalSince1970)) },
            handlesSignals: true
        )
    }

    /// The moment writers stamp into their output: `SOURCE_DATE_EPOCH` when set (reproducible
    /// builds' convention, also what the scenario tests pin), otherwise now.
    var timestamp: CivilDateTime {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) { return CivilDateTime(secondsSinceEpoch: epoch) }
        return now()
    }
}
