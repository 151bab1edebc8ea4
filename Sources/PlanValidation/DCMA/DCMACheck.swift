import Foundation
import PlanModel

/// One of the DCMA 14-point schedule assessment's checks, as measured on a plan: what was
/// counted, against which threshold, whether it passed, and which tasks are to blame.
public struct DCMACheck: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case pass, fail
        /// The plan lacks what the check measures (no status date, no baseline, no resources).
        case notApplicable(reason: String)
    }

    /// How many items failed, out of how many were looked at.
    public struct Tally: Hashable, Sendable {
        public let failing: Int
        public let of: Int

        public init(failing: Int, of: Int) {
            self.failing = failing
            self.of = of
        }
    }

    /// 1–14, in the DCMA's order.
    public let number: Int
    /// The code's last part: `dcma.high-float` has the name `high-float`.
    public let name: String
    public let title: String
    /// The threshold as people read it: `≤ 5%`, `= 0`, `≥ 0.95`.
    public let threshold: String
    /// The measured value (a share 0–1, or an index), nil when not applicable.
    public let value: Double?
    /// How many items failed, out of how many were looked at (nil for the index checks).
    public let count: Tally?
    public let outcome: Outcome
    /// The tasks that fail the check, in plan order.
    public let offending: [TaskID]
    /// One line on how the value was found, for a report reader who wants to reproduce it.
    public let detail: String

    public var code: String { "dcma." + name }


    /// The measured value as people read it: `3.2%` for a share, `0.97` for an index.
    public var valueText: String {
        guard let value else { return "n/a" }
        return count != nil ? String(format: "%.1f%%", value * 100) : String(format: "%.2f", value)
    }

    public var outcomeText: String {
        switch outcome {
        case .pass: "pass"
        case .fail: "fail"
        case .notApplicable: "n/a"
        }
    }
}
