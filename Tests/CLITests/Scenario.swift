import Foundation
import Testing

/// One fenced block of a scenario file, in the shape of pandoc's `test/command/*.md`:
///
///     % planbridge convert - - --from json --to json
///     …standard input…
///     ^D
///     …expected standard output…
///     2> …expected standard error…
///     => 3
///
/// Blocks whose first line is not a `% ` command are ordinary documentation and are skipped.
/// `$TMP` anywhere in a block names a fresh, empty folder for that block alone.
struct Scenario: Sendable, CustomTestStringConvertible {
    /// `convert.md:12`, the file and the line of the opening fence.
    var name: String
    var arguments: [String]
    var standardInput: String
    var expectedOutput: String
    var expectedError: String
    var expectedStatus: Int32

    var testDescription: String { name }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios")

    /// Every scenario in `Scenarios/*.md`, files in name order, blocks in file order.
    static func all() throws -> [Scenario] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        return try names.flatMap { name in
            try parse(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: name)
        }
    }

    static func parse(_ text: String, file: String) throws -> [Scenario] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var scenarios: [Scenario] = []
        var index = 0
        while index < lines.count {
            guard let fence = fenceLength(lines[index]) else {
                index += 1
                continue
            }
            let opening = index
            index += 1
            var body: [String] = []
            while index < lines.count, !isClosing(lines[index], fence: fence) {
                body.append(lines[index])
                index += 1
            }
            guard index < lines.count else { throw ScenarioError("\(file):\(opening + 1): fence is never closed") }
            index += 1
            if let command = body.first, command.hasPrefix("% ") {
                scenarios.append(try Scenario(block: body, name: "\(file):\(opening + 1)"))
            }
        }
        return scenarios
    }

    private init(block: [String], name: String) throws {
        self.name = name
        let words = try Self.words(String(block[0].dropFirst(2)))
        guard words.first == "planbridge" else { throw ScenarioError("\(name): the command must start with 'planbridge'") }
        arguments = Array(words.dropFirst())
        let rest = block.dropFirst()
        let endOfInput = rest.firstIndex(of: "^D")
        let inputLines = endOfInput.map { rest[..<$0] } ?? []
        let expected = endOfInput.map { rest[($0 + 1)...] } ?? rest
        standardInput = inputLines.map { $0 + "\n" }.joined()
        var output = "", error = "", status: Int32 = 0
        for line in expected {
            if line.hasPrefix("=> ") {
                guard let value = Int32(line.dropFirst(3)) else { throw ScenarioError("\(name): bad exit status line '\(line)'") }
                status = value
            } else if line == "2>" || line.hasPrefix("2> ") {
                error += line.dropFirst(3) + "\n"
            } else {
                output += line + "\n"
            }
        }
        expectedOutput = output
        expectedError = error
        expectedStatus = status
    }

    private static func fenceLength(_ line: String) -> Int? {
        let ticks = line.prefix { $0 == "`" }.count
        return ticks >= 3 ? ticks : nil
    }

    private static func isClosing(_ line: String, fence: Int) -> Bool {
        let ticks = line.prefix { $0 == "`" }.count
        return ticks >= fence && line.dropFirst(ticks).allSatisfy(\.isWhitespace)
    }

    /// Splits a command line as a shell would for plain words and '…' or "…" quoting.
    static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current: String?
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current!.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                current = current ?? ""
            } else if character == " " {
                if let word = current { words.append(word) }
                current = nil
            } else {
                current = (current ?? "") + String(character)
            }
        }
        guard quote == nil else { throw ScenarioError("unterminated quote in '\(line)'") }
        if let word = current { words.append(word) }
        return words
    }
}

struct ScenarioError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
