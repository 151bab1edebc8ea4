import Foundation
import PlanFormats

// planbridge-bench: times writing and reading generated plans in each format. Build it in release:
//   swift run -c release planbridge-bench json --tasks 10000,100000 --seed 42
// `planbridge-bench generate mspdi --tasks 50,200 --seed 1,2 --out DIR` only writes the plans.

func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    standardError(error.description)
    exit(2)
}

let registry = FormatRegistry.builtIn
let benchmarkable = registry.formats.filter { $0.reader != nil && $0.writer != nil }

if options.helpRequested {
    print(BenchmarkOptions.usage)
    exit(0)
}

if options.generate {
    exit(GenerateCommand.run(options, registry: registry))
}

if options.listOnly {
    for format in benchmarkable { print("\(format.id)\t\(format.displayName)") }
    exit(0)
}

// A child process: run the one case named and print its result line.
if let childCase = options.childCase {
    let parts = childCase.split(separator: ":").map(String.init)
    guard parts.count == 2, let operation = BenchmarkCase.Operation(rawValue: parts[1]),
        let format = try? registry.format(named: parts[0]), let folder = options.folder, let tasks = options.taskCounts.first
    else {
        standardError("bad --case \(childCase)")
        exit(2)
    }
    do {
        let measurement = try BenchmarkCase(format: format, operation: operation, tasks: tasks)
            .measure(seed: options.seed, runs: options.runs, folder: URL(fileURLWithPath: folder))
        print(ChildProcess.line(for: measurement))
        exit(0)
    } catch {
        standardError("\(error)")
        exit(1)
    }
}

var formats: [FormatDescriptor] = []
// `schedule` is not a format: it times the scheduler on the same generated plans (the JSON
// descriptor only carries it through the child-process protocol).
let scheduleCases = options.formats.contains("schedule")
    ? options.taskCounts.map { BenchmarkCase(format: registry.formats.first { $0.id == "json" }!, operation: .schedule, tasks: $0) } : []
// `diff` times reading two MSPDI files and diffing them (DiffBenchmark.swift).
let diffCases = options.formats.contains("diff")
    ? options.taskCounts.flatMap { tasks in
        [BenchmarkCase.Operation.diffRead, .diff].map { BenchmarkCase(format: registry.formats.first { $0.id == "mspdi" }!, operation: $0, tasks: tasks) }
    } : []
// `validate` times reading one MSPDI file, then the rules and the schema on it (ValidateBenchmark.swift).
let validateCases = options.formats.contains("validate")
    ? options.taskCounts.flatMap { tasks in
        [BenchmarkCase.Operation.validateRead, .validate, .validateSchema].map { BenchmarkCase(format: registry.formats.first { $0.id == "mspdi" }!, operation: $0, tasks: tasks) }
    } : []
for name in options.formats where !["schedule", "diff", "validate"].contains(name) {
    if name == "all" {
        formats += benchmarkable
        continue
    }
    do {
        formats.append(try registry.format(named: name))
    } catch {
        standardError(error.description)
        exit(2)
    }
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planbridge-bench-\(getpid())")
do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
} catch {
    standardError("cannot create \(folder.path): \(error)")
    exit(4)
}

var report = Report(runs: options.runs, seed: options.seed, inProcess: options.inProcess)
for benchmark in BenchmarkCase.table(formats: formats, taskCounts: options.taskCounts) + scheduleCases + diffCases + validateCases {
    standardError("\(benchmark.format.id) \(benchmark.operation.rawValue) \(benchmark.tasks) tasks …")
    do {
        let measurement =
            options.inProcess
            ? try benchmark.measure(seed: options.seed, runs: options.runs, folder: folder)
            : try ChildProcess.run(benchmark, seed: options.seed, runs: options.runs, folder: folder)
        report.rows.append((benchmark, .success(measurement)))
    } catch let failure as BenchmarkFailure {
        report.rows.append((benchmark, .failure(failure)))
    } catch {
        report.rows.append((benchmark, .failure(BenchmarkFailure(description: "\(error)"))))
    }
}
try? FileManager.default.removeItem(at: folder)
print(report.markdown())
