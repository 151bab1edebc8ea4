import Foundation
import Testing

/// Runs every block of `Scenarios/*.md` against the built executable and compares standard
/// output, standard error and the exit status exactly.
struct ScenarioTests {
    @Test(arguments: try Scenario.all())
    func scenario(_ scenario: Scenario) throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("planbridge-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let substitute = { (text: String) in text.replacingOccurrences(of: "$TMP", with: temporary.path) }

        let outcome = try ExecutableRunner.run(scenario.arguments.map(substitute), input: substitute(scenario.standardInput))

        #expect(outcome.output == substitute(scenario.expectedOutput), "stdout of \(scenario.name)")
        #expect(outcome.error == substitute(scenario.expectedError), "stderr of \(scenario.name)")
        #expect(outcome.status == scenario.expectedStatus, "exit status of \(scenario.name)")
    }

    @Test func scenarioFilesAreFound() throws {
        let scenarios = try Scenario.all()
        #expect(scenarios.count >= 20, "only \(scenarios.count) scenarios found in \(Scenario.folder.path)")
    }
}
