import PlanModel

/// Turns parse events into a `Plan`. Elements the model holds are mapped as their end tags
/// arrive; everything else is serialised verbatim and kept as an extension (see the convention in
/// `MSPDIVocabulary.swift`). One instance reads one document.
final class MSPDIDocumentBuilder: XMLEventHandler {
    // Stored properties are `@exclusivity(unchecked)`: the builder runs on one thread inside the
    // parser's callbacks and never hands out overlapping accesses, and the dynamic checks cost
    // about 15 % of the reading time on large files.
    let sourceName: String

    @exclusivity(unchecked) var plan = Plan()
    @exclusivity(unchecked) var diagnostics: [Diagnostic] = []
    /// Elements kept verbatim, for the one info diagnostic.
    @exclusivity(unchecked) var keptElementCount = 0
    @exclusivity(unchecked) var rootSeen = false
    @exclusivity(unchecked) var wrongRoot: String?
    @exclusivity(unchecked) var rootLine = 0
    @exclusivity(unchecked) var rootColumn = 0

    // Element names by libxml2's interned pointer.
    /// Index into `nameElements` / `nameTexts` (an `Int` lookup: no reference counting per event).
    @exclusivity(unchecked) private var names = PointerSlots()
    @exclusivity(unchecked) private var nameElements: [MSPDIElement?] = []
    @exclusivity(unchecked) private var nameTexts: [String] = []
    /// `mspdi:<Name>`, made once per name rather than once per kept element.
    @exclusivity(unchecked) private var nameKeys: [String] = []

    /// The open elements, outermost first; `nil` for names the reader does not map.
    @exclusivity(unchecked) var path: [MSPDIElement?] = []

    // The text of the leaf element being read.
    let text = ByteBuffer()
    @exclusivity(unchecked) var collectingText = false
    @exclusivity(unchecked) var textLine = 0
    @exclusivity(unchecked) var textColumn = 0

    // Verbatim capture of one unmapped element (and everything inside it).
    @exclusivity(unchecked) var captureDepth = 0
    @exclusivity(unchecked) var capture = XMLRecorder()
    @exclusivity(unchecked) var captureName = ""
    @exclusivity(unchecked) var captureKey = ""
    /// The innermost element inside a capture while it may still be a leaf (its text is checked).
    @exclusivity(unchecked) var capturedLeaf: MSPDIElement?

    // A task is recorded verbatim until it is known not to be the summary task or a blank row.
    @exclusivity(unchecked) var taskRecording = false
    @exclusivity(unchecked) var taskVerbatim: TaskVerbatim?
    @exclusivity(unchecked) var taskRecord = XMLRecorder()
    enum TaskVerbatim { case summary, blank }

    // Entities under construction.
    @exclusivity(unchecked) var project = ProjectState()
    @exclusivity(unchecked) var task = TaskState()
    @exclusivity(unchecked) var resource = ResourceState()
    @exclusivity(unchecked) var assignment = AssignmentState()
    @exclusivity(unchecked) var calendar = CalendarState()
    @exclusivity(unchecked) var definition = DefinitionState()
    @exclusivity(unchecked) var link = LinkState()
    @exclusivity(unchecked) var baseline = BaselineState()
    @exclusivity(unchecked) var customValue = CustomValueState()
    @exclusivity(unchecked) var outline = OutlineStack()
    @exclusivity(unchecked) var lastTaskExtensionCount = 0
    @exclusivity(unchecked) var interner = StringInterner()
    @exclusivity(unchecked) var lastAssignmentExtensionCount = 0
    @exclusivity(unchecked) var definitionsByFieldID: [Int: CustomFieldDefinition] = [:]
    @exclusivity(unchecked) var undefinedFieldIDs: [Int: (type: CustomFieldType, location: SourceLocation)] = [:]

    init(sourceName: String) {
        self.sourceName = sourceName
        super.init()
    }

    // MARK: Events

    override func startElement(
        localName: UnsafePointer<UInt8>, qualifiedPrefix: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?,
        attributes: XMLAttributes
    ) {
        let slot = nameSlot(localName)
        // Kept elements are written back into a document whose default namespace is MS Project's,
        // so a prefix bound to the root's namespace is dropped.
        let qualifiedPrefix = keptPrefix(qualifiedPrefix, namespace: namespace)
        let element = nameElements[slot]
        if captureDepth > 0 {
            captureDepth += 1
            capturedLeaf = element
            text.reset()
            (textLine, textColumn) = position
            textColumn += 1
            capture.start(nameTexts[slot], prefix: qualifiedPrefix, attributes: attributes)
            if taskRecording { taskRecord.start(nameTexts[slot], prefix: qualifiedPrefix, attributes: attributes) }
            return
        }
        if collectingText {
            // Markup inside what should have been a leaf: keep the whole element instead.
            collectingText = false
        }
        let parent = path.last ?? nil
        if taskRecording {
            if path.count == 3, taskVerbatim == nil, !taskHeadContinues(element, slot: slot) { taskRecording = false }
            if taskRecording { taskRecord.start(nameTexts[slot], prefix: qualifiedPrefix, attributes: attributes) }
        }
        if taskVerbatim != nil {
            // The whole task is being kept; only the record matters.
            path.append(nil)
            return
        }
        if path.isEmpty {
            rootSeen = true
            (rootLine, rootColumn) = position
            rootNamespace = namespace
            if element != .Project {
                wrongRoot = nameTexts[slot]
                stop()
                return
            }
            path.append(.Project)
            return
        }
        guard let element else {
            beginCapture(slot, prefix: qualifiedPrefix, namespace: namespace, attributes: attributes)
            return
        }
        // Decided before the push: which leaves a parent has can depend on the path above it.
        let leaf = isLeaf(element, under: parent)
        guard leaf || isContainer(element, under: parent) else {
            beginCapture(slot, prefix: qualifiedPrefix, namespace: namespace, attributes: attributes)
            return
        }
        path.append(element)
        if leaf {
            collectingText = true
            text.reset()
            (textLine, textColumn) = position
            // libxml2 reports the start tag's `>` as the position; the value starts after it.
            textColumn += 1
        } else {
            begin(element, under: parent, attributes: attributes, prefix: qualifiedPrefix)
        }
    }

    override func endElement(localName: UnsafePointer<UInt8>, qualifiedPrefix: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?) {
        let qualifiedPrefix = keptPrefix(qualifiedPrefix, namespace: namespace)
        if captureDepth > 0 {
            let name = nameText(localName)
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
        if taskRecording { taskRecord.end(nameText(localName), prefix: qualifiedPrefix) }
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

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if captureDepth > 0 {
            capture.text(bytes)
            if capturedLeaf != nil { text.append(bytes) }
        } else if collectingText {
            text.append(bytes)
        }
        if taskRecording { taskRecord.text(bytes) }
    }

    override func markup(_ markup: String) {
        if captureDepth > 0 { capture.markup(markup) }
        if taskRecording { taskRecord.markup(markup) }
    }

    // MARK: Names

    /// The libxml2 pointer of the root element's namespace URI (interned: compared by address first).
    private var rootNamespace: UnsafePointer<UInt8>?

    private func keptPrefix(_ prefix: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?) -> UnsafePointer<UInt8>? {
        guard let prefix else { return nil }
        guard let namespace, let rootNamespace else { return prefix }
        if namespace == rootNamespace || strcmp(namespace, rootNamespace) == 0 { return nil }
        return prefix
    }

    private func strcmp(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>) -> Int {
        var i = 0
        while a[i] == b[i] {
            if a[i] == 0 { return 0 }
            i += 1
        }
        return Int(a[i]) - Int(b[i])
    }

    /// Decimal text of a UID, without the generic integer printing that showed up in profiles.
    static func uidText(_ value: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var n = value.magnitude
            var i = 24
            repeat {
                i -= 1
                buffer[i] = UInt8(truncatingIfNeeded: 48 + n % 10)
                n /= 10
            } while n > 0
            if value < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[i..<24]), as: UTF8.self)
        }
    }

    /// A name's slot, by libxml2's interned pointer.
    private func nameSlot(_ localName: UnsafePointer<UInt8>) -> Int {
        let key = UnsafeRawPointer(localName)
        if let known = names.slot(for: key) { return known }
        let text = String(cString: localName)
        nameElements.append(MSPDIElement.byName[text])
        nameTexts.append(text)
        nameKeys.append(MSPDI.extensionKey(text))
        names.insert(key, slot: nameTexts.count - 1)
        return nameTexts.count - 1
    }

    private func nameText(_ localName: UnsafePointer<UInt8>) -> String { nameTexts[nameSlot(localName)] }

    /// Whether the element at `path.count == 3` (a child of `Task`) still belongs to the head of the
    /// task that MS Project writes before `IsNull`.
    private func taskHeadContinues(_ element: MSPDIElement?, slot: Int) -> Bool {
        if let element { return element.isTaskHead }
        return nameTexts[slot] == "GUID"
    }

    // MARK: Verbatim capture

    private func beginCapture(_ slot: Int, prefix: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes) {
        captureDepth = 1
        captureName = nameTexts[slot]
        captureKey = nameKeys[slot]
        capture.reset()
        // A foreign prefix declared on an ancestor is declared again, so the kept text stands alone.
        var declaration: (UnsafePointer<UInt8>, UnsafePointer<UInt8>)?
        if let prefix, let namespace, !attributes.declares(prefix: prefix) { declaration = (prefix, namespace) }
        capture.start(captureName, prefix: prefix, attributes: attributes, declaring: declaration)
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
        let xml = capture.bytes.withUnsafeBufferPointer { interner.string($0) }
        keep(captureName, key: captureKey, xml: xml, under: path.last ?? nil)
    }

    // MARK: Diagnostics

    /// The location of the current leaf value (just after its start tag).
    var valueLocation: SourceLocation {
        SourceLocation(file: sourceName, line: textLine, column: textColumn)
    }

    var textString: String { text.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }

    func warn(_ code: DiagnosticCode, _ message: String, entity: EntityRef? = nil) {
        diagnostics.append(Diagnostic(code, message, at: valueLocation, entity: entity))
    }

    /// Runs `parse` on the current text; a nil result gives a warning naming the element.
    func value<T>(
        _ element: MSPDIElement, code: DiagnosticCode = .mspdiBadValue, entity: @autoclosure () -> EntityRef? = nil,
        _ parse: (ByteText) -> T?
    ) -> T? {
        let result = text.withUnsafeBufferPointer { parse($0) }
        if result == nil {
            let shown = textString.count > 40 ? String(textString.prefix(40)) + "…" : textString
            warn(code, "\(element.rawValue) '\(shown)' is not a valid value; ignored", entity: entity())
        }
        return result
    }
}

/// Pointer → small integer, open addressing with linear probing: the per-element name lookup,
/// cheaper than hashing through `Dictionary` (a document has a few hundred distinct names).
struct PointerSlots {
    private var keys: [UnsafeRawPointer?] = Array(repeating: nil, count: 1024)
    private var values: [Int] = Array(repeating: 0, count: 1024)
    private var count = 0

    @inline(__always) private func start(_ key: UnsafeRawPointer, mask: Int) -> Int {
        let bits = UInt(bitPattern: key)
        return Int(truncatingIfNeeded: (bits >> 3) ^ (bits >> 12)) & mask
    }

    func slot(for key: UnsafeRawPointer) -> Int? {
        let mask = keys.count - 1
        var i = start(key, mask: mask)
        while let k = keys[i] {
            if k == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    mutating func insert(_ key: UnsafeRawPointer, slot: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = start(key, mask: mask)
        while let k = keys[i], k != key { i = (i + 1) & mask }
        if keys[i] == nil { count += 1 }
        keys[i] = key
        values[i] = slot
    }

    private mutating func grow() {
        let old = zip(keys, values).compactMap { k, v in k.map { ($0, v) } }
        keys = Array(repeating: nil, count: keys.count * 2)
        values = Array(repeating: 0, count: values.count * 2)
        count = 0
        for (k, v) in old { insert(k, slot: v) }
    }
}

/// A growable byte buffer whose reset is a store, for the text of the leaf being read (an array's
/// `removeAll(keepingCapacity:)` showed up in profiles at one call per element).
final class ByteBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    var isEmpty: Bool { count == 0 }

    func reset() { count = 0 }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + bytes.count { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity = newCapacity
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage, count: count))
    }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }
}
