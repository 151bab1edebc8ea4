import PlanModel

/// MS Project XML (MSPDI): what Microsoft Project writes with "Save as XML", and what ProjectLibre,
/// GanttProject, TaskJuggler and MPXJ exchange with it.
public enum MSPDIFormat {
    public static let descriptor = FormatDescriptor(
        id: "mspdi",
        aliases: ["msproject", "ms-project-xml", "project-xml"],
        displayName: "MS Project XML",
        extensions: ["xml"],
        mediaTypes: ["application/vnd.ms-project+xml", "application/xml", "text/xml"],
        sniff: sniff,
        reader: MSPDIReader(),
        writer: MSPDIWriter()
    )

    /// Certain when the prefix names MS Project's namespace, or has a `<Project>` root with children
    /// only MS Project files have (files without the namespace exist, brief §0.1); possible for any
    /// other XML whose root looks like `<Project>`.
    static func sniff(_ prefix: SniffPrefix) -> SniffConfidence {
        let text = prefix.text
        guard text.hasPrefix("<") else { return .no }
        guard let root = rootElementName(text) else { return .no }
        guard root == "Project" || root.hasSuffix(":Project") else { return .no }
        if text.contains("schemas.microsoft.com/project") { return .certain }
        let fingerprints = ["<SaveVersion>", "<MinutesPerDay>", "<Calendars>", "<Tasks>", "<CalendarUID>", "<ScheduleFromStart>"]
        return fingerprints.contains(where: text.contains) ? .certain : .possible
    }

    /// The name of the first element after the prolog, comments and processing instructions.
    private static func rootElementName(_ text: Substring) -> Substring? {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                let terminator = after.hasPrefix("!--") ? "-->" : ">"
                guard let end = after.range(of: terminator) else { return nil }
                rest = after[end.upperBound...]
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.isEmpty ? nil : name
        }
        return nil
    }
}
