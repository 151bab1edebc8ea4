import Testing

/// The scenario format itself, so that a mistake in a scenario file cannot pass unnoticed.
struct ScenarioParsingTests {
    @Test func blockSplitsIntoCommandInputOutputErrorAndStatus() throws {
        let text = """
            Some prose.

            ```
            % planbridge convert - - --from json --to 'plan json'
            {"a": 1}
            ^D
            out 1
            2> err 1
            out 2
            => 3
            ```

            ```swift
            let notAScenario = true
            ```
            """
        let scenarios = try Scenario.parse(text, file: "example.md")
        #expect(scenarios.count == 1)
        let scenario = try #require(scenarios.first)
        #expect(scenario.name == "example.md:3")
        #expect(scenario.arguments == ["convert", "-", "-", "--from", "json", "--to", "plan json"])
        #expect(scenario.standardInput == "{\"a\": 1}\n")
        #expect(scenario.expectedOutput == "out 1\nout 2\n")
        #expect(scenario.expectedError == "err 1\n")
        #expect(scenario.expectedStatus == 3)
    }

    @Test func statusDefaultsToZeroAndInputToNothing() throws {
        let scenario = try #require(try Scenario.parse("```\n% planbridge --version\n^D\nplanbridge 0.1.0\n```\n", file: "v.md").first)
        #expect(scenario.standardInput == "")
        #expect(scenario.expectedStatus == 0)
        #expect(scenario.expectedOutput == "planbridge 0.1.0\n")
    }

    @Test func malformedFilesAreErrorsNotSilentlySkipped() {
        #expect(throws: ScenarioError.self) { try Scenario.parse("```\n% planbridge --version\n", file: "open.md") }
        #expect(throws: ScenarioError.self) { try Scenario.parse("```\n% pandoc -f csv\n^D\n```\n", file: "other.md") }
        #expect(throws: ScenarioError.self) { try Scenario.parse("```\n% planbridge info\n^D\n=> three\n```\n", file: "status.md") }
    }
}
