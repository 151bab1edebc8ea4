import PlanModel

/// The keys of each PlanBridge JSON object, in the order the model declares its fields, which is
/// the order the writer emits them. Reader and writer both spell keys through these enums, so they
/// cannot drift apart; `schemas/plan.schema.json` lists the same names.
protocol JSONKeySet: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    static var table: JSONKeyTable<Self> { get }
}

/// Key lookup from raw UTF-8 bytes without making a `String`: lengths first, then bytes, starting
/// at the key after the previous match, because files written by PlanBridge list keys in order.
struct JSONKeyTable<Key: JSONKeySet>: Sendable {
    let keys: [Key]
    let names: [[UInt8]]

    init() {
        keys = Key.allCases
        names = keys.map { Array($0.rawValue.utf8) }
        precondition(keys.count <= 64, "seen-key masks are 64 bits")
    }

    /// The index of `key` in declaration order (its bit in seen-key masks).
    func index(of key: Key) -> Int { keys.firstIndex(of: key)! }

    func mask(_ required: [Key]) -> UInt64 {
        required.reduce(0) { $0 | 1 << UInt64(index(of: $1)) }
    }

    /// The index of the key spelled by `bytes`, trying `hint` first.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hint: Int) -> Int? {
        let count = names.count
        var i = hint < count ? hint : 0
        for _ in 0..<count {
            let name = names[i]
            if name.count == bytes.count && name.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
                return i
            }
            i = i + 1 == count ? 0 : i + 1
        }
        return nil
    }
}

enum TopLevelKey: String, JSONKeySet {
    case format, version, project, calendars, tasks, resources, assignments, dependencies
    case customFieldDefinitions, extensions
    static let table = JSONKeyTable<Self>()
}

enum ProjectKey: String, JSONKeySet {
    case name, title, subject, author, company, manager, start, finish, statusDate, currentDate
    case creationDate, lastSaved, currencyCode, currencySymbol, currencyDigits, defaultCalendar
    case conventions, scheduleFrom, defaultStartTime, defaultFinishTime, timeZone, customFields, extensions
    static let table = JSONKeyTable<Self>()
}

enum ConventionsKey: String, JSONKeySet {
    case minutesPerDay, minutesPerWeek, daysPerMonth
    static let table = JSONKeyTable<Self>()
}

enum CalendarKey: String, JSONKeySet {
    case id, name, baseCalendar, isBaseCalendar, resource, week, exceptions, workWeeks, extensions
    static let table = JSONKeyTable<Self>()
}

enum IntervalKey: String, JSONKeySet {
    case from, to
    static let table = JSONKeyTable<Self>()
}

enum ExceptionKey: String, JSONKeySet {
    case name, from, to, intervals, recurrence
    static let table = JSONKeyTable<Self>()
}

/// A recurrence is written flat: the pattern's name, its associated values, then `occurrences`.
enum RecurrenceKey: String, JSONKeySet {
    case pattern, interval, days, day, month, ordinal, weekday, occurrences
    static let table = JSONKeyTable<Self>()
}

enum WorkWeekKey: String, JSONKeySet {
    case name, from, to, week
    static let table = JSONKeyTable<Self>()
}

enum TaskKey: String, JSONKeySet {
    case id, displayID, name, wbs, outlineNumber, outlineLevel, parent, kind, isManuallyScheduled
    case isActive, start, finish, duration, work, percentComplete, percentWorkComplete, actualStart
    case actualFinish, actualDuration, actualWork, remainingDuration, constraint, deadline, priority
    case notes, cost, fixedCost, baselines, calendar, status, customFields, extensions
    static let table = JSONKeyTable<Self>()
}

enum ConstraintKey: String, JSONKeySet {
    case type, date
    static let table = JSONKeyTable<Self>()
}

enum DurationKey: String, JSONKeySet {
    case minutes, unit, isElapsed, isEstimated
    static let table = JSONKeyTable<Self>()
}

/// A lag is a duration (`minutes`, …) or a percentage (`percent`, `isElapsed`).
enum LagKey: String, JSONKeySet {
    case minutes, unit, isElapsed, isEstimated, percent
    static let table = JSONKeyTable<Self>()
}

enum BaselineKey: String, JSONKeySet {
    case number, start, finish, duration, work, cost
    static let table = JSONKeyTable<Self>()
}

enum ResourceKey: String, JSONKeySet {
    case id, displayID, name, initials, type, materialLabel, email, group, maxUnits, standardRate
    case overtimeRate, costPerUse, calendar, notes, baselines, customFields, extensions
    static let table = JSONKeyTable<Self>()
}

enum RateKey: String, JSONKeySet {
    case amount, per
    static let table = JSONKeyTable<Self>()
}

enum AssignmentKey: String, JSONKeySet {
    case id, task, resource, units, work, actualWork, remainingWork, start, finish, cost, baselines
    case customFields, extensions
    static let table = JSONKeyTable<Self>()
}

enum DependencyKey: String, JSONKeySet {
    case predecessor, successor, type, lag, extensions
    static let table = JSONKeyTable<Self>()
}

enum FieldDefinitionKey: String, JSONKeySet {
    case id, name, alias, type, entity, sourceFieldID
    static let table = JSONKeyTable<Self>()
}

/// A custom field value is an object with exactly one key naming its type: `{"number": 3.5}`.
enum CustomValueKey: String, JSONKeySet {
    case text, number, date, duration, flag, cost
    static let table = JSONKeyTable<Self>()
}

/// A week pattern's keys are weekday names (`Weekday.name`), Sunday first.
enum WeekdayKey: String, JSONKeySet {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday
    static let table = JSONKeyTable<Self>()

    var weekday: Weekday { Weekday(name: rawValue)! }
}
