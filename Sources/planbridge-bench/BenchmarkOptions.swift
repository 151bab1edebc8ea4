/// The command line of the benchmark:
///
///     planbridge-bench FORMAT... [--tasks N,N...] [--seed S] [--runs R] [--in-process]
///     planbridge-bench list
///     planbridge-bench generate FORMAT --tasks N[,N...] --seed S[,S...] --out DIR [--unscheduled]
///
/// FORMAT is a registry name (`json`, later `mspdi`, `jira-csv`, `ics`) or `all`; `schedule` times
/// the scheduler on the same generated plans. `generate` only writes the generated plans
/// (GenerateCommand.swift), for scripts that check them with other tools.
struct BenchmarkOptions {
    var formats: [String] = []
    var taskCounts: [Int] = [10_000]
    /// Several only for `generate`; a benchmark uses one.
    var seeds: [UInt64] = [42]
    var seed: UInt64 { seeds[0] }
    var generate = false
    var outputFolder: String?
    var unscheduled = false
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
               planbridge-bench generate FORMAT --tasks N[,N...] --seed S[,S...] --out DIR [--unscheduled]

        Generates a plan per task count (seeded, not timed), then times writing it in FORMAT and
        reading it back, best of R runs (default 3), each case in a child process so that its
        peak RSS is its own. Prints a Markdown table on stdout, progress on stderr.
          FORMAT        a format name from `planbridge-bench list`, `all`, `schedule`, `diff`, `validate`
          --tasks       task counts, comma-separated (default 10000)
          --seed        generator seed (default 42)
          --runs        timed repetitions per case; the best is reported (default 3)
          --in-process  no child processes; peak RSS is then the process peak so far

        generate writes the plan of every task count and seed in FORMAT as
        DIR/generated-<tasks>-<seed>.<ext>, and times nothing.
          --unscheduled  leave out the generated dates of tasks not started and not manually
                         scheduled, so that a reader schedules them from their links, calendars
                         and constraints (and the MSPDI writer has no dates to pin)
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
                let seeds = Self.value(after: argument, in: &rest).split(separator: ",").map { UInt64($0) }
                guard !seeds.isEmpty, seeds.allSatisfy({ $0 != nil }) else {
                    throw UsageError(description: "--seed wants non-negative whole numbers separated by commas")
                }
                self.seeds = seeds.map { $0! }
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
            case "--out":
                outputFolder = Self.value(after: argument, in: &rest)
            case "--unscheduled":
                unscheduled = true
            case "list":
                listOnly = true
            case "generate" where formats.isEmpty && !generate:
                generate = true
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
        if generate && !helpRequested {
            guard formats.count == 1, let out = outputFolder, !out.isEmpty else {
                throw UsageError(description: "generate wants one FORMAT and --out DIR\n\n\(Self.usage)")
            }
        } else if seeds.count > 1 {
            throw UsageError(description: "several seeds are only for generate; a benchmark uses one")
        } else if outputFolder != nil || unscheduled {
            throw UsageError(description: "--out and --unscheduled are only for generate")
        }
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
