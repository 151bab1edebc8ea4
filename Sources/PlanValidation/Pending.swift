import Dispatch

/// A value being computed on another core; reading it waits until it is there. Validation
/// computes its two schedules this way while the rules that need no schedule run.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once before `done` is left, read only after waiting for it.
    private var result: Value?

    init(computing work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    init(ready value: Value) { result = value }

    var value: Value {
        done.wait()
        return result!
    }
}
