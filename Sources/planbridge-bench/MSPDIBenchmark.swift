import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport

/// The `mspdi` read case's reference: after our reader was timed and checked, the same file is
/// parsed by `xmllint --stream --noout FILE` (libxml2's own command-line tool, streaming reader,
/// no tree, no output) in a child process, best of `runs`, and the check column gives its time and
/// the ratio ours / xmllint. The child's time includes starting the process (a few milliseconds).
enum MSPDIBenchmark {
    static func check(expected: Plan, result: ReadResult, file: URL, ourSeconds: Double, runs: Int) -> String {
        let verdict = result.plans.count == 1 ? carried(expected: expected, actual: result.plan) : "read \(result.plans.count) plans"
        guard let reference = xmllintSeconds(file, runs: runs) else { return verdict + "; xmllint not measured (not installed or failed)" }
        return verdict + String(format: "; xmllint --stream %.1f ms, ours/xmllint %.2f×", reference * 1000, ourSeconds / reference)
    }

    /// MSPDI cannot hold everything the generated plan has (the write's loss report lists it), so
    /// `==` with the plan is not the test. This one: every task came back in order with its
    /// identity, name, parent, start, finish and duration; every link with its ends, type and lag;
    /// every assignment with its task and resource.
    static func carried(expected: Plan, actual: Plan) -> String {
        let tasks = zip(expected.tasks, actual.tasks).count {
            $0.id == $1.id && $0.name == $1.name && $0.parent == $1.parent && $0.start == $1.start && $0.finish == $1.finish
                && $0.duration == $1.duration
        }
        let links = zip(expected.dependencies, actual.dependencies).count {
            $0.predecessor == $1.predecessor && $0.successor == $1.successor && $0.type == $1.type && $0.lag == $1.lag
        }
        let assignments = zip(expected.assignments, actual.assignments).count { $0.task == $1.task && $0.resource == $1.resource }
        let all = tasks == expected.tasks.count && actual.tasks.count == tasks && links == expected.dependencies.count
            && actual.dependencies.count == links && assignments == expected.assignments.count && actual.assignments.count == assignments
        let firstLink = zip(expected.dependencies, actual.dependencies).first {
            !($0.predecessor == $1.predecessor && $0.successor == $1.successor && $0.type == $1.type && $0.lag == $1.lag)
        }
        let linkNote = firstLink.map { "; first differing link \($0.0.predecessor.rawValue)→\($0.0.successor.rawValue): \($0.0.type) \($0.0.lag) read as \($0.1.type) \($0.1.lag)" } ?? ""
        return (all ? "carried: " : "DIFFERS: ")
            + "tasks \(tasks)/\(expected.tasks.count) (read \(actual.tasks.count)), links \(links)/\(expected.dependencies.count),"
            + " assignments \(assignments)/\(expected.assignments.count)" + linkNote
    }

    /// Best of `runs` wall-clock times of `xmllint --stream --noout file`, or nil when it cannot run
    /// or exits with a failure.
    static func xmllintSeconds(_ file: URL, runs: Int) -> Double? {
        let candidates = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"]
        guard let tool = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        var best = Double.infinity
        for _ in 0..<max(1, runs) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["--stream", "--noout", file.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let clock = ContinuousClock()
            var started = true
            let elapsed = clock.measure {
                do { try process.run() } catch { started = false; return }
                process.waitUntilExit()
            }
            guard started, process.terminationStatus == 0 else { return nil }
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }
}
