import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// Inputs meant to hurt: each is refused with its own stable code, reads no other file and stays
/// within bounded memory.
struct MSPDIReaderHostileTests {
    static func failure(_ bytes: [UInt8], name: String = "hostile.xml") -> PlanError? {
        failure(Data(bytes), name: name)
    }

    static func failure(_ data: Data, name: String = "hostile.xml") -> PlanError? {
        do {
            _ = try MSPDIReader().read(PlanInput(sourceName: name, data: data), options: .default)
            return nil
        } catch {
            return error
        }
    }

    static func failure(fixture: String) throws -> PlanError? {
        failure(try Fixtures.bytes("mspdi/hostile/" + fixture), name: fixture)
    }

    /// Everything an error says, to look for leaked file content.
    static func allText(_ error: PlanError) -> String {
        ([error.diagnostic] + error.related).map(\.description).joined(separator: "\n")
    }

    /// A temporary file holding a marker that must never show up in what the reader returns.
    static func secretFile(_ content: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planbridge-secret-\(UUID().uuidString).txt")
        try Data(content.utf8).write(to: url)
        return url
    }

    @Test func externalEntityThroughFileURLIsRefusedWithoutReadingTheFile() throws {
        let marker = "MARKER-\(UUID().uuidString)"
        let secret = try Self.secretFile(marker)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [<!ENTITY xxe SYSTEM "\(secret.absoluteString)">]>
            <Project xmlns="http://schemas.microsoft.com/project"><Name>&xxe;</Name><Title>&xxe;</Title></Project>
            """
        let error = try #require(Self.failure(Array(xml.utf8)))
        #expect(error.diagnostic.code == .mspdiDoctypeForbidden)
        #expect(error.kind == .unreadableInput)
        #expect(error.diagnostic.location?.line == 2)
        #expect(!Self.allText(error).contains(marker))
    }

    @Test func externalDTDIsRefused() throws {
        let error = try #require(try Self.failure(fixture: "external-dtd.xml"))
        #expect(error.diagnostic.code == .mspdiDoctypeForbidden)

        // Pointing at a local DTD that would declare the entity changes nothing.
        let marker = "MARKER-\(UUID().uuidString)"
        let dtd = try Self.secretFile("<!ENTITY external \"\(marker)\">")
        defer { try? FileManager.default.removeItem(at: dtd) }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE Project SYSTEM \"\(dtd.absoluteString)\"><Project><Name>&external;</Name></Project>"
        let local = try #require(Self.failure(Array(xml.utf8)))
        #expect(local.diagnostic.code == .mspdiDoctypeForbidden)
        #expect(!Self.allText(local).contains(marker))
    }

    @Test func billionLaughsIsRefusedBeforeAnyExpansion() throws {
        let clock = ContinuousClock()
        var error: PlanError?
        let elapsed = try clock.measure { error = try Self.failure(fixture: "billion-laughs.xml") }
        #expect(error?.diagnostic.code == .mspdiDoctypeForbidden)
        // Generous bound: expansion would take seconds and gigabytes; refusal takes microseconds.
        #expect(elapsed < .seconds(2))
    }

    @Test func aHundredMegabyteTextNodeIsRefusedAtTheLimit() throws {
        var data = Data("<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Notes>".utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 100_000_000))
        data.append(Data("</Notes></Project>".utf8))
        let error = try #require(Self.failure(data))
        #expect(error.diagnostic.code == .mspdiTextTooLong)
        #expect(error.diagnostic.location?.line == 2)

        // The same inside an element the reader keeps verbatim, so nothing is buffered unbounded.
        var kept = Data("<Project><Views><View>".utf8)
        kept.append(Data(repeating: UInt8(ascii: "b"), count: 12_000_000))
        kept.append(Data("</View></Views></Project>".utf8))
        #expect(Self.failure(kept)?.diagnostic.code == .mspdiTextTooLong)
    }

    @Test func truncatedXMLIsMalformedWithItsPosition() throws {
        let error = try #require(try Self.failure(fixture: "truncated.xml"))
        #expect(error.diagnostic.code == .mspdiMalformed)
        #expect(error.diagnostic.location?.file == "truncated.xml")
        #expect((error.diagnostic.location?.line ?? 0) >= 6)
        #expect(error.diagnostic.location?.column != nil)
        // Every libxml2 message is kept, not only the last.
        #expect(!error.related.isEmpty)
    }

    @Test func mismatchedTagsReportTheFirstProblem() throws {
        let xml = "<Project>\n<Tasks>\n<Task></Tasks>\n</Project>"
        let error = try #require(Self.failure(Array(xml.utf8)))
        #expect(error.diagnostic.code == .mspdiMalformed)
        #expect(error.diagnostic.location?.line == 3)
    }

    @Test func wrongRootIsNamed() throws {
        let error = try #require(try Self.failure(fixture: "wrong-root.xml"))
        #expect(error.diagnostic.code == .mspdiWrongRoot)
        #expect(error.diagnostic.message.contains("<APIBusinessObjects>"))
        #expect(error.diagnostic.location?.line == 2)
    }

    @Test func notXMLAtAll() throws {
        #expect(try Self.failure(fixture: "not-xml.xml")?.diagnostic.code == .mspdiNotXML)
        #expect(Self.failure([])?.diagnostic.code == .mspdiNotXML)
        #expect(Self.failure(Array("{\"planbridge\": 1}".utf8))?.diagnostic.code == .mspdiNotXML)
        #expect(Self.failure([0x00, 0xFF, 0x13, 0x37])?.diagnostic.code == .mspdiNotXML)
    }

    @Test func invalidUTF8IsMalformed() throws {
        let bytes = Array("<Project><Name>".utf8) + [0xC3, 0x28] + Array("</Name></Project>".utf8)
        #expect(Self.failure(bytes)?.diagnostic.code == .mspdiMalformed)
    }

    @Test func absurdNestingIsAnErrorNotACrash() throws {
        let depth = 100_000
        let bytes = Array("<Project>".utf8) + Array(repeating: Array("<a>".utf8), count: depth).flatMap { $0 }
            + Array(repeating: Array("</a>".utf8), count: depth).flatMap { $0 } + Array("</Project>".utf8)
        #expect(Self.failure(bytes)?.diagnostic.code == .mspdiTooDeep)
    }

    @Test func internalEntityWithoutDoctypeIsMalformed() throws {
        // Without a DOCTYPE an entity reference is undefined: an error, never an expansion.
        let bytes = Array("<Project><Name>&undefined;</Name></Project>".utf8)
        #expect(Self.failure(bytes)?.diagnostic.code == .mspdiMalformed)
    }
}
