internal import CLibXML2
import PlanModel

/// Validates XML documents held in memory against a compiled `XSDSchema`, streaming (the document
/// is never built as a tree), and returns every error libxml2 reports, with line and column.
public struct XSDValidator: Sendable {
    public let schema: XSDSchema

    public init(schema: XSDSchema) { self.schema = schema }

    /// All findings for `document`; empty means valid. `sourceName` names it in locations.
    public func validate(_ document: [UInt8], sourceName: String) -> [Diagnostic] {
        if Self.hasDoctype(document) {
            return [Diagnostic(
                .xsdDoctypeForbidden, "the document declares a DOCTYPE; documents with one are not validated",
                at: SourceLocation(file: sourceName))]
        }
        let collector = XMLErrorCollector(file: sourceName, code: .xsdInvalid)
        guard let context = xmlSchemaNewValidCtxt(schema.schema) else {
            return [Diagnostic(.xsdBadSchema, "libxml2 could not create a validation context", at: SourceLocation(file: sourceName))]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, xmlErrorCollectorCallback, Unmanaged.passUnretained(collector).toOpaque())
        let result: Int32 = document.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // libxml2 copies the bytes (its static-buffer variant re-reads from the start after the
                // encoding switch in 2.9.14); ownership of the input passes to the validation.
                guard let input = xmlParserInputBufferCreateMem(chars.baseAddress, Int32(chars.count), XML_CHAR_ENCODING_NONE) else {
                    return -1
                }
                return collector.capturingGlobalErrors {
                    xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_NONE, nil, nil)
                }
            }
        }
        var diagnostics = collector.diagnostics
        if result != 0 && diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                result < 0 ? .xsdNotWellFormed : .xsdInvalid,
                "the document does not validate against \(schema.name) (libxml2 code \(result))",
                at: SourceLocation(file: sourceName)))
        }
        return diagnostics
    }

    /// A DOCTYPE can only come before the root element, so looking at the prolog is enough.
    static func hasDoctype(_ document: [UInt8]) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        var i = 0
        while i + marker.count <= document.count {
            if document[i] == UInt8(ascii: "<") {
                let next = i + 1 < document.count ? document[i + 1] : 0
                if next == UInt8(ascii: "!") {
                    if document[i..<(i + marker.count)].elementsEqual(marker) { return true }
                } else if next != UInt8(ascii: "?") {
                    return false  // the root element: no DOCTYPE before it
                }
            }
            i += 1
        }
        return false
    }
}
