import Foundation
import PlanModel

/// Reads MS Project XML (MSPDI) into a `Plan`.
///
/// Streaming over libxml2's SAX2 parser: memory grows with the plan, not with the file's text.
/// Hostile input is refused with stable codes (`mspdi.doctype-forbidden` before any entity can be
/// declared, `mspdi.text-too-long` for text nodes over libxml2's 10 MB default), malformed XML is
/// an error with every libxml2 message and its line and column, and MS Project's own bad values
/// become warnings with a sensible value. What the model has no field for is kept verbatim as
/// extensions (the convention in `MSPDIVocabulary.swift`) and counted in one info diagnostic.
///
/// This is also the benchmark's entry point: `MSPDIReader().read(PlanInput(…), options: .default)`.
public struct MSPDIReader: PlanReader {
    public init() {}

    public func read(_ input: PlanInput, options: ReadOptions) throws(PlanError) -> ReadResult {
        let builder = try parse(input)
        builder.finish()
        var diagnostics = builder.diagnostics
        if options.strict, let first = diagnostics.firstIndex(where: { $0.severity == .warning }) {
            var promoted = diagnostics.remove(at: first)
            promoted.severity = .error
            throw PlanError(.unreadableInput, promoted, related: diagnostics)
        }
        diagnostics.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        return ReadResult(plan: builder.plan, diagnostics: diagnostics)
    }

    private func parse(_ input: PlanInput) throws(PlanError) -> MSPDIDocumentBuilder {
        let file = input.sourceName
        guard !input.data.isEmpty else {
            throw PlanError(.unreadableInput, Diagnostic(.mspdiNotXML, "the input is empty, not an MS Project XML file", at: SourceLocation(file: file)))
        }
        let builder = MSPDIDocumentBuilder(sourceName: file)
        let result: Result<XMLEventParser.Outcome, PlanError> = input.data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let head = min(4, bytes.count)
            do throws(PlanError) {
                let parser = try XMLEventParser(handler: builder, firstBytes: UnsafeBufferPointer(rebasing: bytes[0..<head]), sourceName: file)
                return .success(parser.parse(remaining: UnsafeBufferPointer(rebasing: bytes[head...])))
            } catch {
                return .failure(error)
            }
        }
        let outcome = try result.get()
        let problems = outcome.problems.map { diagnostic(for: $0, file: file) }

        switch outcome.stopReason {
        case .documentType(let line, let column)?:
            throw PlanError(.unreadableInput, Diagnostic(
                .mspdiDoctypeForbidden,
                "the document has a DOCTYPE; MS Project never writes one and it can smuggle in entities, so it is refused",
                at: SourceLocation(file: file, line: line, column: column)), related: problems)
        case .textTooLong(let line, let column)?:
            throw PlanError(.unreadableInput, Diagnostic(
                .mspdiTextTooLong,
                "a text value is longer than \(XMLEventParser.defaultMaxTextLength / 1_000_000) MB; refused",
                at: SourceLocation(file: file, line: line, column: column)), related: problems)
        case .tooDeep(let line, let column)?:
            throw PlanError(.unreadableInput, Diagnostic(
                .mspdiTooDeep, "elements are nested more than \(XMLEventParser.defaultMaxDepth) deep; refused",
                at: SourceLocation(file: file, line: line, column: column)), related: problems)
        case .requested?, nil:
            break
        }
        if let root = builder.wrongRoot {
            throw PlanError(.unreadableInput, Diagnostic(
                .mspdiWrongRoot, "the root element is <\(root)>, not <Project>: this is XML but not MS Project XML",
                at: SourceLocation(file: file, line: builder.rootLine, column: builder.rootColumn)), related: problems)
        }
        if !outcome.wellFormed {
            let first = outcome.problems.first { $0.level != .warning }
            let location = SourceLocation(file: file, line: first?.line, column: first?.column)
            let detail = first?.message ?? "libxml2 stopped reading"
            if !builder.rootSeen {
                throw PlanError(.unreadableInput, Diagnostic(.mspdiNotXML, "this is not XML: \(detail)", at: location), related: problems)
            }
            throw PlanError(.unreadableInput, Diagnostic(.mspdiMalformed, "the XML is malformed: \(detail)", at: location), related: problems)
        }
        builder.diagnostics.append(contentsOf: problems)
        return builder
    }

    private func diagnostic(for problem: XMLParseProblem, file: String) -> Diagnostic {
        let code: DiagnosticCode = problem.level == .warning ? .mspdiXMLWarning : .mspdiMalformed
        return Diagnostic(code, problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column))
    }
}

extension MSPDIDocumentBuilder {
    /// Cross-references that need the whole document, and the count of kept elements.
    func finish() {
        // A resource's calendar that derives from a base is that resource's own calendar.
        var calendarIndex: [CalendarID: Int] = [:]
        for (i, calendar) in plan.calendars.enumerated() { calendarIndex[calendar.id] = i }
        for resource in plan.resources {
            if let id = resource.calendar, let i = calendarIndex[id], !plan.calendars[i].isBaseCalendar,
                plan.calendars[i].resource == nil
            {
                plan.calendars[i].resource = resource.id
            }
        }
        if keptElementCount > 0 {
            diagnostics.append(Diagnostic(
                .mspdiExtensionsKept,
                "kept \(Self.grouped(keptElementCount)) element\(keptElementCount == 1 ? "" : "s") the model has no field for as extensions",
                at: SourceLocation(file: sourceName)))
        }
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

extension DiagnosticCode {
    // Fatal: the input cannot be read as MSPDI.
    public static let mspdiNotXML = DiagnosticCode("mspdi.not-xml", .error)
    public static let mspdiMalformed = DiagnosticCode("mspdi.malformed", .error)
    public static let mspdiWrongRoot = DiagnosticCode("mspdi.wrong-root", .error)
    public static let mspdiDoctypeForbidden = DiagnosticCode("mspdi.doctype-forbidden", .error)
    public static let mspdiTextTooLong = DiagnosticCode("mspdi.text-too-long", .error)
    public static let mspdiTooDeep = DiagnosticCode("mspdi.too-deep", .error)

    // Recoverable: a sensible value was used and reading went on.
    public static let mspdiXMLWarning = DiagnosticCode("mspdi.xml-warning", .warning)
    public static let mspdiBadValue = DiagnosticCode("mspdi.bad-value", .warning)
    public static let mspdiBadDate = DiagnosticCode("mspdi.bad-date", .warning)
    public static let mspdiBadDuration = DiagnosticCode("mspdi.bad-duration", .warning)
    public static let mspdiNegativeDuration = DiagnosticCode("mspdi.negative-duration", .warning)
    public static let mspdiMissingUID = DiagnosticCode("mspdi.missing-uid", .warning)
    public static let mspdiCustomFieldUndefined = DiagnosticCode("mspdi.custom-field-undefined", .warning)
    public static let mspdiUnsupportedRecurrence = DiagnosticCode("mspdi.unsupported-recurrence", .warning)

    // Information.
    public static let mspdiExtensionsKept = DiagnosticCode("mspdi.extensions-kept", .info)
}
