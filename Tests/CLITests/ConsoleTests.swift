import Foundation
import PlanModel
import Testing

@testable import planbridge

struct ConsoleTests {
    let warning = Diagnostic(.formatExtensionMismatch, "odd extension", at: SourceLocation(file: "plan.xml", line: 3, column: 4))

    @Test func colourWrapsOnlyTheSeverityWordAndKeepsTheRestOfTheDescription() {
        let coloured = Console(standardOutput: MemorySink(), standardError: MemorySink(), usesColour: true)
        #expect(coloured.render(warning) == "plan.xml:3:4: \u{1B}[1;35mwarning:\u{1B}[0m odd extension [format.extension-mismatch]")
        let plain = Console(standardOutput: MemorySink(), standardError: MemorySink(), usesColour: false)
        #expect(plain.render(warning) == warning.description)
    }

    @Test func noColourWhenStandardErrorIsNotATerminalOrNoColorIsSet() {
        // Under `swift test` stderr is a pipe or file, so the live console must not colour even
        // with NO_COLOR unset; and NO_COLOR must win whatever stderr is.
        #expect(!Console.live(environment: [:]).usesColour || isatty(2) == 1)
        #expect(!Console.live(environment: ["NO_COLOR": "1"]).usesColour)
    }

    @Test func usageErrorsGetTheSameColouredErrorWord() {
        let error = MemorySink()
        Console(standardOutput: MemorySink(), standardError: error, usesColour: true).reportUsageError("error: unknown option '--x'\n")
        #expect(error.text == "\u{1B}[1;31merror:\u{1B}[0m unknown option '--x'\n")
    }
}
