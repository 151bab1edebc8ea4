import Dispatch

/// A value being computed on another core; reading it waits until it is there. Validation and
/// diff compute their schedules this way while they do what needs none, and the Jira reader
/// tokenizes the second half of a large export.
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once before `done` is left, read only after waiting for it.
    private var result: Value?

    public init(computing work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    public init(ready value: Value) { result = value }

    public var value: Value {
        done.wait()
        return result!
    }
}
