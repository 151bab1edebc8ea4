#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch
import Foundation

/// A request to stop a batch, made by SIGINT (Ctrl-C) or SIGTERM (what Kubernetes and Slurm send
/// before killing a job). Workers start no new file once it is set, and a file in flight is not
/// put in place, so an interrupted batch leaves whole outputs or none, and no temporary files.
final class Interruption: @unchecked Sendable {
    // Guards `received`; taken by the signal queue and by every worker.
    private let lock = NSLock()
    private var received: Int32?

    /// The signal that asked to stop, if one did.
    var signal: Int32? { lock.withLock { received } }

    /// True the first time; a second request means the user will not wait.
    @discardableResult
    func request(_ signal: Int32) -> Bool {
        lock.withLock {
            guard received == nil else { return false }
            received = signal
            return true
        }
    }

    /// Runs `body` with SIGINT and SIGTERM turned into a stop request (when `enabled`; in-process
    /// tests keep the default handling). The signals are taken through a dispatch source rather
    /// than a handler because a handler may not take locks; a second signal ends the process at
    /// once, for a user who would rather lose the files in flight than wait for them.
    static func catchingSignals<T>(_ enabled: Bool, _ body: (Interruption) -> T) -> T {
        let interruption = Interruption()
        guard enabled else { return body(interruption) }
        let queue = DispatchQueue(label: "planbridge.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            _ = systemSignal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if !interruption.request(number) { _exit(128 + number) }
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            for number in [SIGINT, SIGTERM] { _ = systemSignal(number, SIG_DFL) }
        }
        return body(interruption)
    }
}

#if canImport(Glibc)
    private let systemSignal = Glibc.signal
#elseif canImport(Darwin)
    private let systemSignal = Darwin.signal
#endif
