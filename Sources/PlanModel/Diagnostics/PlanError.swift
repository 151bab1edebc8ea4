/// The one error type readers, writers and the registry throw: a small, stable `kind` (which the
/// command line maps to its exit status) plus the diagnostic that explains it.
public struct PlanError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// The input could not be read: missing, not this format, malformed, hostile.
        case unreadableInput
        /// No such format, or it cannot be read or written.
        case unsupportedFormat
        /// Readable, but a newer major version than this program understands.
        case unsupportedVersion
        /// The output could not be produced or stored.
        case writeFailed
    }

    public var kind: Kind
    public var diagnostic: Diagnostic
    /// Further findings collected before the failure (all libxml2 errors, not only the last).
    public var related: [Diagnostic]

    public init(_ kind: Kind, _ diagnostic: Diagnostic, related: [Diagnostic] = []) {
        self.kind = kind
        self.diagnostic = diagnostic
        self.related = related
    }

    public var description: String { diagnostic.description }
}
