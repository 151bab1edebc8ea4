import Foundation

/// Each case runs in a fresh child process of this same executable, so that the peak resident
/// size the child reports belongs to that case alone and not to the cases before it.
///
/// The child is started as `planbridge-bench --case FORMAT:OPERATION --tasks N --seed S --runs R
/// --folder DIR` and prints one tab-separated line: `result`, best seconds, file bytes, peak KiB,
/// start KiB, check.
enum ChildProcess {
    static let resultTag = "result"

    static func run(_ benchmark: BenchmarkCase, seed: UInt64, runs: Int, folder: URL) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = [
            "--case", "\(benchmark.format.id):\(benchmark.operation.rawValue)", "--tasks", String(benchmark.tasks),
            "--seed", String(seed), "--runs", String(runs), "--folder", folder.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The child prints one short line, so reading to the end before waiting cannot block it.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let line = text.split(separator: "\n").last(where: { $0.hasPrefix(resultTag + "\t") })
        else {
            throw BenchmarkFailure(
                description:
                    "child for \(benchmark.format.id) \(benchmark.operation) failed (status \(process.terminationStatus)): \(text)"
            )
        }
        return try parse(line)
    }

    static func line(for measurement: Measurement) -> String {
        let check = measurement.check.map { $0 == "\t" || $0 == "\n" ? " " : $0 }
        return [
            resultTag, String(measurement.bestSeconds), String(measurement.fileBytes),
            measurement.peakKiB.map(String.init) ?? "-",
            measurement.startKiB.map(String.init) ?? "-", String(check),
        ].joined(separator: "\t")
    }

    private static func parse(_ line: Substring) throws -> Measurement {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6, let seconds = Double(fields[1]), let bytes = Int(fields[2]) else {
            throw BenchmarkFailure(description: "unexpected child output: \(line)")
        }
        return Measurement(
            bestSeconds: seconds, fileBytes: bytes, peakKiB: Int(fields[3]), startKiB: Int(fields[4]), check: fields[5])
    }
}
