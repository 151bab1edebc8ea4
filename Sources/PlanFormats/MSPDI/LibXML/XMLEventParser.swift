internal import CLibXML2
import Foundation
import PlanModel

/// Receives the parse events of an `XMLEventParser`: subclass it and override the four event
/// methods. Names are libxml2's interned strings: the same local name always arrives as the same
/// pointer, so a handler can key caches on the address instead of building a `String` per element.
///
/// A base class rather than a protocol: the C callbacks then reach the handler through a vtable
/// call on a reference they do not retain, which matters at millions of events per file.
class XMLEventHandler {
    /// The parser context while a parse runs; read only for positions and to stop.
    fileprivate var context: xmlParserCtxtPtr?
    fileprivate(set) var problems: [XMLParseProblem] = []
    fileprivate(set) var stopReason: XMLEventParser.StopReason?
    /// Bytes of text inside the current element, for the text limit.
    fileprivate var textLength = 0
    fileprivate var depth = 0
    fileprivate var maxTextLength = XMLEventParser.defaultMaxTextLength
    fileprivate var maxDepth = XMLEventParser.defaultMaxDepth

    func startElement(
        localName: UnsafePointer<UInt8>, qualifiedPrefix: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?,
        attributes: XMLAttributes
    ) {}
    func endElement(localName: UnsafePointer<UInt8>, qualifiedPrefix: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    /// A comment or processing instruction, already serialised (`<!--…-->`, `<?…?>`).
    func markup(_ text: String) {}

    /// The position just after the last event (1-based line and column).
    final var position: (line: Int, column: Int) {
        guard let input = context?.pointee.input else { return (0, 0) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    /// Stops the parse from inside an event method.
    final func stop() { stop(.requested) }

    fileprivate final func stop(_ reason: XMLEventParser.StopReason) {
        if stopReason == nil { stopReason = reason }
        if let context { xmlStopParser(context) }
    }
}

/// The attributes and namespace declarations of one start tag, valid only during the callback.
struct XMLAttributes {
    fileprivate let namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let namespaceCount: Int
    fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let attributeCount: Int

    var isEmpty: Bool { namespaceCount == 0 && attributeCount == 0 }

    /// Namespace declarations as (prefix or nil, URI).
    func forEachNamespace(_ body: (UnsafePointer<UInt8>?, UnsafePointer<UInt8>?) -> Void) {
        guard let namespaces else { return }
        for i in 0..<namespaceCount { body(namespaces[2 * i], namespaces[2 * i + 1]) }
    }

    /// Whether this start tag declares `prefix` itself.
    func declares(prefix: UnsafePointer<UInt8>) -> Bool {
        var found = false
        forEachNamespace { declared, _ in
            guard let declared, !found else { return }
            var i = 0
            while declared[i] == prefix[i] && declared[i] != 0 { i += 1 }
            if declared[i] == prefix[i] { found = true }
        }
        return found
    }

    /// Attributes as (local name, prefix or nil, raw value bytes).
    func forEachAttribute(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let attributes else { return }
        for i in 0..<attributeCount {
            let base = 5 * i
            guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            body(name, attributes[base + 1], UnsafeBufferPointer(start: start, count: end - start))
        }
    }
}

/// One problem libxml2 reported, with its 1-based position.
struct XMLParseProblem: Sendable {
    enum Level: Sendable { case warning, error, fatal }
    var level: Level
    /// libxml2's `xmlParserErrors` code.
    var code: Int
    var message: String
    var line: Int
    var column: Int
}

/// libxml2's SAX2 push parser over bytes in memory, configured for untrusted input: no network, no
/// entity substitution, no DTD loading, no huge mode, and a document type declaration stops the
/// parse before its internal subset is read (so no entity can be declared, let alone expanded).
/// Every libxml2 message is collected through the per-parser structured error handler.
///
/// SAX2 rather than `xmlTextReader`: the text reader builds a node for every event and runs about
/// 2.5× slower on large files (brief §7.3), which matters for the 50k-task target.
final class XMLEventParser {
    enum StopReason: Equatable, Sendable {
        case documentType(line: Int, column: Int)
        case textTooLong(line: Int, column: Int)
        /// Elements nested deeper than the limit (libxml2's push parser does not enforce its own).
        case tooDeep(line: Int, column: Int)
        /// The sink asked to stop (e.g. the root element is not the expected one).
        case requested
    }

    struct Outcome {
        var problems: [XMLParseProblem]
        var stopReason: StopReason?
        /// libxml2 saw no error that makes the document ill-formed.
        var wellFormed: Bool
    }

    private let handler: XMLEventHandler
    private let context: xmlParserCtxtPtr

    /// libxml2's own default cap for one text node without `XML_PARSE_HUGE`.
    static let defaultMaxTextLength = 10_000_000
    /// libxml2's default `xmlParserMaxDepth`; MS Project files nest about 10 deep.
    static let defaultMaxDepth = 256

    /// Needs the first bytes of the input (at least 4 when there are 4) to detect the encoding.
    init(
        handler: XMLEventHandler, firstBytes: UnsafeBufferPointer<UInt8>, sourceName: String,
        maxTextLength: Int = defaultMaxTextLength, maxDepth: Int = defaultMaxDepth
    ) throws(PlanError) {
        self.handler = handler
        handler.maxTextLength = maxTextLength
        handler.maxDepth = maxDepth
        var callbacks = xmlSAXHandler()
        XMLEventParser.install(into: &callbacks)
        // Not retained: `self` keeps the handler alive for as long as libxml2 can call it.
        let userData = Unmanaged.passUnretained(handler).toOpaque()
        let created: xmlParserCtxtPtr? = firstBytes.withMemoryRebound(to: CChar.self) { chars in
            sourceName.withCString { name in
                xmlCreatePushParserCtxt(&callbacks, userData, chars.baseAddress, Int32(chars.count), name)
            }
        }
        guard let created else {
            throw PlanError(.unreadableInput, Diagnostic(.ioUnreadable, "libxml2 could not create a parser", at: SourceLocation(file: sourceName)))
        }
        context = created
        handler.context = created
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        xmlCtxtUseOptions(created, options)
    }

    deinit {
        handler.context = nil
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }

    /// Parses the rest of the input in chunks (bounded memory inside libxml2) and finishes.
    func parse(remaining bytes: UnsafeBufferPointer<UInt8>, chunkSize: Int = 1 << 18) -> Outcome {
        var offset = 0
        while offset < bytes.count, handler.stopReason == nil, !isStopped {
            let count = min(chunkSize, bytes.count - offset)
            let chunk = UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)])
            chunk.withMemoryRebound(to: CChar.self) { _ = xmlParseChunk(context, $0.baseAddress, Int32($0.count), 0) }
            offset += count
        }
        if handler.stopReason == nil, !isStopped { _ = xmlParseChunk(context, nil, 0, 1) }
        let wellFormed = context.pointee.wellFormed != 0 && !handler.problems.contains { $0.level != .warning }
        return Outcome(problems: handler.problems, stopReason: handler.stopReason, wellFormed: wellFormed)
    }

    /// Stopped, or a fatal error switched events off: feeding the rest would only burn time.
    private var isStopped: Bool { context.pointee.instate == XML_PARSER_EOF || context.pointee.disableSAX != 0 }
}

// MARK: - C callbacks

extension XMLEventParser {
    /// Runs `body` on the handler behind libxml2's `userData` without retaining it.
    @inline(__always)
    fileprivate static func with<R>(_ userData: UnsafeMutableRawPointer?, _ body: (XMLEventHandler) -> R) -> R {
        Unmanaged<XMLEventHandler>.fromOpaque(userData!)._withUnsafeGuaranteedRef(body)
    }

    private static func install(into h: inout xmlSAXHandler) {
        h.initialized = XML_SAX2_MAGIC
        h.startElementNs = { userData, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            XMLEventParser.with(userData) { handler in
                handler.textLength = 0
                handler.depth += 1
                if handler.depth > handler.maxDepth {
                    let (line, column) = handler.position
                    handler.stop(.tooDeep(line: line, column: column))
                    return
                }
                guard let localName else { return }
                handler.startElement(
                    localName: localName, qualifiedPrefix: prefix, namespace: uri,
                    attributes: XMLAttributes(
                        namespaces: namespaces, namespaceCount: Int(namespaceCount),
                        attributes: attributes, attributeCount: Int(attributeCount)))
            }
        }
        h.endElementNs = { userData, localName, prefix, uri in
            XMLEventParser.with(userData) { handler in
                handler.textLength = 0
                handler.depth -= 1
                guard let localName else { return }
                handler.endElement(localName: localName, qualifiedPrefix: prefix, namespace: uri)
            }
        }
        let characters: charactersSAXFunc = { userData, text, length in
            guard let text, length > 0 else { return }
            XMLEventParser.with(userData) { handler in
                handler.textLength += Int(length)
                if handler.textLength > handler.maxTextLength {
                    let (line, column) = handler.position
                    handler.stop(.textTooLong(line: line, column: column))
                    return
                }
                handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
            }
        }
        h.characters = characters
        h.ignorableWhitespace = characters
        h.comment = { userData, text in
            guard let text else { return }
            XMLEventParser.with(userData) { $0.markup("<!--" + String(cString: text) + "-->") }
        }
        h.processingInstruction = { userData, target, data in
            guard let target else { return }
            var text = "<?" + String(cString: target)
            if let data { text += " " + String(cString: data) }
            XMLEventParser.with(userData) { $0.markup(text + "?>") }
        }
        // A DOCTYPE is refused as soon as its name is read, before any declaration in it.
        let documentType: internalSubsetSAXFunc = { userData, _, _, _ in
            XMLEventParser.with(userData) { handler in
                let (line, column) = handler.position
                handler.stop(.documentType(line: line, column: column))
            }
        }
        h.internalSubset = documentType
        h.externalSubset = documentType
        h.resolveEntity = { _, _, _ in nil }
        h.getEntity = { _, _ in nil }
        h.getParameterEntity = { _, _ in nil }
        h.serror = { userData, error in
            guard let userData, let error else { return }
            let e = error.pointee
            let level: XMLParseProblem.Level
            switch e.level {
            case XML_ERR_WARNING: level = .warning
            case XML_ERR_ERROR: level = .error
            default: level = .fatal
            }
            var message = e.message.map { String(cString: $0) } ?? "unknown libxml2 error"
            while message.last?.isNewline == true { message.removeLast() }
            let problem = XMLParseProblem(level: level, code: Int(e.code), message: message, line: Int(e.line), column: Int(e.int2))
            XMLEventParser.with(userData) { $0.problems.append(problem) }
        }
    }
}
