internal import CLibXML2
import PlanModel

/// Collects libxml2's structured errors as diagnostics with line and column. libxml2 calls back
/// through a C function pointer, so the collector travels as the callback's context pointer.
final class XMLErrorCollector {
    let file: String
    /// The code for errors from the schema machinery; parser (well-formedness) errors get
    /// `xsd.not-well-formed` whatever this is.
    let code: DiagnosticCode
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, code: DiagnosticCode) {
        self.file = file
        self.code = code
    }

    func add(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        let message = raw.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        let trimmed = message.trimmingTrailingNewlines()
        let line = raw.line > 0 ? Int(raw.line) : nil
        // libxml2 keeps the column in `int2` for parser errors; schema errors leave it 0.
        let column = raw.int2 > 0 ? Int(raw.int2) : nil
        let isParserError = raw.domain == Int32(XML_FROM_PARSER.rawValue)
        let severity: Severity = raw.level == XML_ERR_WARNING ? .warning : .error
        diagnostics.append(Diagnostic(
            isParserError ? .xsdNotWellFormed : code, trimmed,
            at: SourceLocation(file: file, line: line, column: column), severity: severity))
    }

    /// Runs `body` with this collector as the calling thread's libxml2 structured error handler
    /// (libxml2 keeps that handler per thread), restoring the previous one afterwards. Errors that
    /// libxml2 raises outside a context with its own handler (the parser inside a stream
    /// validation) would otherwise go to stderr.
    func capturingGlobalErrors<T>(_ body: () -> T) -> T {
        // The C macros `xmlStructuredError`/`xmlStructuredErrorContext` read these per-thread slots.
        let previousHandler = __xmlStructuredError()?.pointee
        let previousContext = __xmlStructuredErrorContext()?.pointee
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque(), xmlErrorCollectorCallback)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        return body()
    }
}

/// The C callback: the context pointer is an unretained `XMLErrorCollector`.
let xmlErrorCollectorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().add(error)
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\n" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
