/// The properties of one VEVENT or VTODO that the reader uses, gathered in one pass over the
/// component (a lookup per property would scan the list twenty times per item).
struct ICalendarItem {
    var isTodo: Bool
    var line: Int
    var uid: ContentLine?
    var recurrenceID: ContentLine?
    var summary: ContentLine?
    var description: ContentLine?
    var start: ContentLine?
    var end: ContentLine?
    var due: ContentLine?
    var duration: ContentLine?
    var completed: ContentLine?
    var percentComplete: ContentLine?
    var priority: ContentLine?
    var status: ContentLine?
    var isRecurring = false
    var categories: [ContentLine] = []
    var relatedTo: [ContentLine] = []
    /// `X-PLANBRIDGE-*` properties by the name after the prefix (`WBS`, `PREDECESSOR`).
    var planBridge: [(name: Substring, line: ContentLine)] = []
    /// Properties kept verbatim as `ics:NAME` extensions (LOCATION, URL, foreign X- properties).
    var kept: [ContentLine] = []

    init(_ component: Component) {
        isTodo = component.name == "VTODO"
        line = component.line
        for property in component.properties {
            switch property.name {
            case "UID": if uid == nil { uid = property }
            case "RECURRENCE-ID": recurrenceID = property
            case "SUMMARY": if summary == nil { summary = property }
            case "DESCRIPTION": if description == nil { description = property }
            case "DTSTART": if start == nil { start = property }
            case "DTEND": if end == nil { end = property }
            case "DUE": if due == nil { due = property }
            case "DURATION": if duration == nil { duration = property }
            case "COMPLETED": completed = property
            case "PERCENT-COMPLETE": percentComplete = property
            case "PRIORITY": priority = property
            case "STATUS": status = property
            case "SEQUENCE": kept.append(property)
            case "RRULE", "RDATE": isRecurring = true
            case "CATEGORIES": categories.append(property)
            case "RELATED-TO": relatedTo.append(property)
            case "LOCATION", "URL": kept.append(property)
            default:
                if property.name.hasPrefix("X-PLANBRIDGE-") {
                    planBridge.append((property.name.dropFirst(13), property))
                } else if property.name.hasPrefix("X-") {
                    kept.append(property)
                }
            }
        }
    }

    func planBridge(_ name: String) -> ContentLine? {
        for entry in planBridge where entry.name == name { return entry.line }
        return nil
    }
}
