import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// The reader's behaviour on inputs written by hand or by hostile tools: what it accepts,
/// what it reports and where, and that nothing makes it crash.
struct PlanJSONReaderTests {
    static let header = #"{"format": "planbridge", "version": 1"#

    static func read(_ text: String, strict: Bool = false) throws(PlanError) -> ReadResult {
        try PlanJSONReader().read(PlanInput(sourceName: "t.json", text: text), options: ReadOptions(strict: strict))
    }

    static func readBytes(_ bytes: [UInt8]) throws(PlanError) -> ReadResult {
        try PlanJSONReader().read(PlanInput(sourceName: "t.json", bytes: bytes), options: .default)
    }

    static func failure(_ text: String, strict: Bool = false) -> PlanError? {
        do {
            _ = try read(text, strict: strict)
            return nil
        } catch {
            return error
        }
    }

    @Test func theSmallestDocumentIsFormatAndVersion() throws {
        let result = try Self.read(Self.header + "}")
        #expect(result.plan == Plan())
        #expect(result.diagnostics.isEmpty)
    }

    @Test func keysMayComeInAnyOrderAndOmittedOnesTakeTheModelDefaults() throws {
        let text = #"""
            {"tasks": [{"name": "B", "id": "2"}], "version": 1, "format": "planbridge",
             "project": {"scheduleFrom": "finish"}}
            """#
        let plan = try Self.read(text).plan
        #expect(plan.tasks == [PlanTask(id: "2", name: "B")])
        #expect(plan.project.scheduleFrom == .finish)
        #expect(plan.project.conventions == .standard)
    }

    @Test func escapesAreDecoded() throws {
        let text = Self.header + #", "extensions": {"k\u0041": "\u00e9\ud83d\ude00\/\"\\\b\f\n\r\t\u0000"}}"#
        let plan = try Self.read(text).plan
        #expect(plan.extensions == ["kA": "é😀/\"\\\u{8}\u{C}\n\r\t\u{0}"])
        // An escaped key still matches a model key.
        let task = try Self.read(Self.header + #", "tasks": [{"\u0069d": "1", "name": "x"}]}"#).plan.tasks
        #expect(task.map(\.id) == ["1"])
    }

    @Test func aUTF8ByteOrderMarkIsAcceptedButUTF16IsNot() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let result = try Self.readBytes(bom + Array((Self.header + "}").utf8))
        #expect(result.plan == Plan())
        let utf16: [UInt8] = [0xFF, 0xFE] + Array((Self.header + "}").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let error = #expect(throws: PlanError.self) { try Self.readBytes(utf16) }
        #expect(error?.diagnostic.code == .encodingInvalidUTF8)
    }

    @Test(arguments: [
        ([0xC0, 0x80], "overlong"), ([0xED, 0xA0, 0x80], "surrogate"), ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
        ([0xE2, 0x82], "cut short"), ([0x80], "lone continuation"), ([0xFF], "never valid"),
    ] as [([UInt8], String)])
    func invalidUTF8IsRefusedWhereItIs(_ bad: [UInt8], _ what: String) {
        let bytes = Array((Self.header + ", \"extensions\": {\"k\": \"ab").utf8) + bad + Array("\"}}".utf8)
        let error = #expect(throws: PlanError.self, "\(what)") { try Self.readBytes(bytes) }
        #expect(error?.diagnostic.code == .encodingInvalidUTF8)
        #expect(error?.diagnostic.location?.line == 1)
        #expect(error?.diagnostic.location?.column == (Self.header + ", \"extensions\": {\"k\": \"ab").count + 1)
    }

    @Test func unknownKeysWarnAndStrictModeMakesThemErrors() throws {
        let text = Self.header + #", "tasks": [{"id": "1", "name": "x", "colour": [1, {"a": null}]}]}"#
        let result = try Self.read(text)
        #expect(result.plan.tasks.map(\.name) == ["x"])
        #expect(result.diagnostics.map(\.code) == [.jsonUnknownKey])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.location?.path == "$.tasks[0].colour")

        let error = try #require(Self.failure(text, strict: true))
        #expect(error.kind == .unreadableInput)
        #expect(error.diagnostic.code == .jsonUnknownKey)
        #expect(error.diagnostic.severity == .error)
    }

    @Test func allValueErrorsOfOneDocumentAreReportedTogether() throws {
        let text = Self.header + #"""
            , "tasks": [
              {"id": 1, "name": "a"},
              {"id": "2", "name": "b", "start": "yesterday", "kind": "epic"}
            ],
            "dependencies": [{"predecessor": "1", "successor": "2", "lag": {"percent": 10, "minutes": 5}}]}
            """#
        let error = try #require(Self.failure(text))
        let all = [error.diagnostic] + error.related
        #expect(all.map(\.code) == [.jsonWrongType, .jsonBadValue, .jsonBadValue, .jsonBadValue])
        #expect(all.map(\.location?.path) == [
            "$.tasks[0].id", "$.tasks[1].start", "$.tasks[1].kind", "$.dependencies[0].lag",
        ])
        #expect(all.map(\.location?.line) == [2, 3, 3, 5])
        // Diagnostics name the entity once its id has been read.
        #expect(all.map(\.entity) == [nil, .task("2"), .task("2"), nil])
    }

    @Test func customFieldValuesNeedExactlyOneTypeKey() throws {
        let empty = try #require(Self.failure(Self.header + #", "project": {"customFields": {"X": {}}}}"#))
        #expect(empty.diagnostic.code == .jsonMissingKey)
        #expect(empty.diagnostic.location?.path == "$.project.customFields.X")
        let two = try #require(Self.failure(Self.header + #", "project": {"customFields": {"X": {"text": "a", "flag": true}}}}"#))
        #expect(two.diagnostic.code == .jsonBadValue)
    }

    @Test func recurrencesNeedTheirPatternsValuesAndWarnAboutOthers() throws {
        func recurrence(_ body: String) -> String {
            Self.header + #", "calendars": [{"id": "c", "name": "c", "exceptions": [{"from": "2024-01-01", "to": "2024-12-31", "recurrence": "#
                + body + "}]}]}"
        }
        let missing = try #require(Self.failure(recurrence(#"{"pattern": "weekly", "interval": 1}"#)))
        #expect(missing.diagnostic.code == .jsonMissingKey)
        #expect(missing.diagnostic.message.contains("'days'"))

        let extra = try Self.read(recurrence(#"{"pattern": "daily", "interval": 1, "weekday": "monday"}"#))
        #expect(extra.diagnostics.map(\.code) == [.jsonUnknownKey])
        #expect(extra.plan.calendars[0].exceptions[0].recurrence == Recurrence(pattern: .daily(interval: 1)))

        let unknown = try #require(Self.failure(recurrence(#"{"pattern": "hourly"}"#)))
        #expect(unknown.diagnostic.code == .jsonBadValue)
    }

    @Test func numbersOutsideTheModelsRangeAreRefusedCleanly() throws {
        for (value, code) in [
            ("9223372036854775808", DiagnosticCode.jsonBadValue), ("-9223372036854775809", .jsonBadValue),
            ("1e3", .jsonBadValue), ("1.0", .jsonBadValue), (String(repeating: "9", count: 5000), .jsonBadValue),
        ] {
            let error = try #require(Self.failure(Self.header + #", "tasks": [{"id": "1", "name": "x", "priority": "# + value + "}]}"))
            #expect(error.diagnostic.code == code, "\(value.prefix(30))")
            #expect(error.diagnostic.message.count < 200)
        }
        let smallest = try Self.read(Self.header + #", "tasks": [{"id": "1", "name": "x", "priority": -9223372036854775808}]}"#)
        #expect(smallest.plan.tasks[0].priority == Int.min)
        let huge = try #require(Self.failure(Self.header + #", "resources": [{"id": "1", "name": "x", "maxUnits": 1e400}]}"#))
        #expect(huge.diagnostic.code == .jsonBadValue)
        let tiny = try Self.read(Self.header + #", "resources": [{"id": "1", "name": "x", "maxUnits": 1e-400}]}"#)
        #expect(tiny.plan.resources[0].maxUnits == 0)
    }

    @Test(arguments: [
        ("", DiagnosticCode.jsonTruncated), ("   \n", .jsonTruncated), ("[]", .jsonNotPlanBridge), ("\"planbridge\"", .jsonNotPlanBridge),
        (#"{"format": "mspdi", "version": 1}"#, .jsonNotPlanBridge), (#"{"format": "planbridge", "version": 1} x"#, .jsonSyntax),
        (#"{"format": "planbridge", "version": 1,}"#, .jsonSyntax), (#"{"format": 'planbridge'}"#, .jsonSyntax),
        (#"{"format": "planbridge", "version": 01}"#, .jsonSyntax), (#"{"format": "planbridge", "version": 1"#, .jsonTruncated),
        (#"{"format": "planbridge", "version": tru"#, .jsonTruncated), (#"{"format": "plan"#, .jsonTruncated),
        ("{\"format\": \"plan\nbridge\"}", .jsonSyntax), (#"{"format": "\x"}"#, .jsonSyntax), (#"{"format": "\ud800"}"#, .jsonSyntax),
        (#"{"format": "\udc00"}"#, .jsonSyntax), (#"{"format": "\u12"}"#, .jsonSyntax), (#"{"format": "planbridge", "version": NaN}"#, .jsonSyntax),
        (#"{"format": "planbridge", "version": "1"}"#, .jsonUnsupportedVersion), (#"{"format": "planbridge", "version": 0}"#, .jsonUnsupportedVersion),
        (#"{"version": 1}"#, .jsonNotPlanBridge),
    ])
    func malformedDocumentsFailWithTheRightCode(_ text: String, _ code: DiagnosticCode) {
        let error = Self.failure(text)
        #expect(error?.diagnostic.code == code, "\(text)")
        #expect(error?.diagnostic.location?.line != nil)
    }

    @Test func versionTwoIsAnUnsupportedVersionNotAnUnreadableFile() throws {
        let error = try #require(Self.failure(#"{"format": "planbridge", "version": 2, "tasks": "whatever"}"#))
        #expect(error.kind == .unsupportedVersion)
        #expect(error.diagnostic.message == "written by a newer PlanBridge (format version 2); this one reads version 1")
        #expect(error.related.isEmpty)
    }

    @Test func nestingIsLimitedWithoutUsingTheStack() throws {
        let deep = 100_000
        let text = Self.header + #", "x": "# + String(repeating: "[", count: deep) + String(repeating: "]", count: deep) + "}"
        let error = try #require(Self.failure(text))
        #expect(error.diagnostic.code == .jsonTooDeep)
        // Exactly at the limit is fine (the document object is one level).
        let limit = PlanJSONReader.maximumDepth - 1
        let ok = Self.header + #", "x": "# + String(repeating: "[", count: limit) + String(repeating: "]", count: limit) + "}"
        #expect(try Self.read(ok).diagnostics.map(\.code) == [.jsonUnknownKey])
    }

    @Test func diagnosticsAreCappedAndPositionsStayCheapOnOneLongLine() throws {
        // Minified: one line, 20,000 tasks each missing its id; every missing-key diagnostic
        // points back at its object, which must not cost a scan from the start each time.
        let count = 20_000
        let text = Self.header + #","tasks":["# + Array(repeating: #"{"name":"x"}"#, count: count).joined(separator: ",") + "]}"
        let error = try #require(Self.failure(text))
        #expect(error.diagnostic.code == .jsonMissingKey)
        #expect(error.diagnostic.location?.column == Self.header.count + 11)
        #expect(error.related.count == PlanJSONMapper.diagnosticLimit)
        #expect(error.related.last?.code == .jsonMoreDiagnostics)
        #expect(error.related.last?.message == "\(count - PlanJSONMapper.diagnosticLimit) more diagnostics not shown")
        let last = error.related[error.related.count - 2]
        #expect(last.location?.column == Self.header.count + 11 + (PlanJSONMapper.diagnosticLimit - 1) * 13)
    }

    @Test func lineAndColumnAgreeWithANaiveCountAcrossMarks() {
        var random = SeededBytes(seed: 7)
        let pieces = ["a", "é", "😀", "\n", "  ", "\r\n", "ab\"c"]
        let text = Array((0..<6000).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined().utf8)
        text.withUnsafeBufferPointer { buffer in
            var positions = TextPositions(text: buffer)
            for _ in 0..<300 {
                let offset = Int(random.next() % UInt64(buffer.count + 1))
                var line = 1
                var column = 1
                for byte in buffer[..<offset] {
                    if byte == 0x0A {
                        line += 1
                        column = 1
                    } else if byte & 0xC0 != 0x80 {
                        column += 1
                    }
                }
                let answer = positions.lineAndColumn(of: offset)
                #expect(answer.line == line && answer.column == column, "offset \(offset)")
            }
        }
    }

    /// Every prefix of a real document, and thousands of seeded corruptions of it, either read
    /// or fail with a `PlanError`; none crashes, and every failure has a location.
    @Test func corruptedDocumentsNeverCrash() throws {
        let original = try Fixtures.bytes("json/full-model.plan.json")
        for length in stride(from: 0, to: original.count, by: 11) {
            do {
                _ = try Self.readBytes(Array(original[..<length]))
                Issue.record("a document cut at \(length) bytes was accepted")
            } catch {
                #expect(error.diagnostic.location?.line != nil)
            }
        }
        var random = SeededBytes(seed: 20_240_229)
        let interesting: [UInt8] = Array("{}[]\",:\\0-.eE tfn".utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xFF]
        var accepted = 0
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<(1 + random.next() % 3) {
                let at = Int(random.next() % UInt64(bytes.count))
                bytes[at] = interesting[Int(random.next() % UInt64(interesting.count))]
            }
            do {
                let result = try Self.readBytes(bytes)
                accepted += 1
                _ = try PlanJSONWriter().write(result.plan, options: .default)
            } catch {
                #expect(error.diagnostic.location != nil)
            }
        }
        #expect(accepted < 1500)
    }
}

/// A tiny seeded generator for the corruption test (SplitMix64's published constants).
struct SeededBytes {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct PlanJSONSnifferTests {
    static func sniff(_ text: String) -> SniffConfidence { PlanJSONFormat.sniff(SniffPrefix(Array(text.utf8))) }

    @Test func aFormatMemberMakesItCertain() {
        #expect(Self.sniff(#"{"format": "planbridge", "version": 1}"#) == .certain)
        #expect(Self.sniff("\u{FEFF}\n  {\n\t\"format\"\r\n :\n \"planbridge\"}") == .certain)
        #expect(Self.sniff(#"{"name": "x", "format"  :"planbridge"}"#) == .certain)
    }

    @Test func otherJSONIsOnlyPossibleAndOtherTextIsNot() {
        #expect(Self.sniff(#"{"name": "planbridge", "format": "other"}"#) == .possible)
        #expect(Self.sniff(#"{"format": ["planbridge"]}"#) == .possible)
        #expect(Self.sniff(#"["planbridge"]"#) == .no)
        #expect(Self.sniff("BEGIN:VCALENDAR") == .no)
        #expect(Self.sniff("") == .no)
    }
}
