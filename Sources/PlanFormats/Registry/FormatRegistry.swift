import PlanModel

/// The list of formats, and the one place that decides which format a file is. The command line
/// and the batch converter only talk to this; nothing else switches on format names.
public struct FormatRegistry: Sendable {
    public let formats: [FormatDescriptor]

    public init(formats: [FormatDescriptor]) { self.formats = formats }

    /// Every format PlanBridge ships, one line each.
    public static let builtIn = FormatRegistry(formats: [
        PlanJSONFormat.descriptor,
        MSPDIFormat.descriptor,
        JiraCSVFormat.descriptor,
        ICalendarFormat.descriptor,
    ])

    /// The format with this name or alias (case-insensitive).
    public func format(named name: String) throws(PlanError) -> FormatDescriptor {
        let wanted = name.lowercased()
        if let match = formats.first(where: { $0.names.contains(wanted) }) { return match }
        let known = formats.map(\.id).joined(separator: ", ")
        throw PlanError(.unsupportedFormat, Diagnostic(.formatUnknown, "unknown format '\(name)' (known: \(known))"))
    }

    /// The formats whose extension list holds the path's extension.
    public func formats(forPath path: String) -> [FormatDescriptor] {
        guard let ext = FormatRegistry.fileExtension(of: path) else { return [] }
        return formats.filter { $0.extensions.contains(ext) }
    }

    /// Decides the format of an input: an explicit name wins; otherwise the content decides, and
    /// the extension breaks ties or stands in when no sniffer recognises the content. When content
    /// and extension disagree the content wins and a warning says so.
    public func detectInput(_ input: PlanInput, path: String?, explicit: String?) throws(PlanError) -> Detection {
        if let explicit { return Detection(format: try format(named: explicit)) }
        let prefix = SniffPrefix(input.prefix(SniffPrefix.length))
        let byExtension = path.map { formats(forPath: $0) } ?? []
        let scored = formats.map { ($0, $0.sniff(prefix)) }.filter { $0.1 > .no }
        let best = scored.map(\.1).max()
        let candidates = scored.filter { $0.1 == best }.map(\.0)

        if let chosen = candidates.first(where: { c in byExtension.contains { $0.id == c.id } }) ?? candidates.first {
            var diagnostics: [Diagnostic] = []
            if let ext = path.flatMap(FormatRegistry.fileExtension(of:)), !byExtension.isEmpty,
                !byExtension.contains(where: { $0.id == chosen.id })
            {
                diagnostics.append(Diagnostic(
                    .formatExtensionMismatch,
                    "the extension '.\(ext)' suggests \(byExtension[0].displayName), but the content is \(chosen.displayName); reading it as \(chosen.displayName)",
                    at: SourceLocation(file: input.sourceName)))
            }
            return Detection(format: chosen, diagnostics: diagnostics)
        }
        if let byExt = byExtension.first { return Detection(format: byExt) }
        throw PlanError(.unsupportedFormat, Diagnostic(
            .formatUndetected,
            "cannot tell which format this is; name it with --from (\(formats.map(\.id).joined(separator: ", ")))",
            at: SourceLocation(file: input.sourceName)))
    }

    /// Decides the format of an output from an explicit name or the path's extension.
    public func detectOutput(path: String?, explicit: String?) throws(PlanError) -> FormatDescriptor {
        if let explicit { return try format(named: explicit) }
        if let path, let match = formats(forPath: path).first { return match }
        throw PlanError(.unsupportedFormat, Diagnostic(
            .formatUndetected,
            "cannot tell the output format from '\(path ?? "-")'; name it with --to (\(formats.map(\.id).joined(separator: ", ")))"))
    }

    /// The lower-cased extension; `.plan.json` counts as `json`.
    static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// The format chosen for an input, with any warning about how it was chosen.
public struct Detection: Sendable {
    public var format: FormatDescriptor
    public var diagnostics: [Diagnostic]

    public init(format: FormatDescriptor, diagnostics: [Diagnostic] = []) {
        self.format = format
        self.diagnostics = diagnostics
    }
}
