import PlanModel

/// Content lines to the VCALENDAR components they form. Tolerant of what real files get wrong:
/// an `END` for a component that is not open is skipped, a component left open is closed at the
/// end with a warning, lines outside any VCALENDAR (Podio's trailing `X-COMMENT`) are ignored,
/// and a line without the `NAME:` shape is appended to the previous property when it looks like
/// a lost fold, else skipped; each with its line number.
struct ComponentTreeBuilder {
    static let maximumDepth = 32

    private(set) var calendars: [Component] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var stack: [Component] = []
    /// Levels of components skipped for being too deep.
    private var skippedDepth = 0
    private var reportedOutside = false
    let sourceName: String

    init(sourceName: String) { self.sourceName = sourceName }

    private func location(_ line: Int) -> SourceLocation { SourceLocation(file: sourceName, line: line) }

    mutating func consume(_ event: ContentLineLexer.Event) {
        switch event {
        case .line(let line): consume(line)
        case .malformed(let text, let line): consumeMalformed(text, line: line)
        }
    }

    private mutating func consume(_ line: ContentLine) {
        if line.name == "BEGIN" {
            let name = line.value.trimmingWhitespace().uppercased()
            if skippedDepth > 0 || stack.count >= Self.maximumDepth {
                if skippedDepth == 0 {
                    diagnostics.append(Diagnostic(
                        .icsTooDeep, "components nested deeper than \(Self.maximumDepth) levels; '\(name)' and what it holds skipped",
                        at: location(line.line)))
                }
                skippedDepth += 1
                return
            }
            // A component outside any calendar (a bare VEVENT) is kept in an implicit one.
            stack.append(Component(name: name, line: line.line))
            return
        }
        if line.name == "END" {
            if skippedDepth > 0 {
                skippedDepth -= 1
                return
            }
            let name = line.value.trimmingWhitespace().uppercased()
            guard let index = stack.lastIndex(where: { $0.name == name }) else {
                if stack.isEmpty {
                    noteOutside(line.line)
                } else {
                    diagnostics.append(Diagnostic(
                        .icsUnbalancedComponent, "END:\(name) without a matching BEGIN; skipped", at: location(line.line)))
                }
                return
            }
            while stack.count - 1 > index {
                let open = stack[stack.count - 1]
                diagnostics.append(Diagnostic(
                    .icsUnbalancedComponent, "\(open.name) begun on line \(open.line) is closed by END:\(name)",
                    at: location(line.line)))
                close()
            }
            close()
            return
        }
        guard skippedDepth == 0 else { return }
        guard !stack.isEmpty else {
            noteOutside(line.line)
            return
        }
        stack[stack.count - 1].properties.append(line)
    }

    private mutating func consumeMalformed(_ text: String, line: Int) {
        guard skippedDepth == 0 else { return }
        guard !stack.isEmpty else {
            noteOutside(line)
            return
        }
        let top = stack.count - 1
        if !stack[top].properties.isEmpty, !text.contains(":") || text.first == " " {
            // A fold whose leading space was lost (tutanota, ics-py #56): keep the text.
            stack[top].properties[stack[top].properties.count - 1].value += text
            diagnostics.append(Diagnostic(
                .icsBrokenFolding, "line does not start with a property name; read as the continuation of line \(stack[top].properties[stack[top].properties.count - 1].line)",
                at: location(line)))
        } else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            diagnostics.append(Diagnostic(.icsMalformedLine, "'\(shown)' is not a content line; skipped", at: location(line)))
        }
    }

    private mutating func close() {
        let done = stack.removeLast()
        if stack.isEmpty {
            if done.name == "VCALENDAR" {
                calendars.append(done)
            } else {
                var implicit = Component(name: "VCALENDAR", line: done.line)
                implicit.children.append(done)
                calendars.append(implicit)
            }
        } else {
            stack[stack.count - 1].children.append(done)
        }
    }

    private mutating func noteOutside(_ line: Int) {
        guard !reportedOutside else { return }
        reportedOutside = true
        diagnostics.append(Diagnostic(.icsOutsideCalendar, "content outside BEGIN:VCALENDAR … END:VCALENDAR ignored", at: location(line)))
    }

    /// Closes what is still open at the end of the input.
    mutating func finish(lastLine: Int) {
        while let open = stack.last {
            diagnostics.append(Diagnostic(
                .icsUnbalancedComponent, "\(open.name) begun on line \(open.line) is never ended; read up to the end of the input",
                at: location(open.line)))
            close()
        }
    }
}
