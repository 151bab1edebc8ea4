import Testing

@testable import planbridge

/// The parser on its own: what it accepts, what it refuses and the words it uses to say so.
struct ArgumentParsingTests {
    let program = CommandTable.program

    private func parse(_ words: String) throws(UsageError) -> Invocation {
        try program.parse(words.split(separator: " ").map(String.init))
    }

    @Test func convertTakesPositionalsOptionsWithSpaceOrEqualsAndFlags() throws {
        let invocation = try parse("convert - out.xml --from json --to=mspdi --force")
        var expected = ParsedArguments()
        expected.arguments = ["input": "-", "output": "out.xml"]
        expected.values = ["from": "json", "to": "mspdi"]
        expected.flags = ["force"]
        // The output is the first word of a repeated argument: with --out-dir they are all inputs.
        expected.repeated = ["output": ["out.xml"]]
        #expect(invocation == .run(command: "convert", expected))
    }

    @Test func doubleDashEndsOptionsSoFilesMayStartWithADash() throws {
        guard case .run(_, let parsed) = try parse("convert --to json -- --weird-name.json -") else {
            Issue.record("expected a run")
            return
        }
        #expect(parsed[argument: "input"] == "--weird-name.json")
        #expect(parsed[argument: "output"] == "-")
        #expect(parsed.value("to") == "json")
    }

    @Test func helpAndVersionAreRecognisedWhereverHelpIsAsked() throws {
        #expect(try parse("--version") == .showVersion)
        #expect(try parse("-h") == .showHelp(command: nil))
        #expect(try parse("convert --frm x --help") == .showHelp(command: "convert"))
        #expect(try parse("info -h") == .showHelp(command: "info"))
    }

    @Test func unknownOptionsSuggestTheClosestSpelling() {
        #expect(throws: UsageError("unknown option '--frm'", suggestion: "--from", command: "convert")) {
            try parse("convert a b --frm json")
        }
        #expect(throws: UsageError("unknown option '--forec'", suggestion: "--force", command: "convert")) {
            try parse("convert a b --forec")
        }
        #expect(throws: UsageError("unknown option '--hlep'", suggestion: "--help", command: nil)) { try parse("--hlep") }
        #expect(throws: UsageError("unknown option '--banana'", suggestion: nil, command: "convert")) {
            try parse("convert a b --banana")
        }
    }

    @Test func unknownSubcommandsSuggestTheClosestCommand() {
        #expect(throws: UsageError("unknown subcommand 'covnert'", suggestion: "convert", command: nil)) { try parse("covnert a b") }
        #expect(throws: UsageError("unknown subcommand 'frobnicate'", suggestion: nil, command: nil)) { try parse("frobnicate") }
        #expect(throws: UsageError("missing subcommand", command: nil)) { try program.parse([]) }
    }

    @Test func missingAndSurplusArgumentsAreNamed() {
        // convert's own output count depends on --out-dir, so it checks it itself (BatchConvertTests).
        #expect(throws: UsageError("missing expected argument '<file>'", command: "info")) { try parse("info") }
        #expect(throws: UsageError("unexpected argument 'b'", command: "info")) { try parse("info a b") }
        #expect(throws: UsageError("missing value for '--to <format>'", command: "convert")) { try parse("convert a b --to --force") }
        #expect(throws: UsageError("option '--force' takes no value", command: "convert")) { try parse("convert a b --force=yes") }
    }

    @Test func choicesAreCheckedAndMisspellingsCorrected() {
        #expect(throws: UsageError("the value 'jsno' is invalid for '--format <format>'; use 'text' or 'json'", suggestion: "json", command: "info")) {
            try parse("info plan.json --format jsno")
        }
    }

    @Test func errorTextHasMessageSuggestionUsageAndPointerToHelp() {
        let text = program.errorText(for: UsageError("unknown option '--frm'", suggestion: "--from", command: "convert"))
        #expect(text == """
            error: unknown option '--frm'
            Did you mean '--from'?
            Usage: planbridge convert <input> [<output> ...] [--from <format>] [--to <format>] [--force] [--schedule-from <date>] [--no-schedule] [--ics-tasks] [--ics-todos] [--ics-timed <style>] [--ics-timezone <zone>] [--jira-date-format <pattern>] [--jira-issue-types <mapping>] [--out-dir <dir>] [--jobs <n>] [--report <file>] [--skip-existing] [--shard <k/n>] [--list]
              See 'planbridge convert --help' for more information.

            """)
    }

    @Test func helpListsEveryCommandAndFitsEightyColumns() {
        let overview = program.helpText()
        for line in overview.split(separator: "\n") { #expect(line.count <= 80, "too long in the overview: \(line)") }
        for command in program.commands {
            #expect(overview.contains("\n  \(command.name) "), "\(command.name) missing from the overview")
            let help = program.helpText(for: command)
            for option in command.options { #expect(help.contains(option.display)) }
            for line in help.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                #expect(line.count <= 80, "too long in \(command.name) help: \(line)")
            }
        }
    }

    @Test func closestIgnoresWordsThatAreFarOrTooShort() {
        #expect(closest(to: "-x", among: ["-h", "--to"]) == nil)
        #expect(closest(to: "--t", among: ["--to"]) == nil)
        #expect(closest(to: "formts", among: ["formats", "info"]) == "formats")
    }
}
