import PlanFormats
import PlanModel
import PlanTestSupport
import PlanValidation
import Testing

/// `Fixtures/validate/` (written by its make-fixtures.py): `clean.plan.json` that no rule objects
/// to, and one plan per rule with the one change that rule must find. Each gives exactly the
/// findings of its golden `<name>.expected.txt`.
struct ValidationFixtureTests {
    static let triggers = Fixtures.cases(in: "validate", suffix: ".plan.json").filter { !$0.hasSuffix("/clean.plan.json") }

    static func plan(_ path: String) throws -> Plan {
        try PlanJSONReader().read(PlanInput(sourceName: path, bytes: try Fixtures.bytes(path)), options: .default).plan
    }

    static func findings(_ path: String) throws -> [Diagnostic] {
        Validator(only: ["semantics"]).validate(try plan(path), source: path).diagnostics
    }

    /// One finding a line: severity, code, entity, message; the golden's format.
    static func lines(_ findings: [Diagnostic]) -> String {
        findings.map { "\($0.severity.rawValue) \($0.code.rawValue) [\($0.entity.map(\.description) ?? "-")] \($0.message)\n" }.joined()
    }

    @Test func everySemanticRuleHasATriggeringFixture() {
        let names = Set(Self.triggers.map { String($0.dropFirst("validate/".count).dropLast(".plan.json".count)) })
        #expect(names == Set(Validator.rules.map(\.name)))
    }

    @Test func theCleanPlanTriggersNoRule() throws {
        #expect(try Self.findings("validate/clean.plan.json").isEmpty)
    }

    @Test(arguments: triggers)
    func eachFixtureFindsItsRuleAndNothingElse(_ path: String) throws {
        let rule = "validate." + path.dropFirst("validate/".count).dropLast(".plan.json".count)
        let found = try Self.findings(path)
        #expect(!found.isEmpty, "\(path) triggered nothing")
        #expect(found.allSatisfy { $0.code.rawValue == rule }, "\(path): \(Self.lines(found))")
        let outcome = Golden.compare(Array(Self.lines(found).utf8), with: path.replacingOccurrences(of: ".plan.json", with: ".expected.txt"))
        #expect(outcome == .matches, "\(outcome)")
    }

    @Test func disabledRulesAreNotRun() throws {
        let plan = try Self.plan("validate/dependency-cycle.plan.json")
        #expect(Validator(only: ["semantics"], disabled: ["dependency-cycle"]).validate(plan, source: "x").diagnostics.isEmpty)
        #expect(Validator(only: ["validate.dependency-cycle"]).validate(plan, source: "x").diagnostics.count == 1)
    }
}
