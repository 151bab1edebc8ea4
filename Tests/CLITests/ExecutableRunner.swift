import Foundation
import PlanTestSupport

/// Runs the built `planbridge` executable as a child process, the way a user's shell would.
enum ExecutableRunner {
    struct Outcome: Sendable {
        var status: Int32
        var output: String
        var error: String
    }

    /// The `planbridge` built beside this test bundle (`.build/<triple>/debug/`), or the file
    /// `PLANBRIDGE_EXECUTABLE` names.
    static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["PLANBRIDGE_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        // On Darwin the tests live inside `PlanBridgePackageTests.xctest/Contents/MacOS/`.
        while folder.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) { folder.deleteLastPathComponent() }
        let candidate = folder.appendingPathComponent("planbridge")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw ScenarioError("no planbridge executable at \(candidate.path); build it (CLITests depends on it) or set PLANBRIDGE_EXECUTABLE")
        }
        return candidate
    }

    /// Runs `planbridge arguments…` in the package root with `input` on stdin. Both pipes are
    /// drained while the child runs: waiting first and reading afterwards deadlocks as soon as
    /// the child writes more than a pipe buffer holds.
    static func run(_ arguments: [String], input: String, environment extra: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1700000000"
        environment.removeValue(forKey: "NO_COLOR")
        environment.merge(extra) { $1 }
        process.environment = environment

        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()

        let output = Drain(stdout.fileHandleForReading)
        let error = Drain(stderr.fileHandleForReading)
        let feeding = DispatchGroup()
        let writer = stdin.fileHandleForWriting
        let bytes = Data(input.utf8)
        DispatchQueue.global().async(group: feeding) {
            // A child that exits without reading makes this fail with EPIPE; that is its business.
            try? writer.write(contentsOf: bytes)
            try? writer.close()
        }
        process.waitUntilExit()
        feeding.wait()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: output.result(), as: UTF8.self),
            error: String(decoding: error.result(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on a background thread.
private final class Drain: @unchecked Sendable {
    // Written once by the reading thread before `group` is left, read only after waiting on it.
    private var data = Data()
    private let group = DispatchGroup()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async(group: group) {
            self.data = (try? handle.readToEnd()) ?? Data()
        }
    }

    func result() -> Data {
        group.wait()
        return data
    }
}
