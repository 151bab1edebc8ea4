import PlanModel
import Testing

@testable import planbridge

/// The mapping from errors to the documented exit statuses, case by case.
struct ExitStatusTests {
    private func error(_ kind: PlanError.Kind, _ code: DiagnosticCode) -> PlanError {
        PlanError(kind, Diagnostic(code, "x"))
    }

    @Test func inputProblemsAreThreeAndOutputProblemsAreFour() {
        #expect(ExitStatus(error(.unreadableInput, .ioNotFound), during: .input) == .inputUnreadable)
        #expect(ExitStatus(error(.unsupportedVersion, .ioUnreadable), during: .input) == .inputUnreadable)
        #expect(ExitStatus(error(.unsupportedFormat, .formatUndetected), during: .input) == .inputUnreadable)
        #expect(ExitStatus(error(.unsupportedFormat, .formatNotReadable), during: .input) == .inputUnreadable)
        #expect(ExitStatus(error(.writeFailed, .ioOutputExists), during: .output) == .outputUnwritable)
        #expect(ExitStatus(error(.unsupportedFormat, .formatNotWritable), during: .output) == .outputUnwritable)
    }

    @Test func formatNamesTheCommandLineGotWrongAreUsageErrors() {
        #expect(ExitStatus(error(.unsupportedFormat, .formatUnknown), during: .input) == .usageError)
        #expect(ExitStatus(error(.unsupportedFormat, .formatUnknown), during: .output) == .usageError)
        #expect(ExitStatus(error(.unsupportedFormat, .formatUndetected), during: .output) == .usageError)
    }

    @Test func statusesAreTheDocumentedNumbers() {
        #expect([ExitStatus.success, .findings, .usageError, .inputUnreadable, .outputUnwritable].map(\.rawValue) == [0, 1, 2, 3, 4])
        // 128 + SIGINT and 128 + SIGTERM, as a shell reports a process those signals ended.
        #expect([ExitStatus.interrupted, .terminated].map(\.rawValue) == [130, 143])
    }
}
