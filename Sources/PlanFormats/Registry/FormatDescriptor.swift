import PlanModel

/// Everything the rest of PlanBridge knows about one format. Adding a format is one folder with a
/// reader, a writer and one of these, plus one line in `FormatRegistry.builtIn`.
public struct FormatDescriptor: Sendable {
    /// The name used on the command line (`mspdi`, `jira-csv`, `ics`, `json`).
    public var id: String
    /// Other accepted names (`xml`, `csv`, `ical`).
    public var aliases: [String]
    public var displayName: String
    /// Lower-case file extensions without the dot; the first is what outputs get.
    public var extensions: [String]
    public var mediaTypes: [String]
    /// How sure this format is that a prefix of an input is one of its files.
    public var sniff: @Sendable (SniffPrefix) -> SniffConfidence
    public var reader: (any PlanReader)?
    public var writer: (any PlanWriter)?

    public init(
        id: String, aliases: [String] = [], displayName: String, extensions: [String], mediaTypes: [String],
        sniff: @escaping @Sendable (SniffPrefix) -> SniffConfidence, reader: (any PlanReader)?, writer: (any PlanWriter)?
    ) {
        self.id = id
        self.aliases = aliases
        self.displayName = displayName
        self.extensions = extensions
        self.mediaTypes = mediaTypes
        self.sniff = sniff
        self.reader = reader
        self.writer = writer
    }

    public var names: [String] { [id] + aliases }
}

/// A sniffer's verdict, ordered so the most confident format wins.
public enum SniffConfidence: Int, Comparable, Sendable {
    case no = 0
    /// Could be, e.g. a CSV header that names a `Summary` column but nothing else Jira-specific.
    case possible = 1
    /// A fingerprint that only this format has (the MS Project namespace, `BEGIN:VCALENDAR`).
    case certain = 2

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The first bytes of an input prepared once for all sniffers: the byte-order mark identified and
/// removed, and the text decoded (UTF-8, or UTF-16 when a BOM says so) without leading whitespace.
public struct SniffPrefix: Sendable {
    public static let length = 4096

    public enum ByteOrderMark: String, Sendable { case utf8, utf16LE, utf16BE }

    public let bytes: [UInt8]
    public let byteOrderMark: ByteOrderMark?
    public let text: Substring

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            byteOrderMark = .utf8
            body = body.dropFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            byteOrderMark = .utf16LE
            body = body.dropFirst(2)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            byteOrderMark = .utf16BE
            body = body.dropFirst(2)
        } else {
            byteOrderMark = nil
        }
        let decoded: String
        switch byteOrderMark {
        case .utf16LE, .utf16BE:
            let littleEndian = byteOrderMark == .utf16LE
            var units: [UInt16] = []
            var i = body.startIndex
            while i + 1 < body.endIndex {
                let a = UInt16(body[i]), b = UInt16(body[i + 1])
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                i += 2
            }
            decoded = String(decoding: units, as: UTF16.self)
        default:
            decoded = String(decoding: body, as: UTF8.self)
        }
        text = decoded.drop { $0.isWhitespace }
    }
}
