/// A link between two tasks: `successor` depends on `predecessor`.
public struct Dependency: Hashable, Sendable {
    public var predecessor: TaskID
    public var successor: TaskID
    public var type: DependencyType
    public var lag: Lag
    public var extensions: Extensions

    public init(predecessor: TaskID, successor: TaskID, type: DependencyType = .finishToStart, lag: Lag = .zero, extensions: Extensions = [:]) {
        self.predecessor = predecessor
        self.successor = successor
        self.type = type
        self.lag = lag
        self.extensions = extensions
    }
}

public enum DependencyType: String, CaseIterable, Hashable, Sendable {
    case finishToStart = "FS"
    case startToStart = "SS"
    case finishToFinish = "FF"
    case startToFinish = "SF"
}

/// The delay between the linked ends; negative is a lead. Either a span of (working or elapsed)
/// time, or a percentage of the predecessor's duration, as MS Project allows.
public enum Lag: Hashable, Sendable {
    case time(WorkDuration)
    /// Percent of the predecessor's duration (may be negative); `elapsed` as MS Project's `e%`.
    case percent(Int, elapsed: Bool)

    public static let zero = Lag.time(.zero)

    public var isZero: Bool {
        switch self {
        case .time(let d): return d.minutes == 0
        case .percent(let p, _): return p == 0
        }
    }
}
