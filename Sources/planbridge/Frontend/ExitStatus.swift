import PlanFormats
import PlanModel

/// The documented exit statuses (DESIGN.md, "Command line"); scripts depend on them.
enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Validation errors or differences found (validate, diff).
    case findings = 1
    case usageError = 2
    case inputUnreadable = 3
    case outputUnwritable = 4
    /// A batch stopped by SIGINT (Ctrl-C) or SIGTERM: 128 + the signal's number, as shells report.
    case interrupted = 130
    case terminated = 143
}

/// Which end of the work an error came from: the same `PlanError` kind can be about either.
enum Stage: Sendable {
    case input, output
}

extension ExitStatus {
    /// The one place that turns an error into an exit status.
    ///
    /// A format name the registry does not know, or an output whose format neither `--to` nor the
    /// path's extension gives, is a mistake on the command line rather than a file problem.
    init(_ error: PlanError, during stage: Stage) {
        switch error.kind {
        case .unreadableInput, .unsupportedVersion:
            self = .inputUnreadable
        case .writeFailed:
            self = .outputUnwritable
        case .unsupportedFormat:
            if error.diagnostic.code == .formatUnknown || (stage == .output && error.diagnostic.code == .formatUndetected) {
                self = .usageError
            } else {
                self = stage == .input ? .inputUnreadable : .outputUnwritable
            }
        }
    }
}
