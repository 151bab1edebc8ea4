import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// Keeps the registry honest: every format is reachable by its names, sniffers recognise their
/// own fixtures and not the others', and detection follows the documented order.
struct RegistryTests {
    let registry = FormatRegistry.builtIn

    @Test func namesAndExtensionsAreUnique() {
        let names = registry.formats.flatMap(\.names)
        #expect(Set(names).count == names.count, "duplicate format name among \(names)")
        let extensions = registry.formats.flatMap(\.extensions)
        #expect(Set(extensions).count == extensions.count, "duplicate extension among \(extensions)")
        for format in registry.formats {
            #expect(format.reader != nil || format.writer != nil, "\(format.id) can neither read nor write")
            #expect(!format.extensions.isEmpty && !format.mediaTypes.isEmpty)
        }
    }

    @Test func lookupByNameIsCaseInsensitiveAndUnknownNamesAreTypedErrors() throws {
        for format in registry.formats {
            for name in format.names {
                #expect(try registry.format(named: name.uppercased()).id == format.id)
            }
        }
        let error = #expect(throws: PlanError.self) { try registry.format(named: "docx") }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.diagnostic.code == .formatUnknown)
    }

    /// Every fixture in `Fixtures/<format id>/` (not in its `bad/` or `hostile/` subfolders) is
    /// detected as that format from its content alone, and no other format is certain of it.
    @Test func sniffersRecogniseTheirOwnFixturesAndNoOthers() throws {
        var checked = 0
        for format in registry.formats {
            for ext in format.extensions {
                for path in Fixtures.cases(in: format.id, suffix: "." + ext) {
                    let input = PlanInput(sourceName: path, data: try Data(contentsOf: Fixtures.url(path)))
                    let detection = try registry.detectInput(input, path: nil, explicit: nil)
                    #expect(detection.format.id == format.id, "\(path) detected as \(detection.format.id)")
                    let prefix = SniffPrefix(input.prefix(SniffPrefix.length))
                    for other in registry.formats where other.id != format.id {
                        #expect(other.sniff(prefix) < .certain, "\(other.id) claims \(path)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 0, "no fixtures found under Fixtures/<format id>/")
    }

    @Test func explicitFormatBeatsContentAndExtension() throws {
        let input = PlanInput(sourceName: "x.json", text: "not json at all")
        let detection = try registry.detectInput(input, path: "x.json", explicit: "JSON")
        #expect(detection.format.id == "json")
        #expect(detection.diagnostics.isEmpty)
    }

    @Test func contentWinsOverAMisleadingExtensionWithAWarning() throws {
        let input = PlanInput(sourceName: "plan.txt.ics", text: #"{"format": "planbridge", "version": 1}"#)
        let json = try registry.format(named: "json")
        // Only meaningful once a format claims .ics; before that the extension says nothing.
        let byExtension = registry.formats(forPath: "plan.txt.ics")
        let detection = try registry.detectInput(input, path: "plan.txt.ics", explicit: nil)
        #expect(detection.format.id == json.id)
        if byExtension.isEmpty {
            #expect(detection.diagnostics.isEmpty)
        } else {
            #expect(detection.diagnostics.map(\.code) == [.formatExtensionMismatch])
            #expect(detection.diagnostics.first?.severity == .warning)
        }
    }

    @Test func shortInputsAreSniffedToo() throws {
        // MPXJ refuses inputs under 512 bytes; a tiny valid file must still be recognised.
        let input = PlanInput(sourceName: "tiny", text: #"{"format":"planbridge"}"#)
        #expect(try registry.detectInput(input, path: nil, explicit: nil).format.id == "json")
    }

    @Test func byteOrderMarksAreRecognisedBeforeSniffing() {
        let utf8 = SniffPrefix([0xEF, 0xBB, 0xBF] + Array("  {\"a\":1}".utf8))
        #expect(utf8.byteOrderMark == .utf8)
        #expect(utf8.text.hasPrefix("{"))
        let utf16 = SniffPrefix([0xFF, 0xFE] + Array("<P".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(utf16.byteOrderMark == .utf16LE)
        #expect(utf16.text == "<P")
    }

    @Test func undetectableContentWithNoKnownExtensionIsAnError() {
        let input = PlanInput(sourceName: "mystery.bin", bytes: [0x00, 0x01, 0x02])
        let error = #expect(throws: PlanError.self) {
            try registry.detectInput(input, path: "mystery.bin", explicit: nil)
        }
        #expect(error?.diagnostic.code == .formatUndetected)
        #expect(error?.diagnostic.location?.file == "mystery.bin")
    }

    @Test func outputFormatComesFromTheNameOrTheExtension() throws {
        #expect(try registry.detectOutput(path: "out/plan.JSON", explicit: nil).id == "json")
        #expect(try registry.detectOutput(path: "-", explicit: "json").id == "json")
        #expect(throws: PlanError.self) { try registry.detectOutput(path: "out/plan", explicit: nil) }
    }

    @Test func fileExtensionIgnoresDotsInFolders() {
        #expect(FormatRegistry.fileExtension(of: "a.b/plan") == nil)
        #expect(FormatRegistry.fileExtension(of: "a.b/plan.plan.json") == "json")
        #expect(FormatRegistry.fileExtension(of: ".hidden") == nil)
    }
}

struct LossReportTests {
    @Test func countsAccumulatePerKindAndDetail() {
        var loss = LossReport()
        loss.record("calendars", count: 2, "dropped")
        loss.record("calendars", "dropped")
        loss.record("dependency-types", count: 5, "written as FS")
        loss.record("resources", count: 0, "dropped")
        #expect(loss.items.map(\.count) == [3, 5])
        #expect(loss.description == "3 calendars dropped; 5 dependency-types written as FS")
    }
}

struct DiagnosticRenderingTests {
    @Test func rendersLikeACompiler() {
        let d = Diagnostic(
            DiagnosticCode("mspdi.bad-duration", .warning), "duration 'PT-5H' is negative; read as 0",
            at: SourceLocation(file: "plan.xml", line: 3, column: 24), entity: .task("42"))
        #expect(d.description == "plan.xml:3:24: warning: duration 'PT-5H' is negative; read as 0 (task 42) [mspdi.bad-duration]")
    }

    @Test func csvLocationsNameRowAndColumn() {
        let location = SourceLocation(file: "export.csv", row: 12, field: "Due date")
        #expect(location.description == "export.csv: row 12, column 'Due date'")
    }

    @Test func severityComesFromTheCodeUnlessOverridden() {
        let code = DiagnosticCode("x.y", .warning)
        #expect(Diagnostic(code, "m").severity == .warning)
        #expect(Diagnostic(code, "m", severity: .error).severity == .error)
        #expect(Severity.info < .warning && Severity.warning < .error)
    }
}
