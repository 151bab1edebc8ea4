#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PlanModel

/// Somewhere bytes go: a file descriptor in the real tool, memory in tests.
protocol OutputSink: AnyObject {
    func write(_ bytes: [UInt8]) throws(OutputSinkError)
}

struct OutputSinkError: Error {
    var errno: Int32
}

/// Standard output or error, written with `write(2)` so that a failure (a closed pipe, a full
/// disk) is seen rather than lost in a buffer.
final class FileDescriptorSink: OutputSink {
    let descriptor: Int32

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    func write(_ bytes: [UInt8]) throws(OutputSinkError) {
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if let failure { throw OutputSinkError(errno: failure) }
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

/// Collects what the tool printed, for tests that run it in-process.
final class MemorySink: OutputSink {
    private(set) var bytes: [UInt8] = []

    func write(_ bytes: [UInt8]) throws(OutputSinkError) { self.bytes += bytes }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The tool's two streams. Results go to stdout; diagnostics, loss reports and usage errors go
/// to stderr in compiler style, coloured only when stderr is a terminal and `NO_COLOR` is unset.
final class Console {
    let standardOutput: any OutputSink
    let standardError: any OutputSink
    let usesColour: Bool
    /// Whether stderr is a terminal, where a batch redraws one progress line instead of a line per file.
    let errorIsTerminal: Bool

    init(standardOutput: any OutputSink, standardError: any OutputSink, usesColour: Bool, errorIsTerminal: Bool = false) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.usesColour = usesColour
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's own streams; colour as no-color.org asks (any non-empty `NO_COLOR` turns it off).
    static func live(environment: [String: String]) -> Console {
        let terminal = isatty(2) == 1
        let colour = terminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return Console(
            standardOutput: FileDescriptorSink(1), standardError: FileDescriptorSink(2), usesColour: colour,
            errorIsTerminal: terminal && environment["TERM"] != "dumb")
    }

    /// Human output. A failure to print it is not worth a second error message.
    func print(_ text: String) {
        try? standardOutput.write(Array(text.utf8))
    }

    /// Raw output bytes (a converted plan on stdout); the caller reports failure.
    func emit(_ bytes: [UInt8]) throws(OutputSinkError) {
        try standardOutput.write(bytes)
    }

    func printError(_ text: String) {
        try? standardError.write(Array(text.utf8))
    }

    /// One diagnostic per line, `file:line:col: warning: message [code]`.
    func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(render(diagnostic) + "\n") }
    }

    /// A usage error's text, its leading `error:` coloured like a diagnostic's.
    func reportUsageError(_ text: String) {
        printError(usesColour ? paint("error:", Self.colour(for: .error)) + text.dropFirst("error:".count) : text)
    }

    /// `Diagnostic.description` with the severity word coloured: the description stays the one
    /// rendering, colour only wraps the word where the description puts it.
    func render(_ diagnostic: Diagnostic) -> String {
        let text = diagnostic.description
        guard usesColour else { return text }
        let location = diagnostic.location?.description ?? ""
        let prefix = location.isEmpty ? "" : location + ": "
        let word = diagnostic.severity.rawValue + ":"
        guard text.hasPrefix(prefix + word) else { return text }
        return prefix + paint(word, Self.colour(for: diagnostic.severity)) + text.dropFirst(prefix.count + word.count)
    }

    private static func colour(for severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;35"
        case .info: return "1;36"
        }
    }

    private func paint(_ text: String, _ sgr: String) -> String { "\u{1B}[\(sgr)m\(text)\u{1B}[0m" }
}
