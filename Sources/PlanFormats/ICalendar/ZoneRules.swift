import Foundation
import PlanModel

/// A time zone as the reader and writer use it: something that gives the UTC offset at an
/// instant and at a local wall-clock time.
enum ZoneRules: Sendable {
    case utc
    /// A fixed offset in seconds east of UTC (from an Outlook `(UTC+05:30) …` name nobody knows).
    case fixed(Int)
    case system(TimeZone)
    case defined(VTimeZoneRules)

    func offset(atUTC instant: Int) -> Int {
        switch self {
        case .utc: return 0
        case .fixed(let seconds): return seconds
        case .system(let zone): return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        case .defined(let rules): return rules.offset(atUTC: instant)
        }
    }

    func offset(atLocal local: Int) -> Int {
        switch self {
        case .utc: return 0
        case .fixed(let seconds): return seconds
        case .defined(let rules): return rules.offset(atLocal: local)
        case .system:
            let first = offset(atUTC: local)
            let second = offset(atUTC: local - first)
            return second == first ? first : offset(atUTC: local - second)
        }
    }

    /// The UTC instant of a local wall-clock time in this zone.
    func utc(fromLocal local: CivilDateTime) -> CivilDateTime {
        local.adding(seconds: -offset(atLocal: local.secondsSinceEpoch))
    }

    /// The local wall-clock time of a UTC instant.
    func local(fromUTC instant: CivilDateTime) -> CivilDateTime {
        instant.adding(seconds: offset(atUTC: instant.secondsSinceEpoch))
    }

    /// An IANA zone known to this system, or nil.
    static func iana(_ identifier: String) -> ZoneRules? {
        if identifier == "UTC" || identifier == "Etc/UTC" || identifier == "GMT" || identifier == "Z" { return .utc }
        // Foundation also accepts abbreviations ("EST") and GMT offsets; only real zone names count here.
        guard identifier.contains("/"), let zone = TimeZone(identifier: identifier) else { return nil }
        return .system(zone)
    }
}

/// How a TZID was understood, for the plan's `timeZone` and for diagnostics.
struct ResolvedZone: Sendable {
    var rules: ZoneRules
    /// The IANA name when there is one (also for a VTIMEZONE whose TZID or X-LIC-LOCATION is one).
    var ianaName: String?
    /// How it was found, said in diagnostics: "Windows zone name", "Outlook display name".
    var via: String?
}

/// Resolves TZIDs in the order ICAL.md §2.10 gives: a VTIMEZONE in the file (wherever in the
/// file it is), an IANA name, a Windows zone ID, an Outlook display name, and last the offset in
/// a display name's `(UTC±hh:mm)` prefix as a fixed zone. Results are cached per TZID.
struct TimeZoneResolver {
    private var definitions: [String: (rules: VTimeZoneRules, location: String?)] = [:]
    private var cache: [String: ResolvedZone?] = [:]

    init(vtimezones: [Component]) {
        for component in vtimezones {
            guard let tzid = component.property("TZID")?.value, let rules = VTimeZoneRules(component) else { continue }
            let location = component.property("X-LIC-LOCATION")?.value.trimmingWhitespace()
            definitions[Self.normalize(ICalendarText.unescape(tzid))] = (rules, location)
        }
    }

    /// Quotes, surrounding spaces and TEXT escapes do not distinguish zones: Outlook 2007 writes
    /// `TZID:Kuala Lumpur\, Singapore` and refers to it as `TZID="Kuala Lumpur, Singapore"`.
    static func normalize(_ tzid: String) -> String {
        var text = ICalendarText.unescape(tzid).trimmingWhitespace()
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        return text.trimmingWhitespace()
    }

    mutating func resolve(_ tzid: String) -> ResolvedZone? {
        if let cached = cache[tzid] { return cached }
        let found = lookUp(Self.normalize(tzid))
        cache[tzid] = found
        return found
    }

    private func lookUp(_ name: String) -> ResolvedZone? {
        if let definition = definitions[name] {
            let iana = [name, definition.location ?? ""].first { ZoneRules.iana($0) != nil }
            return ResolvedZone(rules: .defined(definition.rules), ianaName: iana)
        }
        if let rules = ZoneRules.iana(name) { return ResolvedZone(rules: rules, ianaName: name) }
        // Evolution: `/softwarestudio.org/Tzfile/America/Chicago`; also `/mozilla.org/…/Europe/Berlin`.
        let parts = name.split(separator: "/")
        if name.hasPrefix("/"), parts.count >= 2 {
            for drop in 0..<(parts.count - 1) {
                let candidate = parts.dropFirst(drop).joined(separator: "/")
                if let rules = ZoneRules.iana(candidate) { return ResolvedZone(rules: rules, ianaName: candidate) }
            }
        }
        if let iana = WindowsTimeZones.iana(forWindowsID: name), let rules = ZoneRules.iana(iana) {
            return ResolvedZone(rules: rules, ianaName: iana, via: "Windows zone name")
        }
        if let iana = WindowsTimeZones.iana(forDisplayName: name), let rules = ZoneRules.iana(iana) {
            return ResolvedZone(rules: rules, ianaName: iana, via: "Outlook display name")
        }
        if let offset = WindowsTimeZones.stripOffsetPrefix(name).offset {
            return ResolvedZone(rules: offset == 0 ? .utc : .fixed(offset), ianaName: nil, via: "the UTC offset in its name")
        }
        return nil
    }
}
