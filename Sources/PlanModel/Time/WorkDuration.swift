/// A span of time stored exactly as whole minutes, with the unit the user saw and whether it runs
/// on working time or on the clock ("elapsed": 1 elapsed day = 24 h). Never floating-point days:
/// converting 7.5-hour days back and forth must not drift.
public struct WorkDuration: Hashable, Sendable, CustomStringConvertible {
    /// Minutes of working time (or of clock time when `isElapsed`); may be negative for leads.
    public var minutes: Int
    /// The unit the source displayed; conversions to it use the project's minutes per day/week.
    public var unit: DurationUnit
    public var isElapsed: Bool
    /// MS Project's "estimated" flag (the `?` after a duration).
    public var isEstimated: Bool

    public init(minutes: Int, unit: DurationUnit = .minutes, isElapsed: Bool = false, isEstimated: Bool = false) {
        self.minutes = minutes
        self.unit = unit
        self.isElapsed = isElapsed
        self.isEstimated = isEstimated
    }

    public static let zero = WorkDuration(minutes: 0)

    public static func hours(_ h: Int) -> WorkDuration { WorkDuration(minutes: h * 60, unit: .hours) }

    /// Working days on a calendar with `minutesPerDay` minutes per day (elapsed: 1440).
    public func days(minutesPerDay: Int) -> Double {
        Double(minutes) / Double(isElapsed ? 1440 : max(minutesPerDay, 1))
    }

    /// The value in its own unit, e.g. 2.5 for 20 working hours shown in days at 8 h/day.
    public func value(in conventions: TimeConventions) -> Double {
        Double(minutes) / Double(conventions.minutes(per: unit, elapsed: isElapsed))
    }

    public var description: String {
        "\(minutes)\(isElapsed ? "e" : "")min(\(unit.rawValue))\(isEstimated ? "?" : "")"
    }
}

/// Units a duration can be displayed in.
public enum DurationUnit: String, CaseIterable, Hashable, Sendable {
    case minutes, hours, days, weeks, months
}

/// The project's working-time conventions that turn days, weeks and months into minutes.
public struct TimeConventions: Hashable, Sendable {
    public var minutesPerDay: Int
    public var minutesPerWeek: Int
    public var daysPerMonth: Int

    public init(minutesPerDay: Int = 480, minutesPerWeek: Int = 2400, daysPerMonth: Int = 20) {
        self.minutesPerDay = minutesPerDay
        self.minutesPerWeek = minutesPerWeek
        self.daysPerMonth = daysPerMonth
    }

    public static let standard = TimeConventions()

    /// Minutes in one `unit`; elapsed units use 24 h days, 7-day weeks and 30-day months.
    public func minutes(per unit: DurationUnit, elapsed: Bool) -> Int {
        switch (unit, elapsed) {
        case (.minutes, _): return 1
        case (.hours, _): return 60
        case (.days, false): return minutesPerDay
        case (.days, true): return 1440
        case (.weeks, false): return minutesPerWeek
        case (.weeks, true): return 10_080
        case (.months, false): return minutesPerDay * daysPerMonth
        case (.months, true): return 43_200
        }
    }
}
