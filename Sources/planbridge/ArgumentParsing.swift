// The command line's own argument parser and help text. The project takes no package dependencies,
// so this one file stands in for swift-argument-parser: commands are declared as data, parsing
// yields either an invocation or a `UsageError`, and the help and error text follow that library's
// layout (OVERVIEW / USAGE / ARGUMENTS / OPTIONS, "See '… --help' for more information.").

/// A positional argument, shown as `<name>`.
struct ArgumentSpec: Sendable {
    var name: String
    var help: String
    var isOptional = false
    /// The last argument may take every remaining positional word (`validate FILE...`).
    var isRepeated = false

    var display: String { "<\(name)>" + (isRepeated ? " ..." : "") }
}

/// A `--long` option: a flag, or one that takes a value, optionally from a fixed list.
struct OptionSpec: Sendable {
    enum Kind: Sendable {
        case flag
        case value(placeholder: String, choices: [String]?)
    }

    var long: String
    var short: Character?
    var kind: Kind
    var help: String

    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, kind: .flag, help: help)
    }

    static func value(_ long: String, short: Character? = nil, placeholder: String, choices: [String]? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, kind: .value(placeholder: placeholder, choices: choices), help: help)
    }

    var spellings: [String] { ["--" + long] + (short.map { ["-" + String($0)] } ?? []) }

    /// `--from <format>`, the form used in usage lines and error messages.
    var display: String {
        switch kind {
        case .flag: return "--" + long
        case .value(let placeholder, _): return "--\(long) <\(placeholder)>"
        }
    }

    static let help = OptionSpec.flag("help", short: "h", help: "Show help information.")
    static let version = OptionSpec.flag("version", help: "Show the version.")
}

/// One subcommand as the parser and the help text see it.
struct CommandSpec: Sendable {
    var name: String
    /// One line, shown in the command list and as OVERVIEW.
    var abstract: String
    /// Paragraphs shown under OVERVIEW in the command's own help.
    var discussion: String?
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
}

/// The program: its name, version and commands, in the order help lists them.
struct ProgramSpec: Sendable {
    var name: String
    var version: String
    var abstract: String
    var commands: [CommandSpec]

    func command(named name: String) -> CommandSpec? { commands.first { $0.name == name } }
}

/// What a command was given: positional values by argument name, option values and flags by
/// long name.
struct ParsedArguments: Sendable, Equatable {
    var arguments: [String: String] = [:]
    var values: [String: String] = [:]
    var flags: Set<String> = []
    /// Every word a repeated argument took, in order.
    var repeated: [String: [String]] = [:]

    /// A required argument's value; the parser has already checked it is present.
    subscript(argument name: String) -> String { arguments[name] ?? "" }
    func value(_ long: String) -> String? { values[long] }
    func flag(_ long: String) -> Bool { flags.contains(long) }
}

/// What to do, as decided from the command line alone.
enum Invocation: Equatable {
    case showVersion
    /// Help for the program (nil) or one command.
    case showHelp(command: String?)
    case run(command: String, ParsedArguments)
}

/// A mistake in the command line: what is wrong, maybe a close spelling, and whose usage to show.
struct UsageError: Error, Equatable {
    var message: String
    var suggestion: String?
    /// The command whose usage line follows the message; nil for the program's.
    var command: String?

    init(_ message: String, suggestion: String? = nil, command: String?) {
        self.message = message
        self.suggestion = suggestion
        self.command = command
    }
}

// MARK: - Parsing

extension ProgramSpec {
    /// Parses the arguments after the program name.
    func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        guard let first = arguments.first else {
            throw UsageError("missing subcommand", command: nil)
        }
        if OptionSpec.help.spellings.contains(first) { return .showHelp(command: nil) }
        if OptionSpec.version.spellings.contains(first) { return .showVersion }
        if first.hasPrefix("-") && first != "-" {
            let known = (OptionSpec.help.spellings + OptionSpec.version.spellings)
            throw UsageError("unknown option '\(first)'", suggestion: closest(to: first, among: known), command: nil)
        }
        guard let command = command(named: first) else {
            throw UsageError(
                "unknown subcommand '\(first)'", suggestion: closest(to: first, among: commands.map(\.name)), command: nil)
        }
        let rest = Array(arguments.dropFirst())
        // Help wins over every other mistake on the line, as it does in swift-argument-parser.
        if rest.prefix(while: { $0 != "--" }).contains(where: OptionSpec.help.spellings.contains) {
            return .showHelp(command: command.name)
        }
        return .run(command: command.name, try command.parse(rest))
    }
}

extension CommandSpec {
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var positionals: [String] = []
        var optionsEnded = false
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            index += 1
            // "-" alone names standard input or output; after "--" everything is positional.
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            let (spelling, attached) = Self.split(word)
            guard let option = options.first(where: { $0.spellings.contains(spelling) }) else {
                let known = options.flatMap(\.spellings) + OptionSpec.help.spellings
                throw UsageError("unknown option '\(spelling)'", suggestion: closest(to: spelling, among: known), command: name)
            }
            switch option.kind {
            case .flag:
                if attached != nil { throw UsageError("option '\(option.display)' takes no value", command: name) }
                parsed.flags.insert(option.long)
            case .value(_, let choices):
                var value = attached
                if value == nil, index < arguments.endIndex, !Self.looksLikeOption(arguments[index]) {
                    value = arguments[index]
                    index += 1
                }
                guard let value else { throw UsageError("missing value for '\(option.display)'", command: name) }
                if let choices, !choices.contains(value) {
                    throw UsageError(
                        "the value '\(value)' is invalid for '\(option.display)'; use \(Self.list(choices))",
                        suggestion: closest(to: value, among: choices), command: name)
                }
                parsed.values[option.long] = value
            }
        }
        try bind(positionals, into: &parsed)
        return parsed
    }

    private func bind(_ positionals: [String], into parsed: inout ParsedArguments) throws(UsageError) {
        for (offset, argument) in arguments.enumerated() {
            if offset < positionals.count {
                parsed.arguments[argument.name] = positionals[offset]
                if argument.isRepeated {
                    parsed.repeated[argument.name] = Array(positionals[offset...])
                    return
                }
            } else if !argument.isOptional {
                throw UsageError("missing expected argument '\(argument.display)'", command: name)
            }
        }
        if positionals.count > arguments.count {
            throw UsageError("unexpected argument '\(positionals[arguments.count])'", command: name)
        }
    }

    /// `--to=json` → ("--to", "json").
    private static func split(_ word: String) -> (String, String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    /// A word that cannot be an option's value: `--x`, `-x`; but `-` and negative numbers can.
    private static func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word != "-" else { return false }
        return !(word.dropFirst().first?.isNumber ?? false)
    }

    static func list(_ choices: [String]) -> String {
        let quoted = choices.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}

/// The candidate closest to a mistyped word, when it is close enough to be a likely typo: one
/// edit for short words, two for longer ones, and never a whole rewrite (so `-x` suggests nothing).
func closest(to word: String, among candidates: [String]) -> String? {
    let bare = { (s: String) in Array(s.drop { $0 == "-" }.lowercased()) }
    let typed = bare(word)
    let scored = candidates.map { ($0, editDistance(typed, bare($0))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let allowed = typed.count >= 5 ? 2 : 1
    return best.1 <= allowed && best.1 < typed.count ? best.0 : nil
}

/// Edit distance where swapping two neighbouring letters counts as one edit, since `--hlep` is
/// as likely a typo as `--hep` (optimal string alignment distance).
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in a.indices {
        for j in b.indices {
            let cost = a[i] == b[j] ? 0 : 1
            var best = min(table[i][j + 1] + 1, table[i + 1][j] + 1, table[i][j] + cost)
            if i > 0, j > 0, a[i] == b[j - 1], a[i - 1] == b[j] { best = min(best, table[i - 1][j - 1] + 1) }
            table[i + 1][j + 1] = best
        }
    }
    return table[a.count][b.count]
}

// MARK: - Help and usage text

extension ProgramSpec {
    /// `Usage: planbridge convert <input> <output> [--from <format>] …` for a command, or the
    /// program's own.
    func usageLine(for commandName: String?) -> String {
        guard let commandName, let command = command(named: commandName) else {
            return "\(name) <subcommand>"
        }
        var words = [name, command.name]
        for argument in command.arguments {
            words.append(argument.isOptional ? "[\(argument.display)]" : argument.display)
        }
        for option in command.options { words.append("[\(option.display)]") }
        return words.joined(separator: " ")
    }

    /// What follows a usage error on stderr.
    func errorText(for error: UsageError) -> String {
        var lines = ["error: \(error.message)"]
        if let suggestion = error.suggestion { lines.append("Did you mean '\(suggestion)'?") }
        lines.append("Usage: " + usageLine(for: error.command))
        let helpCommand = [name] + (error.command.map { [$0] } ?? []) + ["--help"]
        lines.append("  See '\(helpCommand.joined(separator: " "))' for more information.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `planbridge --help`.
    func helpText() -> String {
        var sections = [
            HelpColumns.wrap("OVERVIEW: \(abstract)", width: HelpColumns.lineWidth, indent: ""),
            "USAGE: \(usageLine(for: nil))",
            "OPTIONS:\n" + HelpColumns.render([OptionSpec.version, OptionSpec.help].map { ($0.helpName, $0.help) }),
            "SUBCOMMANDS:\n" + HelpColumns.render(commands.map { ($0.name, $0.abstract) }),
        ]
        sections.append("  See '\(name) help <subcommand>' for detailed help.")
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// `planbridge <command> --help`.
    func helpText(for command: CommandSpec) -> String {
        var sections = [HelpColumns.wrap("OVERVIEW: \(command.abstract)", width: HelpColumns.lineWidth, indent: "")]
        if let discussion = command.discussion {
            let paragraphs = discussion.split(separator: "\n\n").map { HelpColumns.wrap(String($0), width: HelpColumns.lineWidth, indent: "") }
            sections.append(paragraphs.joined(separator: "\n\n"))
        }
        sections.append("USAGE: \(usageLine(for: command.name))")
        if !command.arguments.isEmpty {
            sections.append("ARGUMENTS:\n" + HelpColumns.render(command.arguments.map { ($0.display, $0.help) }))
        }
        let options = command.options + [OptionSpec.help]
        sections.append("OPTIONS:\n" + HelpColumns.render(options.map { ($0.helpName, $0.help) }))
        return sections.joined(separator: "\n\n") + "\n"
    }
}

extension OptionSpec {
    /// `-h, --help` or `--from <format>`.
    fileprivate var helpName: String {
        (short.map { "-\($0), " } ?? "") + display
    }
}

/// Two-column help lists: names padded to a fixed column, descriptions wrapped beside them.
private enum HelpColumns {
    static let nameWidth = 26
    static let lineWidth = 80

    static func render(_ rows: [(name: String, help: String)]) -> String {
        rows.map { row in
            let name = "  " + row.name
            let indent = String(repeating: " ", count: nameWidth)
            let help = wrap(row.help, width: lineWidth, indent: indent)
            if name.count < nameWidth - 1 {
                return name.padded(to: nameWidth) + help.dropFirst(nameWidth)
            }
            return name + "\n" + help
        }.joined(separator: "\n")
    }

    /// Word-wraps text to `width` columns, every line starting with `indent`.
    static func wrap(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
