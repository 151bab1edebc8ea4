import Foundation
import PlanModel

/// Reads iCalendar (RFC 5545) into a plan, as tolerantly as real files need (ICAL.md §2):
/// bytes → content lines (`ContentLineLexer`) → components (`ComponentTreeBuilder`) → plan
/// (`ICalendarImporter`). Every finding carries its line; nothing in the input makes it crash,
/// and only input without any VCALENDAR is refused. Several VCALENDARs are merged into one plan.
public struct ICalendarReader: PlanReader {
    /// Beyond this many findings only a count is kept: a 100 MB feed of broken lines must not
    /// make the diagnostics larger than the plan.
    static let maximumDiagnostics = 1000

    public init() {}

    public func read(_ input: PlanInput, options: ReadOptions) throws(PlanError) -> ReadResult {
        let file = input.sourceName
        var lexer = ContentLineLexer(sourceName: file)
        var builder = ComponentTreeBuilder(sourceName: file)
        input.data.withUnsafeBytes { raw in
            lexer.lex(raw.bindMemory(to: UInt8.self)) { builder.consume($0) }
        }
        builder.finish(lastLine: 0)
        guard !builder.calendars.isEmpty else {
            throw PlanError(.unreadableInput, Diagnostic(
                .icsNotICalendar, input.data.isEmpty ? "the input is empty, not an iCalendar file" : "no BEGIN:VCALENDAR found; not an iCalendar file",
                at: SourceLocation(file: file)), related: lexer.diagnostics + builder.diagnostics)
        }
        var importer = ICalendarImporter(sourceName: file, calendars: builder.calendars)
        let plan = importer.makePlan(builder.calendars, options: options.iCalendar)
        var diagnostics = lexer.diagnostics + builder.diagnostics + importer.diagnostics
        if options.strict, let first = diagnostics.firstIndex(where: { $0.severity == .warning }) {
            var promoted = diagnostics.remove(at: first)
            promoted.severity = .error
            throw PlanError(.unreadableInput, promoted, related: diagnostics)
        }
        diagnostics.sort { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
        if diagnostics.count > Self.maximumDiagnostics {
            let rest = diagnostics.count - Self.maximumDiagnostics
            diagnostics.removeLast(rest)
            diagnostics.append(Diagnostic(.icsMoreDiagnostics, "\(rest) more finding(s) not shown", at: SourceLocation(file: file)))
        }
        return ReadResult(plan: plan, diagnostics: diagnostics)
    }
}
