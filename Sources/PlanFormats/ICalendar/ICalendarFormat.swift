import PlanModel

/// iCalendar (RFC 5545): milestones (and optionally tasks) for Google, Outlook, Apple Calendar
/// and Thunderbird, and real .ics files back into plans.
public enum ICalendarFormat {
    public static let descriptor = FormatDescriptor(
        id: "ics",
        aliases: ["ical", "icalendar", "ifb"],
        displayName: "iCalendar",
        extensions: ["ics", "ical", "icalendar"],
        mediaTypes: ["text/calendar"],
        sniff: sniff,
        reader: ICalendarReader(),
        writer: ICalendarWriter()
    )

    /// Certain when the text (BOM and leading whitespace already gone) begins with
    /// `BEGIN:VCALENDAR`, in any case (KOrganizer writes `BEGIN:Vcalendar`); possible when it
    /// begins with another `BEGIN:V…` component (a bare VEVENT).
    @Sendable static func sniff(_ prefix: SniffPrefix) -> SniffConfidence {
        let head = prefix.text.prefix(16).uppercased()
        if head.hasPrefix("BEGIN:VCALENDAR") { return .certain }
        if head.hasPrefix("BEGIN:VEVENT") || head.hasPrefix("BEGIN:VTODO") { return .possible }
        return .no
    }
}
