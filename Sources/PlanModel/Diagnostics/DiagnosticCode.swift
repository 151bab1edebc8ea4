/// A stable dotted code (`mspdi.bad-duration`) and the severity it has unless overridden.
/// Codes are declared as static members in one place per area so that they stay stable and
/// discoverable; equality is by the code text only.
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public let severity: Severity

    public init(_ rawValue: String, _ severity: Severity) {
        self.rawValue = rawValue
        self.severity = severity
    }

    public var description: String { rawValue }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

// Codes shared by every format and the command line. Format-specific codes live with their format.
extension DiagnosticCode {
    public static let ioUnreadable = DiagnosticCode("io.unreadable", .error)
    public static let ioNotFound = DiagnosticCode("io.not-found", .error)
    public static let ioWriteFailed = DiagnosticCode("io.write-failed", .error)
    public static let ioOutputExists = DiagnosticCode("io.output-exists", .error)
    public static let formatUnknown = DiagnosticCode("format.unknown", .error)
    public static let formatUndetected = DiagnosticCode("format.undetected", .error)
    public static let formatNotReadable = DiagnosticCode("format.not-readable", .error)
    public static let formatNotWritable = DiagnosticCode("format.not-writable", .error)
    public static let formatExtensionMismatch = DiagnosticCode("format.extension-mismatch", .warning)
    public static let encodingInvalidUTF8 = DiagnosticCode("encoding.invalid-utf8", .error)
}
