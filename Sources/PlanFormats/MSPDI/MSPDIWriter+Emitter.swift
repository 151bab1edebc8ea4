import PlanModel

/// Writes the children of one element in its `ElementOrder`, placing the element's preserved
/// `mspdi:<Name>` extensions (verbatim XML) at their position between the elements written from
/// the model. The model wins when both are present (the reader never produces both, and an edited
/// plan's model is the truth); names the order does not know go last, before the closing tag.
struct ChildEmitter<Order: ElementOrder> {
    let out: XMLTextWriter
    /// Preserved children sorted by position, then key, so output is deterministic.
    private var pending: [(position: Int, key: String, xml: String)]
    private var next = 0

    init(_ out: XMLTextWriter, extensions: [(name: Substring, xml: String)]) {
        self.out = out
        pending = extensions.map { (Order.position(of: $0.name) ?? Int.max, String($0.name), $0.xml) }
        pending.sort { ($0.position, $0.key) < ($1.position, $1.key) }
    }

    init(_ out: XMLTextWriter, entityExtensions: Extensions) {
        self.init(out, extensions: ExtensionSplit.plain(entityExtensions))
    }

    /// Writes every preserved element that comes before `element`.
    mutating func advance(to element: Order) {
        let position = element.rawValue
        while next < pending.count && pending[next].position < position {
            out.verbatim(pending[next].xml)
            next += 1
        }
    }

    /// Marks `element` as written from the model: a preserved copy of it is skipped.
    private mutating func consumed(_ element: Order) {
        while next < pending.count && pending[next].position == element.rawValue { next += 1 }
    }

    /// Writes what remains (elements after the last model element, and unknown names).
    mutating func finish() {
        while next < pending.count {
            out.verbatim(pending[next].xml)
            next += 1
        }
    }

    /// MS Project and MPXJ hold MSPDI's whole numbers in 32 bits; a value beyond that is left out
    /// and counted rather than written for them to refuse the whole file.
    mutating func int(_ element: Order, _ value: Int?) {
        guard let value else { return }
        guard Int(Int32.min)...Int(Int32.max) ~= value else { return out.noteUnwritable() }
        advance(to: element)
        out.int(element.name, value)
        consumed(element)
    }

    mutating func bool(_ element: Order, _ value: Bool?) {
        guard let value else { return }
        advance(to: element)
        out.bool(element.name, value)
        consumed(element)
    }

    /// Returns false when characters XML cannot hold were removed.
    @discardableResult
    mutating func text(_ element: Order, _ value: String?) -> Bool {
        guard let value else { return true }
        advance(to: element)
        let clean = out.text(element.name, value)
        consumed(element)
        return clean
    }

    mutating func dateTime(_ element: Order, _ value: CivilDateTime?) {
        guard let value else { return }
        advance(to: element)
        out.dateTime(element.name, value)
        consumed(element)
    }

    mutating func time(_ element: Order, _ value: TimeOfDay?) {
        guard let value else { return }
        advance(to: element)
        out.time(element.name, value)
        consumed(element)
    }

    /// MPXJ reads the hours of `PT…H…M0S` as a 32-bit number and drops the whole value beyond it.
    mutating func duration(_ element: Order, minutes: Int?) {
        guard let minutes else { return }
        guard minutes.magnitude / 60 <= UInt(Int32.max) else { return out.noteUnwritable() }
        advance(to: element)
        out.duration(element.name, minutes: minutes)
        consumed(element)
    }

    /// Money in cents (brief §2.3): `Amount` 1.5 is written `150`, 0.0001 as `0.01`.
    mutating func cents(_ element: Order, _ value: Amount?) {
        guard let value else { return }
        advance(to: element)
        out.decimal(element.name, scaled: value.tenThousandths, scale: 2, minimumFraction: 0)
        consumed(element)
    }

    /// Currency units (rates): `Amount` 12.5 is written `12.5`.
    mutating func units(_ element: Order, _ value: Amount?) {
        guard let value else { return }
        advance(to: element)
        out.decimal(element.name, scaled: value.tenThousandths, scale: 4, minimumFraction: 0)
        consumed(element)
    }

    /// A fraction such as `MaxUnits` (1.0 = 100 %), written `1.00` as MS Project does.
    mutating func fraction(_ element: Order, _ value: Double?) {
        guard let value else { return }
        guard value.isFinite, abs(value) < 1e14 else {
            out.noteUnwritable()
            return
        }
        advance(to: element)
        out.decimal(element.name, scaled: Int((value * 10_000).rounded()), scale: 4, minimumFraction: 2)
        consumed(element)
    }

    /// Opens a container child; the caller writes its content and calls `out.end()`.
    mutating func start(_ element: Order) {
        advance(to: element)
        out.start(element.name)
    }
}

/// Splits an entity's extensions by the convention in `MSPDIVocabulary.swift`: plain
/// `mspdi:<Name>` children, and `mspdi:<Sub>[<key>]/<Name>` children of mapped sub-elements.
enum ExtensionSplit {
    /// The plain `mspdi:<Name>` entries (names without `[` or `/`).
    static func plain(_ extensions: Extensions) -> [(name: Substring, xml: String)] {
        var result: [(name: Substring, xml: String)] = []
        for (key, xml) in extensions where key.hasPrefix(MSPDI.extensionPrefix) {
            let name = key.dropFirst(MSPDI.extensionPrefix.count)
            guard !name.contains("["), !name.contains("/") else { continue }
            result.append((name, xml))
        }
        return result
    }

    /// The children kept for sub-element `sub` (e.g. `Baseline`), keyed by the sub-element's key
    /// (`0` for Baseline 0, a FieldID for an ExtendedAttribute).
    static func nested(_ extensions: Extensions, sub: String) -> [String: [(name: Substring, xml: String)]] {
        var result: [String: [(name: Substring, xml: String)]] = [:]
        let prefix = MSPDI.extensionPrefix + sub + "["
        for (key, xml) in extensions where key.hasPrefix(prefix) {
            guard let parts = MSPDI.nestedExtensionKey(key) else { continue }
            result[parts.key, default: []].append((Substring(parts.elementName), xml))
        }
        return result
    }

    /// Keys of another format's namespace (`jira:Sprint`), which MSPDI cannot hold.
    static func foreignKeys(_ extensions: Extensions) -> Int {
        extensions.keys.reduce(0) { $0 + ($1.hasPrefix(MSPDI.extensionPrefix) ? 0 : 1) }
    }
}
