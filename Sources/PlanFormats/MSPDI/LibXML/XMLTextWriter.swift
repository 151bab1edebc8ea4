internal import CLibXML2
import PlanModel

/// A tab-indented XML writer over libxml2's `xmlTextWriter` writing into an `xmlBuffer`.
///
/// libxml2 owns the output buffer and the document framing (the root element goes through
/// `xmlTextWriterStartElement`, so the document is closed properly). Every other element is
/// composed in one reusable byte buffer, escaped here, and handed to libxml2 in a single raw write:
/// a plan has millions of leaves, and a Swift `String` or a libxml2 element-stack entry (one
/// `malloc` each) per leaf would dominate the time. Indentation is written here too, because
/// libxml2's own indenter cannot interleave with raw writes (preserved extensions are raw).
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// Everything the writer changes as it goes. It lives behind a pointer the writer owns rather
    /// than in stored properties: Swift checks every access to a class's stored `var` for
    /// exclusivity at run time, a leaf touches this state a dozen times, and those checks were
    /// 40 % of the time to write a 50,000-task plan. A writer is used by one thread at a time.
    private struct State {
        /// The open containers below the root: name, and whether it has a child yet (decides `<X/>`).
        var open: [(name: [UInt8], hasChildren: Bool)] = []
        /// The root is open (it is the one element libxml2 tracks).
        var rootOpen = false
        var rootHasChildren = false
        var scratch: [UInt8] = []
        var unwritableValues = 0
    }

    private let state = UnsafeMutablePointer<State>.allocate(capacity: 1)

    private var open: [(name: [UInt8], hasChildren: Bool)] {
        _read { yield state.pointee.open }
        _modify { yield &state.pointee.open }
    }

    private var rootOpen: Bool {
        get { state.pointee.rootOpen }
        set { state.pointee.rootOpen = newValue }
    }

    private var rootHasChildren: Bool {
        get { state.pointee.rootHasChildren }
        set { state.pointee.rootHasChildren = newValue }
    }

    private var scratch: [UInt8] {
        _read { yield state.pointee.scratch }
        _modify { yield &state.pointee.scratch }
    }

    /// Values left out because MSPDI cannot hold them (a year outside 1–9999, a number too large);
    /// the writer reports the count in the loss report.
    private(set) var unwritableValues: Int {
        get { state.pointee.unwritableValues }
        set { state.pointee.unwritableValues = newValue }
    }

    /// The days a `YYYY-MM-DD` date can name.
    static let writableDays = CivilDate(year: 1, month: 1, day: 1)!.daysSinceEpoch...CivilDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch

    static func isWritable(_ date: CivilDate) -> Bool { writableDays.contains(date.daysSinceEpoch) }

    func noteUnwritable() { unwritableValues += 1 }

    init() throws(PlanError) {
        guard let buffer = xmlBufferCreateSize(1 << 16) else {
            throw PlanError(.writeFailed, Diagnostic(.ioWriteFailed, "libxml2 could not allocate an output buffer"))
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw PlanError(.writeFailed, Diagnostic(.ioWriteFailed, "libxml2 could not create a text writer"))
        }
        self.buffer = buffer
        self.writer = writer
        state.initialize(to: State())
        scratch.reserveCapacity(1 << 17)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
        state.deinitialize(count: 1)
        state.deallocate()
    }

    // MARK: Structure

    /// The XML declaration exactly as MS Project writes it.
    func declaration() {
        writeRaw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
    }

    /// Opens the root element with one namespace declaration, on the line after the declaration.
    func startRoot(_ name: StaticString, namespace: StaticString) {
        writeRaw("\n")
        flushPending()  // libxml2 writes the root's start tag itself, after what is pending
        xmlTextWriterStartElement(writer, name.utf8Start)
        xmlTextWriterWriteAttribute(writer, "xmlns", namespace.utf8Start)
        rootOpen = true
        rootHasChildren = false
    }

    /// Opens a container element on its own line.
    func start(_ name: [UInt8]) {
        markChild()
        appendNewLine(depth: depth)
        scratch.append(UInt8(ascii: "<"))
        scratch.append(contentsOf: name)
        open.append((name, false))
        // The `>` is written with the first child, or `/>` when there is none.
        flushScratch()
    }

    func start(_ name: StaticString) { start(Self.bytes(name)) }

    /// Closes the innermost container (the root last); one without children is written `<X/>`.
    func end() {
        guard let (name, hasChildren) = open.popLast() else {
            if rootOpen {
                if rootHasChildren { writeRaw("\n") }
                flushPending()  // before libxml2 writes the closing tag
                xmlTextWriterEndElement(writer)
                rootOpen = false
            }
            return
        }
        if hasChildren {
            appendNewLine(depth: depth)
            appendLiteral("</")
            scratch.append(contentsOf: name)
            scratch.append(UInt8(ascii: ">"))
        } else {
            appendLiteral("/>")
        }
        flushScratch()
    }

    /// Nesting depth of the next child line (the root's children are at depth 1).
    private var depth: Int { open.count + (rootOpen ? 1 : 0) }

    /// Records that the innermost open element gets a child, closing its start tag if needed.
    /// Leaves the bytes in `scratch` for the caller to extend and flush.
    private func markChild() {
        if let last = open.indices.last {
            if !open[last].hasChildren {
                open[last].hasChildren = true
                scratch.append(UInt8(ascii: ">"))
            }
        } else if rootOpen {
            rootHasChildren = true
        }
    }

    /// A preserved subtree (verbatim XML text) placed as the next child of the open container.
    func verbatim(_ xml: String) {
        markChild()
        appendNewLine(depth: depth)
        flushScratch()
        writeRaw(xml)
    }

    /// The finished document. Ends every open element first.
    func finish() -> [UInt8] {
        while !open.isEmpty || rootOpen { end() }
        flushPending()
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        // xmlTextWriterEndDocument ends the file with a newline, as MS Project does.
        return [UInt8](UnsafeBufferPointer(start: content, count: count))
    }

    // MARK: Leaves

    /// `<name>text</name>` with `&`, `<`, `>` and `\r` escaped and characters XML 1.0 cannot hold
    /// removed. Returns false when characters had to be removed, so the caller can report it.
    @discardableResult
    func text(_ name: [UInt8], _ value: String) -> Bool {
        beginLeaf(name)
        var clean = true
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): appendLiteral("&amp;")
            case UInt8(ascii: "<"): appendLiteral("&lt;")
            case UInt8(ascii: ">"): appendLiteral("&gt;")
            case 0x0D: appendLiteral("&#13;")
            case 0x09, 0x0A: scratch.append(byte)
            case 0x00..<0x20: clean = false
            default: scratch.append(byte)
            }
        }
        endLeaf(name)
        return clean
    }

    /// `<name>digits</name>`.
    func int(_ name: [UInt8], _ value: Int) {
        beginLeaf(name)
        appendInt(value)
        endLeaf(name)
    }

    /// `<name>0</name>` or `<name>1</name>`, MS Project's booleans.
    func bool(_ name: [UInt8], _ value: Bool) {
        beginLeaf(name)
        scratch.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        endLeaf(name)
    }

    /// `<name>YYYY-MM-DDTHH:MM:SS</name>`.
    func dateTime(_ name: [UInt8], _ value: CivilDateTime) {
        guard Self.isWritable(value.date) else {
            unwritableValues += 1
            return
        }
        beginLeaf(name)
        appendDate(value.date)
        scratch.append(UInt8(ascii: "T"))
        let second = value.secondOfDay
        appendPadded(second / 3600, width: 2)
        scratch.append(UInt8(ascii: ":"))
        appendPadded((second / 60) % 60, width: 2)
        scratch.append(UInt8(ascii: ":"))
        appendPadded(second % 60, width: 2)
        endLeaf(name)
    }

    /// `<name>HH:MM:SS</name>`; the end of the day (24:00) is written `00:00:00`, as MS Project does.
    func time(_ name: [UInt8], _ value: TimeOfDay) {
        beginLeaf(name)
        let minutes = value.minutes % 1440
        appendPadded(minutes / 60, width: 2)
        scratch.append(UInt8(ascii: ":"))
        appendPadded(minutes % 60, width: 2)
        appendLiteral(":00")
        endLeaf(name)
    }

    /// `<name>PT{h}H{m}M{s}S</name>` from whole minutes; negative as MS Project writes it,
    /// `PT-416H-30M0S`, every component carrying the sign.
    func duration(_ name: [UInt8], minutes: Int) {
        beginLeaf(name)
        let negative = minutes < 0
        let magnitude = minutes.magnitude
        appendLiteral("PT")
        if negative { scratch.append(UInt8(ascii: "-")) }
        appendInt(Int(magnitude / 60))
        scratch.append(UInt8(ascii: "H"))
        if negative && magnitude % 60 != 0 { scratch.append(UInt8(ascii: "-")) }
        appendInt(Int(magnitude % 60))
        appendLiteral("M0S")
        endLeaf(name)
    }

    /// `<name>decimal</name>` for a fixed-point value with `scale` fraction digits, written with at
    /// least `minimumFraction` digits (`1.00`) and trailing zeros beyond that dropped.
    func decimal(_ name: [UInt8], scaled value: Int, scale: Int, minimumFraction: Int) {
        beginLeaf(name)
        if value < 0 { scratch.append(UInt8(ascii: "-")) }
        var divisor: UInt = 1
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = value.magnitude  // UInt: Int.min has no Int magnitude
        appendUnsigned(magnitude / divisor)
        var fraction = Int(magnitude % divisor)
        var digits = scale
        while digits > minimumFraction && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        if digits > 0 {
            scratch.append(UInt8(ascii: "."))
            appendPadded(fraction, width: digits)
        }
        endLeaf(name)
    }

    // MARK: Byte assembly

    static func bytes(_ name: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    private func appendNewLine(depth: Int) {
        scratch.append(0x0A)
        for _ in 0..<depth { scratch.append(0x09) }
    }

    private func beginLeaf(_ name: [UInt8]) {
        markChild()
        appendNewLine(depth: depth)
        scratch.append(UInt8(ascii: "<"))
        scratch.append(contentsOf: name)
        scratch.append(UInt8(ascii: ">"))
    }

    private func endLeaf(_ name: [UInt8]) {
        appendLiteral("</")
        scratch.append(contentsOf: name)
        scratch.append(UInt8(ascii: ">"))
        flushScratch()
    }

    /// Hands the pending bytes to libxml2 once enough have gathered: one call per 64 KiB instead
    /// of one per element.
    private func flushScratch() {
        if scratch.count >= 1 << 16 { flushPending() }
    }

    private func flushPending() {
        guard !scratch.isEmpty else { return }
        scratch.withUnsafeBufferPointer { bytes in
            _ = xmlTextWriterWriteRawLen(writer, bytes.baseAddress, Int32(bytes.count))
        }
        scratch.removeAll(keepingCapacity: true)
    }

    private func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { scratch.append(contentsOf: $0) }
        flushScratch()
    }

    private func appendInt(_ value: Int) {
        if value < 0 { scratch.append(UInt8(ascii: "-")) }
        appendUnsigned(value.magnitude)
    }

    /// Digits written in place from the right: no temporary array, no reversed slice.
    private func appendUnsigned(_ value: UInt) {
        var width = 1
        var rest = value / 10
        while rest > 0 {
            width += 1
            rest /= 10
        }
        appendDigits(value, width: width)
    }

    private func appendPadded(_ value: Int, width: Int) { appendDigits(value.magnitude, width: width) }

    private func appendDigits(_ value: UInt, width: Int) {
        let end = scratch.count + width
        scratch.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        var rest = value
        var position = end
        while rest > 0 && position > end - width {
            position -= 1
            scratch[position] = UInt8(48 + rest % 10)
            rest /= 10
        }
    }

    private func appendLiteral(_ text: StaticString) {
        text.withUTF8Buffer { scratch.append(contentsOf: $0) }
    }

    private func appendDate(_ date: CivilDate) {
        let (y, m, d) = date.components
        appendPadded(y, width: 4)
        scratch.append(UInt8(ascii: "-"))
        appendPadded(m, width: 2)
        scratch.append(UInt8(ascii: "-"))
        appendPadded(d, width: 2)
    }
}
