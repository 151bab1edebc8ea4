import Foundation
import PlanModel

extension ICalendarWriteSession {
    /// A VTIMEZONE for an IANA zone, as RFC 5545 requires for every TZID used: one observance per
    /// offset change Foundation knows between a year before the plan's first date and a year
    /// after its last, each with its exact onset (no RRULE, so no rule can be misread), and one
    /// observance before them all that fixes the offset in force at the start.
    mutating func writeTimeZone(_ name: String, _ timeZone: TimeZone) {
        let times = plan.tasks.flatMap { [$0.start, $0.finish] }.compactMap { $0 }
        guard let first = times.min(), let last = times.max() else { return }
        let from = first.secondsSinceEpoch - 366 * 86_400
        let to = last.secondsSinceEpoch + 366 * 86_400
        out.begin("VTIMEZONE")
        out.text("TZID", name)
        var instant = Date(timeIntervalSince1970: TimeInterval(from))
        let initialOffset = timeZone.secondsFromGMT(for: instant)
        let initialDST = timeZone.isDaylightSavingTime(for: instant)
        writeObservance(
            daylight: initialDST, localStart: CivilDateTime(secondsSinceEpoch: from + initialOffset).date,
            from: initialOffset, to: initialOffset, name: timeZone.abbreviation(for: instant))
        var previousOffset = initialOffset
        var guardCount = 0
        while let next = timeZone.nextDaylightSavingTimeTransition(after: instant), next.timeIntervalSince1970 <= TimeInterval(to),
            guardCount < 1000
        {
            guardCount += 1
            let offset = timeZone.secondsFromGMT(for: next)
            if offset != previousOffset {
                let onset = CivilDateTime(secondsSinceEpoch: Int(next.timeIntervalSince1970) + previousOffset)
                writeObservance(
                    daylight: timeZone.isDaylightSavingTime(for: next), localStart: onset, from: previousOffset, to: offset,
                    name: timeZone.abbreviation(for: next))
                previousOffset = offset
            }
            instant = next
        }
        out.end("VTIMEZONE")
    }

    private mutating func writeObservance(daylight: Bool, localStart: CivilDate, from: Int, to: Int, name: String?) {
        writeObservance(daylight: daylight, localStart: CivilDateTime(date: localStart), from: from, to: to, name: name)
    }

    private mutating func writeObservance(daylight: Bool, localStart: CivilDateTime, from: Int, to: Int, name: String?) {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        out.begin(kind)
        out.dateTime("DTSTART", localStart, utc: false)
        out.raw("TZOFFSETFROM", Self.offsetText(from))
        out.raw("TZOFFSETTO", Self.offsetText(to))
        if let name, !name.isEmpty { out.text("TZNAME", name) }
        out.end(kind)
    }

    /// `+hhmm`, or `+hhmmss` when the offset has seconds (old local mean times).
    static func offsetText(_ seconds: Int) -> String {
        var out: [UInt8] = [seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")]
        let magnitude = abs(seconds)
        ICalendarOutput.appendDigits(magnitude / 3600, 2, &out)
        ICalendarOutput.appendDigits((magnitude / 60) % 60, 2, &out)
        if magnitude % 60 != 0 { ICalendarOutput.appendDigits(magnitude % 60, 2, &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
