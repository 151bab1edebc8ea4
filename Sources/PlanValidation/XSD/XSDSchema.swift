internal import CLibXML2
import PlanModel

extension DiagnosticCode {
    /// The document does not match the XML Schema (element order, unknown element, bad value).
    public static let xsdInvalid = DiagnosticCode("xsd.invalid", .error)
    /// The document is not well-formed XML, so it could not be checked against the schema.
    public static let xsdNotWellFormed = DiagnosticCode("xsd.not-well-formed", .error)
    /// The schema itself could not be compiled.
    public static let xsdBadSchema = DiagnosticCode("xsd.bad-schema", .error)
    /// A DOCTYPE was found; documents with one are refused before libxml2 sees them.
    public static let xsdDoctypeForbidden = DiagnosticCode("xsd.doctype-forbidden", .error)
}

/// A compiled XML Schema (XSD 1.0), loaded from bytes only: nothing is fetched, imported or read
/// from disk, so a schema cannot pull anything in from the network.
///
/// The compiled schema is immutable after `xmlSchemaParse`; every validation makes its own
/// validation context, which is what libxml2 documents as safe to share across threads.
public final class XSDSchema: @unchecked Sendable {
    let schema: xmlSchemaPtr
    /// The name used in diagnostics about the schema itself.
    public let name: String

    /// Compiles `bytes`; every problem with the schema is reported, not only the first.
    public init(bytes: [UInt8], name: String) throws(PlanError) {
        self.name = name
        let collector = XMLErrorCollector(file: name, code: .xsdBadSchema)
        let compiled: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                let box = Unmanaged.passUnretained(collector).toOpaque()
                xmlSchemaSetParserStructuredErrors(context, xmlErrorCollectorCallback, box)
                return collector.capturingGlobalErrors { xmlSchemaParse(context) }
            }
        }
        guard let compiled else {
            let first = collector.diagnostics.first ?? Diagnostic(.xsdBadSchema, "the schema \(name) could not be compiled")
            throw PlanError(.unsupportedFormat, first, related: Array(collector.diagnostics.dropFirst()))
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }
}
