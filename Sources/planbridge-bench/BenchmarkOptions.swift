/// The command line of the benchmark:
///
///     planbridge-bench FORMAT... [--tasks N,N...] [--seed S] [--runs R] [--in-process]
///     planbridge-bench list
///
/// FORMAT is a registry name (`json`, later `mspdi`, `jira-csv`, `ics`) or `all`; `schedule` times
/// the scheduler on the same generated plans.
struct BenchmarkOptions {
    var formats: [String] = []
    var taskCounts: [Int] = [10_000]
    var seed: UInt64 = 42
    var runs = 3
    /// Measure in this process instead of one child process per case; peaks then accumulate.
    var inProcess = false
    var listOnly = false
    var helpRequested = false
    /// Set in a child process: run only this `FORMAT:OPERATION` case, in `folder`.
    var childCase: String?
    var folder: String?

    static let usage = """
        usage: planbridge-bench FORMAT... [--tasks N[,N...]] [--seed S] [--runs R] [--in-process]
               planbridge-bench list

        Generates a plan per task count (seeded, not timed), then times writing it in FORMAT and
        reading it back, best of R runs (default 3), each case in a child process so that its
        peak RSS is its own. Prints a Markdown table on stdout, progress on stderr.
          FORMAT        a format name from `planbridge-bench list`, `all`, `schedule`, `diff`, `validate`
          --tasks       task counts, comma-separated (default 10000)
          --seed        generator seed (default 42)
          --runs        timed repetitions per case; the best is reported (default 3)
          --in-process  no child processes; peak RSS is then the process peak so far
        """

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--tasks":
                let counts = Self.value(after: argument, in: &rest).split(separator: ",").map {
                    Int($0.replacingUnderscores)
                }
                guard !counts.isEmpty, counts.allSatisfy({ ($0 ?? 0) > 0 }) else {
                    throw UsageError(description: "--tasks wants positive whole numbers separated by commas")
                }
                taskCounts = counts.map { $0! }
            case "--seed":
                guard let seed = UInt64(Self.value(after: argument, in: &rest)) else {
                    throw UsageError(description: "--seed wants a non-negative whole number")
                }
                self.seed = seed
            case "--runs":
                guard let runs = Int(Self.value(after: argument, in: &rest)), runs > 0 else {
                    throw UsageError(description: "--runs wants a positive whole number")
                }
                self.runs = runs
            case "--case":
                childCase = Self.value(after: argument, in: &rest)
            case "--folder":
                folder = Self.value(after: argument, in: &rest)
            case "--in-process":
                inProcess = true
            case "list":
                listOnly = true
            case "-h", "--help":
                helpRequested = true
            default:
                guard !argument.hasPrefix("-") else {
                    throw UsageError(description: "unknown option \(argument)\n\n\(Self.usage)")
                }
                formats.append(argument)
            }
        }
        if formats.isEmpty && !listOnly && !helpRequested && childCase == nil { throw UsageError(description: Self.usage) }
    }

    /// The option's value; a missing one reads as empty, which every option rejects.
    private static func value(after option: String, in rest: inout ArraySlice<String>) -> String {
        rest.popFirst() ?? ""
    }
}

extension Substring {
    /// `100_000` reads as `100000`.
    fileprivate var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
