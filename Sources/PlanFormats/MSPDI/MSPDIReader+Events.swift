import PlanModel

/// Turns parse events into a `Plan`. Elements the model holds are mapped as their end tags
/// arrive; everything else is serialised verbatim and kept as an extension (see the convention in
/// `MSPDIVocabulary.swift`). One instance reads one document.
final class MSPDIDocumentBuilder: XMLEventSink {
    let sourceName: String
    unowned(unsafe) var parser: XMLEventParser!

    var plan = Plan()
    var diagnostics: [Diagnostic] = []
    /// Elements kept verbatim, for the one info diagnostic.
    var keptElementCount = 0
    var rootSeen = false
    var wrongRoot: String?
    var rootLine = 0
    var rootColumn = 0

    // Element names by libxml2's interned pointer.
    private var names: [UnsafeRawPointer: NameInfo] = [:]
    struct NameInfo {
        var element: MSPDIElement?
        var text: String
    }

    /// The open elements, outermost first; `nil` for names the reader does not map.
    var path: [MSPDIElement?] = []

    // The text of the leaf element being read.
    var text: [UInt8] = []
    var collectingText = false
    var textLine = 0
    var textColumn = 0

    // Verbatim capture of one unmapped element (and everything inside it).
    var captureDepth = 0
    var capture = XMLRecorder()
    var captureName = ""
    /// The innermost element inside a capture while it may still be a leaf (its text is checked).
    var capturedLeaf: MSPDIElement?

    // A task is recorded verbatim until it is known not to be the summary task or a blank row.
    var taskRecording = false
    var taskVerbatim: TaskVerbatim?
    var taskRecord = XMLRecorder()
    enum TaskVerbatim { case summary, blank }

    // Entities under construction.
    var project = ProjectState()
    var task = TaskState()
    var resource = ResourceState()
    var assignment = AssignmentState()
    var calendar = CalendarState()
    var definition = DefinitionState()
    var link = LinkState()
    var baseline = BaselineState()
    var customValue = CustomValueState()
    var outline = OutlineStack()
    var definitionsByFieldID: [Int: CustomFieldDefinition] = [:]
    var undefinedFieldIDs: [Int: (type: CustomFieldType, location: SourceLocation)] = [:]

    init(sourceName: String) {
        self.sourceName = sourceName
        text.reserveCapacity(256)
    }

    // MARK: Events

    func startElement(localName: UnsafePointer<UInt8>, qualifiedPrefix: UnsafePointer<UInt8>?, attributes: XMLAttributes) {
        let info = nameInfo(localName)
        if captureDepth > 0 {
            captureDepth += 1
            capturedLeaf = info.element
            text.removeAll(keepingCapacity: true)
            (textLine, textColumn) = parser.position
            textColumn += 1
            capture.start(info.text, prefix: qualifiedPrefix, attributes: attributes)
            if taskRecording { taskRecord.start(info.text, prefix: qualifiedPrefix, attributes: attributes) }
            return
        }
        if collectingText {
            // Markup inside what should have been a leaf: keep the whole element instead.
            collectingText = false
        }
        let parent = path.last ?? nil
        if taskRecording {
            if path.count == 3, taskVerbatim == nil, !taskHeadContinues(info) { taskRecording = false }
            if taskRecording { taskRecord.start(info.text, prefix: qualifiedPrefix, attributes: attributes) }
        }
        if taskVerbatim != nil {
            // The whole task is being kept; only the record matters.
            path.append(nil)
            return
        }
        if path.isEmpty {
            rootSeen = true
            (rootLine, rootColumn) = parser.position
            if info.element != .Project {
                wrongRoot = info.text
                parser.stop()
                return
            }
            path.append(.Project)
            return
        }
        guard let element = info.element else {
            beginCapture(info, prefix: qualifiedPrefix, attributes: attributes)
            return
        }
        // Decided before the push: which leaves a parent has can depend on the path above it.
        let leaf = isLeaf(element, under: parent)
        guard leaf || isContainer(element, under: parent) else {
            beginCapture(info, prefix: qualifiedPrefix, attributes: attributes)
            return
        }
        path.append(element)
        if leaf {
            collectingText = true
            text.removeAll(keepingCapacity: true)
            (textLine, textColumn) = parser.position
            // libxml2 reports the start tag's `>` as the position; the value starts after it.
            textColumn += 1
        } else {
            begin(element, under: parent, attributes: attributes, prefix: qualifiedPrefix)
        }
    }

    func endElement(localName: UnsafePointer<UInt8>, qualifiedPrefix: UnsafePointer<UInt8>?) {
        if captureDepth > 0 {
            let name = nameInfo(localName).text
            if let leaf = capturedLeaf {
                checkKeptDate(leaf)
                capturedLeaf = nil
            }
            capture.end(name, prefix: qualifiedPrefix)
            if taskRecording { taskRecord.end(name, prefix: qualifiedPrefix) }
            captureDepth -= 1
            if captureDepth == 0 { endCapture() }
            return
        }
        guard let element = path.popLast() else { return }
        if taskRecording { taskRecord.end(nameInfo(localName).text, prefix: qualifiedPrefix) }
        let parent = path.last ?? nil
        if taskVerbatim != nil {
            if element == .Task && path.count == 2 { endTask() }
            return
        }
        guard let element else { return }
        if collectingText {
            collectingText = false
            leaf(element, under: parent)
        } else {
            end(element, under: parent)
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if captureDepth > 0 {
            capture.text(bytes)
            if capturedLeaf != nil { text.append(contentsOf: bytes) }
        } else if collectingText {
            text.append(contentsOf: bytes)
        }
        if taskRecording { taskRecord.text(bytes) }
    }

    func markup(_ markup: String) {
        if captureDepth > 0 { capture.markup(markup) }
        if taskRecording { taskRecord.markup(markup) }
    }

    // MARK: Names

    private func nameInfo(_ localName: UnsafePointer<UInt8>) -> NameInfo {
        let key = UnsafeRawPointer(localName)
        if let known = names[key] { return known }
        let text = String(cString: localName)
        let info = NameInfo(element: MSPDIElement.byName[text], text: text)
        names[key] = info
        return info
    }

    /// Whether the element at `path.count == 3` (a child of `Task`) still belongs to the head of the
    /// task that MS Project writes before `IsNull`.
    private func taskHeadContinues(_ info: NameInfo) -> Bool {
        if let element = info.element { return MSPDIElement.taskHead.contains(element) }
        return info.text == "GUID"
    }

    // MARK: Verbatim capture

    private func beginCapture(_ info: NameInfo, prefix: UnsafePointer<UInt8>?, attributes: XMLAttributes) {
        captureDepth = 1
        captureName = info.text
        capture.reset()
        capture.start(info.text, prefix: prefix, attributes: attributes)
    }

    /// Kept elements are not read, but MS Project's malformed dates inside them (its 2007 writer put
    /// `2008-12-04T17:-0:00` into TimephasedData) still deserve a warning; the text stays as written.
    private func checkKeptDate(_ element: MSPDIElement) {
        guard element == .Start || element == .Finish, !text.isEmpty,
            let parsed = text.withUnsafeBufferPointer({ MSPDI.dateTime($0) }), parsed.repair != nil
        else { return }
        warn(.mspdiBadDate, "\(captureName) \(element.rawValue) '\(textString)' is malformed; kept as written (it reads as \(parsed.value))")
    }

    private func endCapture() {
        keptElementCount += 1
        let xml = capture.string
        keep(captureName, xml: xml, under: path.last ?? nil)
    }

    // MARK: Diagnostics

    /// The location of the current leaf value (just after its start tag).
    var valueLocation: SourceLocation {
        SourceLocation(file: sourceName, line: textLine, column: textColumn)
    }

    var textString: String { String(decoding: text, as: UTF8.self) }

    func warn(_ code: DiagnosticCode, _ message: String, entity: EntityRef? = nil) {
        diagnostics.append(Diagnostic(code, message, at: valueLocation, entity: entity))
    }

    /// Runs `parse` on the current text; a nil result gives a warning naming the element.
    func value<T>(_ element: MSPDIElement, code: DiagnosticCode = .mspdiBadValue, entity: EntityRef? = nil, _ parse: (ByteText) -> T?) -> T? {
        let result = text.withUnsafeBufferPointer { parse($0) }
        if result == nil {
            let shown = textString.count > 40 ? String(textString.prefix(40)) + "…" : textString
            warn(code, "\(element.rawValue) '\(shown)' is not a valid value; ignored", entity: entity)
        }
        return result
    }
}
