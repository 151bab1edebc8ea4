import PlanModel

/// The MSPDI (MS Project XML) vocabulary shared by the reader and the writer: code tables, value
/// encodings and the extension convention below. Facts come from `shared/formats/MSPDI.md`
/// (cited as "brief §n").
///
/// # Extension convention (reader and writer both follow it)
///
/// What the model has no field for is kept verbatim so that MSPDI → Plan → MSPDI loses nothing.
///
/// * **Verbatim text.** An element's outer XML as the reader serialises it from the parse events:
///   the element's qualified name as written, attributes (and namespace declarations only where the
///   source declared them, so the document's default MS Project namespace does not repeat), text
///   escaped with `&amp;` `&lt;` `&gt;` (plus `&quot;` in attributes and `&#13;` for a carriage
///   return), empty elements as `<Name/>`, whitespace between children kept as it was. A writer
///   emits the text unchanged (raw) at the place described below.
/// * **Keys.** Any child element the model does not hold is stored in the owning entity's
///   `extensions` under `mspdi:<ElementName>` (local name). Several siblings with the same name are
///   concatenated in document order under one key (`mspdi:TimephasedData` holds every
///   `<TimephasedData>` of an assignment).
///   - Project-level scalar elements (`<GUID>`, `<WorkFormat>`, `<Views>`, …) go into
///     `plan.project.extensions`; the top-level collections the model does not hold (`Views`,
///     `Filters`, `Groups`, `Tables`, `Maps`, `Reports`, `Drawings`, `DataLinks`, `VBAProjects`,
///     `OutlineCodes`, `WBSMasks`, anything unknown) go into `plan.extensions`.
///   - Unknown children of the collections themselves (something other than `<Task>` inside
///     `<Tasks>`) go into `plan.extensions` under `mspdi:<Collection>/<ElementName>`.
///   - `PredecessorLink` children the model does not hold (`CrossProject`, `CrossProjectName`) go
///     into that `Dependency`'s `extensions` under `mspdi:<ElementName>`.
/// * **Keys for sub-elements the model holds field by field.** Children the model does not hold
///   inside a sub-element that is itself mapped are stored in the owning entity's `extensions` under
///   `mspdi:<SubElement>[<key>]/<ElementName>`:
///   - `mspdi:Baseline[<Number>]/<Name>` (task, resource, assignment baselines: `BCWS`, `BCWP`,
///     `Interim`, `FixedCost`, `EstimatedDuration`, …);
///   - `mspdi:ExtendedAttribute[<FieldID>]/<Name>` (custom-field values: `ValueGUID`, the 2002/2003
///     owner `UID`, …);
///   - calendars: `mspdi:WeekDay[<DayType>]/<Name>`, `mspdi:Exception[<index>]/<Name>` and
///     `mspdi:WorkWeek[<index>]/<Name>`, where index is the 0-based position in the calendar's
///     `exceptions` / `workWeeks`;
///   - custom-field definitions (`Project/ExtendedAttributes/ExtendedAttribute`):
///     `plan.extensions["mspdi:ExtendedAttributes[<FieldID>]/<Name>"]` (`Guid`, `SecondaryPID`,
///     `Ltuid`, `ValueList`, …).
/// * **Either mapped or kept, never both.** For each element occurrence the reader either maps it to
///   a model field or keeps it as an extension, so a writer never finds the same element twice.
///   Elements the writer derives from the model (`ID`, `OutlineLevel`, `OutlineNumber`, `Summary`,
///   `Milestone`, `Estimated`, `DurationFormat`, `IsCostResource`, `IsBaseCalendar`, the legacy
///   `WeekDay DayType 0` exception rows when `<Exceptions>` is present, …) are consumed, not kept.
/// * **Kept because what they qualify is absent.** The reader writes these itself, in the same
///   verbatim form: a task's `DurationFormat` / `Estimated` when it has no `Duration`, its
///   `ConstraintDate` when it has no `ConstraintType`, a Baseline's `DurationFormat` without a
///   `Duration` (`mspdi:Baseline[<Number>]/DurationFormat`), a plain-range exception's `Occurrences`
///   and `EnteredByOccurrences`, and a custom-field value its type cannot hold (the whole
///   `<ExtendedAttribute>` under `mspdi:ExtendedAttribute`, with a warning).
/// * **Special rows.**
///   - The project summary task (`Task` with `UID 0`) is kept whole, verbatim, in
///     `plan.extensions["mspdi:ProjectSummaryTask"]`; it is not a `PlanTask`.
///   - `IsNull=1` blank rows are kept whole, verbatim and concatenated in document order, in
///     `plan.extensions["mspdi:NullTasks"]`; they are not `PlanTask`s. Each keeps its `<ID>`, which
///     says where it goes back: a writer puts a null row before the first task whose display ID is
///     greater (``MSPDI/nullTaskRows(in:)`` splits the text and reads the IDs). A row whose `IsNull`
///     came after MS Project's usual head (`UID GUID ID Name Active Manual Type IsNull`) was not
///     recorded; it is kept as `<Task><UID>…</UID><ID>…</ID><IsNull>1</IsNull></Task>`.
///   - Assignments to the unassigned pseudo-resource (`ResourceUID -65535`) are ordinary
///     `Assignment`s with `resource == nil`.
/// * **Writer placement.** A writer emits each `mspdi:<Name>` extension at the position of `<Name>`
///   in `shared/formats/mspdi-element-order.json` for the owning element, and names that list does
///   not know after all the known elements (before the closing tag).
enum MSPDI {
    /// The only namespace a writer uses; readers accept any namespace or none (brief §0.1).
    static let namespace = "http://schemas.microsoft.com/project"

    /// `Assignment/ResourceUID` of the "unassigned" pseudo-assignment (brief §0.10).
    static let unassignedResourceUID = -65535

    /// MS Project refuses UIDs at or above this (brief §0.10).
    static let maxUID = 0x1FFFFF

    static let extensionPrefix = "mspdi:"
    static let projectSummaryTaskKey = "mspdi:ProjectSummaryTask"
    static let nullTasksKey = "mspdi:NullTasks"

    /// `mspdi:<ElementName>`.
    static func extensionKey(_ elementName: String) -> String { extensionPrefix + elementName }

    /// `mspdi:<SubElement>[<key>]/<ElementName>` for children of mapped sub-elements.
    static func extensionKey(_ subElement: String, _ key: String, _ elementName: String) -> String {
        extensionPrefix + subElement + "[" + key + "]/" + elementName
    }

    /// Splits `mspdi:<SubElement>[<key>]/<ElementName>` into its parts; nil for plain keys.
    static func nestedExtensionKey(_ key: String) -> (subElement: String, key: String, elementName: String)? {
        guard key.hasPrefix(extensionPrefix), let open = key.firstIndex(of: "["),
            let close = key[open...].firstIndex(of: "]")
        else { return nil }
        let slash = key.index(after: close)
        guard slash < key.endIndex, key[slash] == "/" else { return nil }
        let sub = key[key.index(key.startIndex, offsetBy: extensionPrefix.count)..<open]
        return (String(sub), String(key[key.index(after: open)..<close]), String(key[key.index(after: slash)...]))
    }

    /// The `<Task>` elements of `plan.extensions["mspdi:NullTasks"]`, each with the `ID` it carries
    /// (nil when it has none), in document order.
    static func nullTaskRows(in text: String) -> [(id: Int?, xml: Substring)] {
        var rows: [(Int?, Substring)] = []
        var rest = text[...]
        while let start = rest.range(of: "<Task"), let end = rest[start.upperBound...].range(of: "</Task>") {
            let xml = rest[start.lowerBound..<end.upperBound]
            var id: Int?
            if let open = xml.range(of: "<ID>"), let close = xml[open.upperBound...].range(of: "</ID>") {
                id = Int(xml[open.upperBound..<close.lowerBound])
            }
            rows.append((id, xml))
            rest = rest[end.upperBound...]
        }
        return rows
    }
}

// MARK: - Code tables

extension MSPDI {
    /// A `DurationFormat` / `LagFormat` / `LevelingDelayFormat` code (brief §2.2): 3 = m, 4 = em,
    /// 5 = h, 6 = eh, 7 = d, 8 = ed, 9 = w, 10 = ew, 11 = mo, 12 = emo, 19 = %, 20 = e%, 21 = null;
    /// the estimated ("?") variants are the code + 32, and 53 is "null, estimated".
    struct DurationFormat: Hashable, Sendable {
        enum Kind: Hashable, Sendable {
            case unit(DurationUnit)
            /// A lag given as a percentage of the predecessor's duration.
            case percent
            /// 21 / 53: no unit recorded; readers use the project's default format.
            case unspecified
        }

        var kind: Kind
        var isElapsed: Bool
        var isEstimated: Bool

        init(kind: Kind, isElapsed: Bool = false, isEstimated: Bool = false) {
            self.kind = kind
            self.isElapsed = isElapsed
            self.isEstimated = isEstimated
        }

        init(unit: DurationUnit, isElapsed: Bool = false, isEstimated: Bool = false) {
            self.init(kind: .unit(unit), isElapsed: isElapsed, isEstimated: isEstimated)
        }

        /// Nil for codes outside the table.
        init?(code: Int) {
            var base = code
            var estimated = false
            if base >= 35 && base <= 53 {
                base -= 32
                estimated = true
            }
            switch base {
            case 3...12:
                let units: [DurationUnit] = [.minutes, .hours, .days, .weeks, .months]
                self.init(unit: units[(base - 3) / 2], isElapsed: (base - 3) % 2 == 1, isEstimated: estimated)
            case 19, 20: self.init(kind: .percent, isElapsed: base == 20, isEstimated: estimated)
            case 21: self.init(kind: .unspecified, isEstimated: estimated)
            default: return nil
            }
        }

        var code: Int {
            let base: Int
            switch kind {
            case .unit(let unit):
                let index = DurationUnit.allCases.firstIndex(of: unit)!
                base = 3 + index * 2 + (isElapsed ? 1 : 0)
            case .percent: base = isElapsed ? 20 : 19
            case .unspecified: base = 21
            }
            return isEstimated ? base + 32 : base
        }
    }

    /// `Project/WorkFormat` (and resource `StandardRateFormat` for the time units): 1 = m, 2 = h,
    /// 3 = d, 4 = w, 5 = mo (brief §1.2). Rate formats add 7 = year and 8 = material.
    static func workFormatUnit(code: Int) -> DurationUnit? {
        switch code {
        case 1: return .minutes
        case 2: return .hours
        case 3: return .days
        case 4: return .weeks
        case 5: return .months
        default: return nil
        }
    }

    static func workFormatCode(_ unit: DurationUnit) -> Int {
        switch unit {
        case .minutes: return 1
        case .hours: return 2
        case .days: return 3
        case .weeks: return 4
        case .months: return 5
        }
    }

    /// `PredecessorLink/Type`: 0 = FF, 1 = FS, 2 = SF, 3 = SS; absent means FS (brief §0.9).
    static func dependencyType(code: Int) -> DependencyType? {
        switch code {
        case 0: return .finishToFinish
        case 1: return .finishToStart
        case 2: return .startToFinish
        case 3: return .startToStart
        default: return nil
        }
    }

    static func linkTypeCode(_ type: DependencyType) -> Int {
        switch type {
        case .finishToFinish: return 0
        case .finishToStart: return 1
        case .startToFinish: return 2
        case .startToStart: return 3
        }
    }

    /// `ConstraintType` codes are `ConstraintType.rawValue` (0 = ASAP … 7 = FNLT).
    static func constraintType(code: Int) -> ConstraintType? { ConstraintType(rawValue: code) }

    /// `Resource/Type`: 0 = material, 1 = work; a cost resource is `Type 0` + `IsCostResource 1`
    /// (brief §2.4). Some generators write 2 for cost; readers accept it.
    static func resourceType(code: Int, isCostResource: Bool) -> ResourceType? {
        if isCostResource { return .cost }
        switch code {
        case 0: return .material
        case 1: return .work
        case 2: return .cost
        default: return nil
        }
    }

    /// `(Type, IsCostResource)` for a resource type.
    static func resourceTypeCodes(_ type: ResourceType) -> (type: Int, isCostResource: Bool) {
        switch type {
        case .material: return (0, false)
        case .work: return (1, false)
        case .cost: return (0, true)
        }
    }

    /// Calendar exception `Type` (brief §3).
    enum ExceptionType: Int, Sendable {
        case dailyRange = 1, yearlyByDate = 2, yearlyByPosition = 3, monthlyByDay = 4
        case monthlyByPosition = 5, weekly = 6, daily = 7, byWeekdayCount = 8, unspecified = 9
    }

    /// `DaysOfWeek` bit for a weekday: 1 = Sunday, 2 = Monday, … 64 = Saturday.
    static func daysOfWeekBit(_ day: Weekday) -> Int { 1 << (day.rawValue - 1) }

    static func weekdays(fromDaysOfWeek mask: Int) -> Set<Weekday> {
        Set(Weekday.allCases.filter { mask & daysOfWeekBit($0) != 0 })
    }

    /// `MonthPosition` 0–3 = first–fourth, 4 = last.
    static func weekOrdinal(monthPosition: Int) -> WeekOrdinal? { WeekOrdinal(rawValue: monthPosition + 1) }
    static func monthPosition(_ ordinal: WeekOrdinal) -> Int { ordinal.rawValue - 1 }

    /// `MonthItem` 3–9 = Sunday–Saturday (0 = day, 1 = weekday, 2 = weekend day have no weekday).
    static func weekday(monthItem: Int) -> Weekday? { Weekday(rawValue: monthItem - 2) }
    static func monthItem(_ day: Weekday) -> Int { day.rawValue + 2 }

    /// Custom-field definition `CFType`: 0 = Cost, 1 = Date, 2 = Duration, 3 = Finish, 4 = Flag,
    /// 5 = Number, 6 = Start, 7 = Text.
    static func customFieldType(cfType: Int) -> CustomFieldType? {
        switch cfType {
        case 0: return .cost
        case 1, 3, 6: return .date
        case 2: return .duration
        case 4: return .flag
        case 5: return .number
        case 7: return .text
        default: return nil
        }
    }

    /// Custom-field definition `ElemType`: 20 = task, 21 = resource, 22 = calendar (no model entity),
    /// 23 = assignment.
    static func entityKind(elemType: Int) -> EntityKind? {
        switch elemType {
        case 20: return .task
        case 21: return .resource
        case 23: return .assignment
        default: return nil
        }
    }

    static func elemType(_ entity: EntityKind) -> Int? {
        switch entity {
        case .task: return 20
        case .resource: return 21
        case .assignment: return 23
        case .project: return nil
        }
    }
}

// MARK: - Scalar encodings

/// Parsers work on the bytes of one element's text (no copies, no `String`s: a large plan has
/// millions of values); each has a `String` convenience for tests and the writer.
typealias ByteText = UnsafeBufferPointer<UInt8>

extension MSPDI {
    /// Runs `body` on the UTF-8 bytes of `text`.
    static func withBytes<R>(_ text: String, _ body: (ByteText) -> R) -> R {
        var text = text
        return text.withUTF8 { body($0) }
    }

    /// `0|1|true|false` (brief §0.7); nil for anything else.
    static func bool(_ text: ByteText) -> Bool? {
        let t = trimmed(text)
        if t.count == 1 {
            if t[0] == UInt8(ascii: "1") { return true }
            if t[0] == UInt8(ascii: "0") { return false }
            return nil
        }
        if t.elementsEqual("true".utf8) { return true }
        if t.elementsEqual("false".utf8) { return false }
        return nil
    }

    /// A decimal integer with optional sign; nil when not exactly that.
    static func int(_ text: ByteText) -> Int? {
        let t = trimmed(text)
        guard !t.isEmpty else { return nil }
        var i = 0
        var negative = false
        if t[0] == UInt8(ascii: "-") || t[0] == UInt8(ascii: "+") {
            negative = t[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < t.count, t.count - i <= 18 else { return nil }
        var value = 0
        while i < t.count {
            let d = Int(t[i]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
            i += 1
        }
        return negative ? -value : value
    }

    /// `round(value × 10^scale)` for plain decimal text (`-12.5`, `0,75` with a German decimal
    /// comma, brief §2.1), exactly, without floating point; nil for anything else.
    static func fixedPoint(_ text: ByteText, scale: Int) -> Int? {
        let t = trimmed(text)
        guard !t.isEmpty else { return nil }
        var i = 0
        var negative = false
        if t[0] == UInt8(ascii: "-") || t[0] == UInt8(ascii: "+") {
            negative = t[0] == UInt8(ascii: "-")
            i = 1
        }
        var value = 0
        var digits = 0
        var fractionDigits = -1  // -1: no separator yet
        var roundUp = false
        while i < t.count {
            let c = t[i]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") {
                guard fractionDigits < 0 else { return nil }
                fractionDigits = 0
            } else {
                let d = Int(c) &- 48
                guard d >= 0 && d <= 9 else { return nil }
                digits += 1
                if fractionDigits < 0 {
                    guard value < 100_000_000_000_000 else { return nil }
                    value = value * 10 + d
                } else if fractionDigits < scale {
                    value = value * 10 + d
                    fractionDigits += 1
                } else if fractionDigits == scale {
                    roundUp = d >= 5
                    fractionDigits += 1
                }
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        var scaled = value
        for _ in max(fractionDigits, 0)..<scale { scaled *= 10 }
        if roundUp { scaled += 1 }
        return negative ? -scaled : scaled
    }

    /// A decimal number (`1.00`, `-0.5`, `1e3`, `0,5`).
    static func double(_ text: ByteText) -> Double? {
        let t = trimmed(text)
        guard !t.isEmpty, t.count < 64 else { return nil }
        // Fast exact path for plain decimals with up to 15 significant digits.
        var mantissa = 0
        var digits = 0
        var fractionDigits = -1
        var i = 0
        var negative = false
        if t[0] == UInt8(ascii: "-") || t[0] == UInt8(ascii: "+") {
            negative = t[0] == UInt8(ascii: "-")
            i = 1
        }
        var plain = true
        while i < t.count {
            let c = t[i]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") {
                if fractionDigits >= 0 { return nil }
                fractionDigits = 0
            } else if c >= 48 && c <= 57 {
                digits += 1
                if digits > 15 { plain = false; break }
                mantissa = mantissa * 10 + Int(c - 48)
                if fractionDigits >= 0 { fractionDigits += 1 }
            } else {
                plain = false
                break
            }
            i += 1
        }
        if plain {
            guard digits > 0 else { return nil }
            let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
            let value = Double(mantissa) / powers[max(fractionDigits, 0)]
            return negative ? -value : value
        }
        var ascii = String(decoding: t, as: UTF8.self)
        if !ascii.contains("."), ascii.contains(",") { ascii = ascii.replacingOccurrences(of: ",", with: ".") }
        guard ascii.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 }),
            let value = Double(ascii), value.isFinite
        else { return nil }
        return value
    }

    /// Money in cents (brief §0.6) as an exact `Amount`: `12345.67` cents is 123.4567.
    static func amount(cents text: ByteText) -> Amount? {
        // One cent is 100 ten-thousandths of the currency unit.
        fixedPoint(text, scale: 2).map { Amount(tenThousandths: $0) }
    }

    /// Cents text for an amount (`123.4567` → `12345.67`); whole cents print without a fraction.
    static func centsText(_ amount: Amount) -> String {
        Amount(tenThousandths: amount.tenThousandths * 100).description
    }

    /// A rate or plain currency amount (`StandardRate`, `DefaultStandardRate`): currency units.
    static func amount(units text: ByteText) -> Amount? {
        fixedPoint(text, scale: 4).map { Amount(tenThousandths: $0) }
    }

    /// The text without leading and trailing XML whitespace.
    static func trimmed(_ text: ByteText) -> ByteText {
        var start = 0
        var end = text.count
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        return ByteText(rebasing: text[start..<end])
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
}

// MARK: - Durations

extension MSPDI {
    /// Parses an MSPDI duration to minutes (rounded to the nearest minute).
    ///
    /// Accepts MS Project's hours form `PT8H0M0S` with fractional seconds (`PT9H0M1.3S`), its
    /// negative form `PT-416H0M0S` (every component signed), the spec's `-PT416H`, the `PnDTnHnMnS`
    /// / `PnW` / `PnM` / `PnY` forms of other writers (days, weeks and months as *working* time via
    /// `conventions`, brief §2.2; a year as 12 months), and Synchro's bare `0`.
    static func durationMinutes(_ text: ByteText, conventions: TimeConventions) -> Int? {
        let t = trimmed(text)
        if t.count == 1 && t[0] == UInt8(ascii: "0") { return 0 }
        var i = 0
        var negative = false
        if i < t.count, t[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        guard i < t.count, t[i] == UInt8(ascii: "P") else { return nil }
        i += 1
        var inTime = false
        var total = 0.0
        var sawComponent = false
        while i < t.count {
            if t[i] == UInt8(ascii: "T") {
                guard !inTime else { return nil }
                inTime = true
                i += 1
                continue
            }
            // A signed decimal number followed by a designator.
            var sign = 1.0
            if t[i] == UInt8(ascii: "-") {
                sign = -1
                i += 1
            }
            var number = 0.0
            var digits = 0
            var fraction = 0.0
            var scale = 0.1
            var inFraction = false
            while i < t.count {
                let c = t[i]
                if c >= 48 && c <= 57 {
                    if inFraction {
                        fraction += Double(c - 48) * scale
                        scale /= 10
                    } else {
                        number = number * 10 + Double(c - 48)
                    }
                    digits += 1
                } else if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") {
                    guard !inFraction else { return nil }
                    inFraction = true
                } else {
                    break
                }
                i += 1
            }
            guard digits > 0, i < t.count else { return nil }
            let value = sign * (number + fraction)
            let designator = t[i]
            i += 1
            let minutesPerDay = Double(conventions.minutesPerDay)
            switch (inTime, designator) {
            case (true, UInt8(ascii: "H")): total += value * 60
            case (true, UInt8(ascii: "M")): total += value
            case (true, UInt8(ascii: "S")): total += value / 60
            case (false, UInt8(ascii: "D")): total += value * minutesPerDay
            case (false, UInt8(ascii: "W")): total += value * Double(conventions.minutesPerWeek)
            case (false, UInt8(ascii: "M")): total += value * minutesPerDay * Double(conventions.daysPerMonth)
            case (false, UInt8(ascii: "Y")): total += value * minutesPerDay * Double(conventions.daysPerMonth) * 12
            default: return nil
            }
            sawComponent = true
        }
        guard sawComponent, total.isFinite, abs(total) < 1e15 else { return nil }
        let minutes = Int(total.rounded())
        return negative ? -minutes : minutes
    }

    /// MS Project's own form: `PT8H0M0S`, negative as `PT-416H-30M0S` (brief §0.4: MS Project reads
    /// the spec's `-PT…` as 0).
    static func durationText(minutes: Int) -> String {
        let negative = minutes < 0
        let magnitude = minutes.magnitude
        let hours = magnitude / 60
        let rest = magnitude % 60
        let sign = negative ? "-" : ""
        return "PT\(sign)\(hours)H\(rest == 0 ? "" : sign)\(rest)M0S"
    }
}

// MARK: - Date-times

extension MSPDI {
    /// A parsed `YYYY-MM-DDTHH:MM:SS` and whether it needed repair.
    struct DateTimeParse {
        var value: CivilDateTime
        /// Set when the text was not the exact MSPDI form; says what was done (for a warning).
        var repair: String?
    }

    /// Parses an MSPDI date-time. The exact form (and `YYYY-MM-DDTHH:MM`) is silent. Anything else
    /// with a valid date gets a sensible value and a `repair` note: a trailing fraction or zone is
    /// ignored (as MPXJ does, brief §2.1), and a time field that is not two digits (MS Project 2007's
    /// `2008-12-04T17:-0:00`) counts as 0. A date alone means midnight. Nil when even the date is bad.
    static func dateTime(_ text: ByteText) -> DateTimeParse? {
        let t = trimmed(text)
        guard t.count >= 10, let date = date(t, at: 0) else { return nil }
        if t.count == 10 {
            return DateTimeParse(value: CivilDateTime(date: date), repair: "no time given; read as midnight")
        }
        guard t[10] == UInt8(ascii: "T") || t[10] == UInt8(ascii: " ") else { return nil }
        var repaired = false
        func field(_ start: Int) -> Int {
            guard start + 2 <= t.count, let v = twoDigits(t, start) else {
                repaired = true
                return 0
            }
            return v
        }
        var hour = field(11)
        var minute = t.count > 13 && t[13] == UInt8(ascii: ":") ? field(14) : { repaired = true; return 0 }()
        var second = 0
        if t.count > 16 {
            if t[16] == UInt8(ascii: ":") {
                second = field(17)
                if t.count > 19 { repaired = true }  // fraction or zone
            } else {
                repaired = true
            }
        } else if t.count != 16 {
            repaired = true
        }
        if hour > 24 || (hour == 24 && (minute > 0 || second > 0)) { hour = 0; repaired = true }
        if minute > 59 { minute = 0; repaired = true }
        if second > 59 { second = 0; repaired = true }
        let value = CivilDateTime(secondsSinceEpoch: date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second)
        return DateTimeParse(value: value, repair: repaired ? "read as \(value)" : nil)
    }

    /// `HH:MM:SS` (or `HH:MM`) as a time of day; `00:00:00` is returned as midnight, and callers
    /// that read a `ToTime` turn it into the end of the day (brief §2.1).
    static func timeOfDay(_ text: ByteText) -> TimeOfDay? {
        let t = trimmed(text)
        guard t.count == 5 || t.count == 8, t[2] == UInt8(ascii: ":"),
            let h = twoDigits(t, 0), let m = twoDigits(t, 3)
        else {
            // Some writers put a full date-time in FromTime/ToTime.
            if t.count >= 16, let dt = dateTime(t) { return dt.value.timeOfDay }
            return nil
        }
        return TimeOfDay(hour: h, minute: m)
    }

    static func dateTimeText(_ value: CivilDateTime) -> String { value.description }

    // String conveniences (tests, writer).
    static func durationMinutes(_ text: String, conventions: TimeConventions = .standard) -> Int? {
        withBytes(text) { durationMinutes($0, conventions: conventions) }
    }
    static func dateTime(_ text: String) -> DateTimeParse? { withBytes(text) { dateTime($0) } }
    static func timeOfDay(_ text: String) -> TimeOfDay? { withBytes(text) { timeOfDay($0) } }
    static func bool(_ text: String) -> Bool? { withBytes(text) { bool($0) } }
    static func int(_ text: String) -> Int? { withBytes(text) { int($0) } }
    static func double(_ text: String) -> Double? { withBytes(text) { double($0) } }
    static func amount(cents text: String) -> Amount? { withBytes(text) { amount(cents: $0) } }
    static func amount(units text: String) -> Amount? { withBytes(text) { amount(units: $0) } }

    private static func twoDigits(_ t: ByteText, _ start: Int) -> Int? {
        guard start + 2 <= t.count else { return nil }
        let a = Int(t[start]) &- 48, b = Int(t[start + 1]) &- 48
        guard a >= 0 && a <= 9 && b >= 0 && b <= 9 else { return nil }
        return a * 10 + b
    }

    private static func date(_ t: ByteText, at start: Int) -> CivilDate? {
        guard start + 10 <= t.count, t[start + 4] == UInt8(ascii: "-"), t[start + 7] == UInt8(ascii: "-"),
            let y1 = twoDigits(t, start), let y2 = twoDigits(t, start + 2),
            let m = twoDigits(t, start + 5), let d = twoDigits(t, start + 8)
        else { return nil }
        return CivilDate(year: y1 * 100 + y2, month: m, day: d)
    }
}
