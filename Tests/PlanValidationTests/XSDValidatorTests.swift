import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanValidation

/// The libxml2 XML Schema wrapper, and the two MSPDI schemas it is used with: every MSPDI file
/// PlanBridge writes validates against the strict schema, every real file against the lenient one,
/// and invalid documents report each problem with its line.
struct XSDValidatorTests {
    static func schema(_ name: String) throws -> XSDSchema {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/\(name)")))
        return try XSDSchema(bytes: bytes, name: name)
    }

    let strict = XSDValidator(schema: try! Self.schema("mspdi.xsd"))
    let lenient = XSDValidator(schema: try! Self.schema("mspdi-lenient.xsd"))

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    func document(_ body: String) -> [UInt8] {
        Array((Self.header + #"<Project xmlns="http://schemas.microsoft.com/project">"# + body + "</Project>\n").utf8)
    }

    @Test(arguments: Fixtures.cases(in: "mspdi-write", suffix: ".expected.xml"))
    func everyWriterGoldenValidatesStrictly(_ path: String) throws {
        let diagnostics = strict.validate(try Fixtures.bytes(path), sourceName: path)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func generatedPlansWrittenAsMSPDIValidateStrictly() throws {
        for seed in [1, 7, 42] as [UInt64] {
            let plan = PlanGenerator(seed: seed).plan(tasks: 200)
            let written = try MSPDIWriter().write(plan, options: .default)
            let diagnostics = strict.validate(written.bytes, sourceName: "generated-\(seed).xml")
            #expect(diagnostics.isEmpty, "seed \(seed): \(diagnostics.prefix(5))")
        }
    }

    @Test func extremeValuesAreLeftOutOrClampedAndTheOutputStillValidates() throws {
        let input = PlanInput(sourceName: "extreme-values.plan.json", data: try Data(contentsOf: Fixtures.url("json/extreme-values.plan.json")))
        let plan = try PlanJSONReader().read(input, options: .default).plan
        let written = try MSPDIWriter().write(plan, options: .default)
        let diagnostics = strict.validate(written.bytes, sourceName: "extreme-values.xml")
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(5))")
        #expect(written.loss.items.contains { $0.kind == "values" }, "\(written.loss)")
        #expect(written.loss.items.contains { $0.kind == "calendar exceptions" }, "\(written.loss)")
    }

    @Test func everyCorpusFileValidatesLeniently() throws {
        let files = try Corpus.files(in: "mspdi", suffix: ".xml")
        for file in files {
            let diagnostics = lenient.validate([UInt8](try Data(contentsOf: file)), sourceName: file.lastPathComponent)
            #expect(diagnostics.isEmpty, "\(file.lastPathComponent): \(diagnostics.prefix(3))")
        }
    }

    @Test func strictSchemaReportsEveryProblemWithItsLine() {
        // Line 5: a UID MS Project refuses; line 6: a resource name it refuses; line 7: a bad date.
        let bytes = document("""

            <SaveVersion>14</SaveVersion>
            <Resources><Resource>
            <UID>2097151</UID><Name>ok</Name></Resource>
            <Resource><UID>3</UID><Name>Smith, Jane</Name></Resource></Resources>
            <Assignments><Assignment><UID>1</UID><Start>2026-13-01</Start></Assignment></Assignments>
            """)
        let diagnostics = strict.validate(bytes, sourceName: "bad.xml")
        #expect(diagnostics.allSatisfy { $0.code == .xsdInvalid && $0.location?.file == "bad.xml" })
        #expect(Set(diagnostics.compactMap { $0.location?.line }) == [5, 6, 7], "\(diagnostics)")
    }

    /// One edit to a file the writer made, at one line: the schemas must fail it at that line.
    enum Damage: CaseIterable {
        case elementRemoved, elementMisspelt, wrongValueType

        func apply(to lines: inout [String]) -> Int {
            func first(_ element: String, after start: Int) -> Int { lines[start...].firstIndex { $0.contains("<\(element)>") }! }
            let task = first("Task", after: first("Tasks", after: 0))
            let secondTask = first("Task", after: task + 1)
            switch self {
            case .elementRemoved:
                // The second task's UID: libxml2 then finds the ID where the UID should be.
                let line = first("UID", after: secondTask)
                lines.remove(at: line)
                return line + 1
            case .elementMisspelt:
                let line = first("Name", after: secondTask)
                lines[line] = lines[line].replacingOccurrences(of: "Name>", with: "Nmae>")
                return line + 1
            case .wrongValueType:
                // A flag both schemas type as a boolean.
                let line = first("Active", after: secondTask)
                lines[line] = lines[line].replacingOccurrences(of: #"<Active>\d</Active>"#, with: "<Active>maybe</Active>", options: .regularExpression)
                return line + 1
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedFileFailsAtTheDamagedLine(_ damage: Damage) throws {
        let written = try MSPDIWriter().write(PlanGenerator(seed: 5).plan(tasks: 30), options: .default)
        var lines = String(decoding: written.bytes, as: UTF8.self).components(separatedBy: "\n")
        let line = damage.apply(to: &lines)
        let damaged = Array(lines.joined(separator: "\n").utf8)
        // The lenient schema accepts a task without its UID (MS Project's own files omit fields);
        // a misspelt element and a wrong type fail both.
        let validators = damage == .elementRemoved ? [strict] : [strict, lenient]
        for validator in validators {
            let diagnostics = validator.validate(damaged, sourceName: "damaged.xml")
            #expect(diagnostics.count == 1, "\(damage): \(diagnostics)")
            #expect(diagnostics.first?.code == .xsdInvalid && diagnostics.first?.location?.line == line, "\(damage) at \(line): \(diagnostics)")
        }
    }

    @Test func strictSchemaHoldsMSProjectsElementOrder() {
        let outOfOrder = document("<SaveVersion>14</SaveVersion><Tasks><Task><UID>1</UID></Task></Tasks><Calendars/>")
        let diagnostics = strict.validate(outOfOrder, sourceName: "order.xml")
        #expect(diagnostics.count == 1 && diagnostics[0].message.contains("Calendars"), "\(diagnostics)")
        let taskOrder = document("<SaveVersion>14</SaveVersion><Tasks><Task><UID>1</UID><Name>a</Name><ID>1</ID></Task></Tasks>")
        #expect(!strict.validate(taskOrder, sourceName: "task-order.xml").isEmpty)
        let missingSaveVersion = document("<Name>x</Name>")
        #expect(!strict.validate(missingSaveVersion, sourceName: "no-version.xml").isEmpty)
    }

    @Test func lenientSchemaTakesAnyOrderButRefusesUnknownStructure() {
        let anyOrder = document("<Tasks><Task><Name>x</Name><UID>1</UID></Task></Tasks><SaveVersion>14</SaveVersion><Title>t</Title>")
        #expect(lenient.validate(anyOrder, sourceName: "order.xml").isEmpty)
        let otherNamespace = document(#"<x:Tool xmlns:x="urn:other"><x:Any/></x:Tool><Title>t</Title>"#)
        #expect(lenient.validate(otherNamespace, sourceName: "ns.xml").isEmpty)
        let unknown = document("<Tasks><Banana/></Tasks>")
        #expect(lenient.validate(unknown, sourceName: "unknown.xml").contains { $0.code == .xsdInvalid })
        let wrongRoot = Array((Self.header + "<Plan/>\n").utf8)
        #expect(!lenient.validate(wrongRoot, sourceName: "root.xml").isEmpty)
    }

    @Test func malformedXMLIsReportedNotCrashedOn() {
        let truncated = Array((Self.header + #"<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task>"#).utf8)
        let diagnostics = strict.validate(truncated, sourceName: "cut.xml")
        #expect(diagnostics.contains { $0.code == .xsdNotWellFormed && $0.location?.line == 2 }, "\(diagnostics)")
        #expect(!strict.validate(Array("not xml at all".utf8), sourceName: "text.txt").isEmpty)
    }

    @Test func doctypeIsRefusedBeforeParsing() {
        let xxe = Array((Self.header + #"<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="http://schemas.microsoft.com/project">&x;</Project>"#).utf8)
        let diagnostics = strict.validate(xxe, sourceName: "xxe.xml")
        #expect(diagnostics.map(\.code) == [.xsdDoctypeForbidden])
    }

    @Test func aBrokenSchemaIsATypedError() {
        let error = #expect(throws: PlanError.self) {
            try XSDSchema(bytes: Array(#"<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="a" type="nope"/></xsd:schema>"#.utf8), name: "broken.xsd")
        }
        #expect(error?.diagnostic.code == .xsdBadSchema)
    }
}
