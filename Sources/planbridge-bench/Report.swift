import Foundation

/// The results as Markdown, ready to paste into BENCHMARKS.md.
struct Report {
    var rows: [(BenchmarkCase, Result<Measurement, BenchmarkFailure>)] = []
    var runs: Int
    var seed: UInt64
    var inProcess: Bool

    func markdown() -> String {
        var lines = [
            "Machine: \(Machine.description). Seed \(seed), best of \(runs) runs per case.",
            "",
            "| format | tasks | operation | best time | MB/s | tasks/s | file size | peak RSS | RSS at start | check |",
            "|---|---:|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for (benchmark, result) in rows {
            var cells = [benchmark.format.id, grouped(benchmark.tasks), benchmark.operation.rawValue]
            switch result {
            case .failure(let failure):
                cells += Array(repeating: "–", count: 6) + ["failed: " + failure.description]
            case .success(let m):
                let megabytes = Double(m.fileBytes) / 1e6
                cells += [
                    seconds(m.bestSeconds), String(format: "%.1f", megabytes / m.bestSeconds),
                    grouped(Int(Double(benchmark.tasks) / m.bestSeconds)), String(format: "%.1f MB", megabytes),
                    mebibytes(m.peakKiB), mebibytes(m.startKiB), m.check,
                ]
            }
            let escaped = cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
            lines.append("| " + escaped.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("MB = 10⁶ bytes of the file; MiB = 2²⁰ bytes of memory. Plan generation is not timed.")
        if inProcess {
            lines.append(
                "Peak RSS: VmHWM of this one process, reset (clear_refs) after each case's input was prepared;"
                    + " \"RSS at start\" includes whatever earlier cases left allocated.")
        } else {
            lines.append(
                "Peak RSS: VmHWM of a child process that runs only that case, reset (clear_refs) after its input was"
                    + " prepared, so it is the larger of \"RSS at start\" (write: the generated plan in memory; read:"
                    + " the file's bytes) and the peak while timing.")
        }
        return lines.joined(separator: "\n")
    }

    private func seconds(_ value: Double) -> String {
        value < 1 ? String(format: "%.1f ms", value * 1000) : String(format: "%.2f s", value)
    }

    private func mebibytes(_ kib: Int?) -> String {
        kib.map { String(format: "%.1f MiB", Double($0) / 1024) } ?? "n/a"
    }

    /// 1234567 → "1,234,567".
    private func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

/// The machine, as /proc describes it.
enum Machine {
    static var description: String {
        let model = firstLine(of: "/proc/cpuinfo", startingWith: "model name")
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let kibibytes = firstLine(of: "/proc/meminfo", startingWith: "MemTotal:")
            .flatMap { $0.split(separator: " ").dropFirst().first }
            .flatMap { Int($0) }
        let memory = kibibytes.map { String(format: ", %.1f GiB RAM", Double($0) / 1_048_576) } ?? ""
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return "\(model ?? "unknown CPU"), \(cores) cores\(memory), \(ProcessInfo.processInfo.operatingSystemVersionString)"
    }

    private static func firstLine(of path: String, startingWith prefix: String) -> Substring? {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }
    }
}
