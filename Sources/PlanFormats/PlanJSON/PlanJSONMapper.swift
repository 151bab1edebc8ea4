import PlanModel

/// Reads PlanBridge JSON into model values by pulling keys and values from a `JSONCursor`.
/// Problems with one value (a wrong type, a bad date, an unknown key) become diagnostics with
/// line, column and JSON path, and reading goes on, so that one run reports them all; only
/// syntax errors and a foreign or newer document stop it (`JSONReadFailure`).
struct PlanJSONMapper {
    var cursor: JSONCursor
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0
    private var suppressed = 0
    /// The entity being read, once its id is known: diagnostics name it.
    var currentEntity: EntityRef?
    private var positions: TextPositions
    private var path: [PathComponent] = []
    let sourceName: String
    let strict: Bool

    enum PathComponent {
        case member(JSONStringToken)
        case index(Int)
    }

    init(text: UnsafeBufferPointer<UInt8>, sourceName: String, options: ReadOptions, maximumDepth: Int) {
        cursor = JSONCursor(text: text, maximumDepth: maximumDepth)
        positions = TextPositions(text: text)
        self.sourceName = sourceName
        strict = options.strict
    }

    // MARK: Diagnostics

    /// Where `offset` is, with the JSON path of the value being read.
    mutating func location(at offset: Int) -> SourceLocation {
        let (line, column) = positions.lineAndColumn(of: offset)
        return SourceLocation(file: sourceName, line: line, column: column, path: pathText())
    }

    /// Diagnostics kept per document; a hostile file could otherwise ask for millions. The first
    /// error is always kept, because it becomes the failure.
    static let diagnosticLimit = 1000

    mutating func report(_ code: DiagnosticCode, _ message: String, at offset: Int, entity: EntityRef? = nil) {
        let severity: Severity = strict && code.severity == .warning ? .error : code.severity
        let isFirstError = severity == .error && errorCount == 0
        if severity == .error { errorCount += 1 }
        guard diagnostics.count < Self.diagnosticLimit || isFirstError else {
            suppressed += 1
            return
        }
        diagnostics.append(
            Diagnostic(code, message, at: location(at: offset), entity: entity ?? currentEntity, severity: severity))
    }

    /// The diagnostics, with a note saying how many more there were past the limit.
    var reportedDiagnostics: [Diagnostic] {
        guard suppressed > 0 else { return diagnostics }
        return diagnostics + [Diagnostic(
            .jsonMoreDiagnostics, "\(suppressed) more diagnostics not shown",
            at: SourceLocation(file: sourceName))]
    }

    mutating func diagnostic(for failure: JSONReadFailure) -> Diagnostic {
        Diagnostic(failure.code, failure.message, at: location(at: failure.offset))
    }

    /// `$.tasks[3].start`.
    mutating func pathText() -> String {
        var text = "$"
        for component in path {
            switch component {
            case .member(let token): text += JSONPathText.member(cursor.decode(token))
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }

    // MARK: Objects and arrays

    /// Path bookkeeping for objects with free-form keys (custom fields, extensions).
    mutating func pushMember(_ token: JSONStringToken) { path.append(.member(token)) }
    mutating func replaceMember(_ token: JSONStringToken) { path[path.count - 1] = .member(token) }
    mutating func popPath() { path.removeLast() }

    /// Progress through one object: which keys were seen (duplicates, missing keys), where it
    /// opened (missing-key diagnostics point there) and where the next key probably is.
    struct ObjectState<Key: JSONKeySet> {
        var seen: UInt64 = 0
        var hint = 0
        var first = true
        var pathPushed = false
        let opening: Int
    }

    struct ArrayState {
        var first = true
        var index = -1
    }

    /// Enters an object, or reports the wrong type, skips the value and returns nil.
    mutating func beginObject<Key: JSONKeySet>(_: Key.Type) throws(JSONReadFailure) -> ObjectState<Key>? {
        guard try expect(.object) else { return nil }
        let opening = cursor.offset
        try cursor.enterObject()
        return ObjectState(opening: opening)
    }

    /// The next known key of the object; unknown keys are reported and their values skipped,
    /// duplicates reported and skipped. Nil at the end of the object.
    mutating func nextKey<Key: JSONKeySet>(_ state: inout ObjectState<Key>) throws(JSONReadFailure) -> Key? {
        while true {
            guard let token = try cursor.nextKey(first: state.first) else {
                if state.pathPushed { path.removeLast() }
                return nil
            }
            state.first = false
            if state.pathPushed {
                path[path.count - 1] = .member(token)
            } else {
                path.append(.member(token))
                state.pathPushed = true
            }
            let table = Key.table
            let found = cursor.withBytes(of: token) { table.lookup($0, hint: state.hint) }
            guard let index = found else {
                let name = cursor.decode(token)
                let hint = JSONKeySuggestion.closest(to: name, among: table.keys.map(\.rawValue)).map { " (did you mean '\($0)'?)" }
                report(.jsonUnknownKey, "unknown key '\(name)' ignored\(hint ?? "")", at: token.quote)
                try cursor.skipValue()
                continue
            }
            let bit: UInt64 = 1 << UInt64(index)
            if state.seen & bit != 0 {
                report(.jsonDuplicateKey, "key '\(table.keys[index].rawValue)' appears twice in this object", at: token.quote)
                try cursor.skipValue()
                continue
            }
            state.seen |= bit
            state.hint = index + 1
            return table.keys[index]
        }
    }

    /// After `nextKey` returned nil: reports every required key the object lacked.
    mutating func requireKeys<Key: JSONKeySet>(_ state: ObjectState<Key>, _ required: [Key], entity: EntityRef? = nil) {
        for key in required where state.seen & 1 << UInt64(Key.table.index(of: key)) == 0 {
            report(.jsonMissingKey, "required key '\(key.rawValue)' is missing", at: state.opening, entity: entity)
        }
    }

    /// Enters an array, or reports the wrong type, skips the value and returns nil.
    mutating func beginArray() throws(JSONReadFailure) -> ArrayState? {
        guard try expect(.array) else { return nil }
        try cursor.enterArray()
        return ArrayState()
    }

    mutating func nextElement(_ state: inout ArrayState) throws(JSONReadFailure) -> Bool {
        guard try cursor.nextElement(first: state.first) else {
            if state.index >= 0 { path.removeLast() }
            return false
        }
        state.first = false
        state.index += 1
        if state.index == 0 {
            path.append(.index(0))
        } else {
            path[path.count - 1] = .index(state.index)
        }
        return true
    }

    /// The elements of an array, each read by `element` (nil results are dropped: they were
    /// reported already).
    mutating func array<Element>(
        _ element: (inout PlanJSONMapper) throws(JSONReadFailure) -> Element?
    ) throws(JSONReadFailure) -> [Element] {
        guard var state = try beginArray() else { return [] }
        var elements: [Element] = []
        while try nextElement(&state) {
            if let value = try element(&self) { elements.append(value) }
        }
        return elements
    }

    /// True when the next value has the expected kind; otherwise reports it, skips it, false.
    mutating func expect(_ kind: JSONCursor.ValueKind) throws(JSONReadFailure) -> Bool {
        let actual = try cursor.peekValue()
        guard actual == kind else {
            report(.jsonWrongType, "expected \(kind.rawValue), found \(actual.rawValue)", at: cursor.offset)
            try cursor.skipValue()
            return false
        }
        return true
    }

    // MARK: Scalars

    mutating func string() throws(JSONReadFailure) -> String? {
        guard try expect(.string) else { return nil }
        let token = try cursor.string()
        return cursor.decode(token)
    }

    mutating func bool() throws(JSONReadFailure) -> Bool? {
        guard try expect(.bool) else { return nil }
        return try cursor.bool()
    }

    /// A JSON integer that fits in `Int`.
    mutating func int() throws(JSONReadFailure) -> Int? {
        guard try expect(.number) else { return nil }
        let (start, end, isInteger) = try cursor.number()
        let text = cursor.text
        guard isInteger else {
            report(.jsonBadValue, "expected a whole number, found \(numberText(start, end))", at: start)
            return nil
        }
        var i = start
        let negative = text[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value = 0
        while i < end {
            let digit = Int(text[i] - UInt8(ascii: "0"))
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !o1 && !o2 else {
                report(.jsonBadValue, "the number \(numberText(start, end)) is too large", at: start)
                return nil
            }
            value = next
            i += 1
        }
        return value
    }

    /// A JSON number as the nearest `Double`; infinities (1e999) are refused.
    mutating func double() throws(JSONReadFailure) -> Double? {
        guard try expect(.number) else { return nil }
        let (start, end, _) = try cursor.number()
        let text = numberText(start, end)
        guard let value = Double(text), value.isFinite else {
            report(.jsonBadValue, "the number \(text) is too large", at: start)
            return nil
        }
        return value
    }

    private func numberText(_ start: Int, _ end: Int) -> String {
        let shown = min(end, start + 40)
        let text = String(decoding: UnsafeBufferPointer(rebasing: cursor.text[start..<shown]), as: UTF8.self)
        return shown < end ? text + "…" : text
    }

    /// A string parsed by `parse` from its bytes; `expected` describes the form for the message.
    mutating func text<T>(
        _ expected: String, _ parse: (UnsafeBufferPointer<UInt8>) -> T?
    ) throws(JSONReadFailure) -> T? {
        guard try expect(.string) else { return nil }
        let token = try cursor.string()
        if let value = cursor.withBytes(of: token, parse) { return value }
        report(.jsonBadValue, "'\(cursor.decode(token))' is not \(expected)", at: token.quote)
        return nil
    }

    mutating func dateTime() throws(JSONReadFailure) -> CivilDateTime? {
        try text("a date-time (YYYY-MM-DDTHH:MM:SS)", PlanJSONText.dateTime)
    }

    mutating func date() throws(JSONReadFailure) -> CivilDate? {
        try text("a date (YYYY-MM-DD)", PlanJSONText.date)
    }

    mutating func time() throws(JSONReadFailure) -> TimeOfDay? {
        try text("a time of day (HH:MM, 00:00 to 24:00)", PlanJSONText.time)
    }

    mutating func amount() throws(JSONReadFailure) -> Amount? {
        try text("an amount (decimal text with at most four fraction digits, like \"12.5\")", PlanJSONText.amount)
    }

    /// One of a fixed set of names (`"FS"`, `"days"`), parsed by `parse`.
    mutating func name<T>(_ what: String, _ choices: [String], _ parse: (String) -> T?) throws(JSONReadFailure) -> T? {
        let offset = nextValueOffset()
        guard let text = try string() else { return nil }
        if let value = parse(text) { return value }
        report(.jsonBadValue, "'\(text)' is not a \(what) (expected one of: \(choices.joined(separator: ", ")))", at: offset)
        return nil
    }

    /// The offset of the next value (after whitespace), for diagnostics about it.
    mutating func nextValueOffset() -> Int {
        cursor.skipWhitespace()
        return cursor.offset
    }
}
