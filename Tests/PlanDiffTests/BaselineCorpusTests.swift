import Foundation
import PlanDiff
import PlanFormats
import PlanModel
import PlanTestSupport
import Testing

/// The `task-baselines` files saved by Microsoft Project: `diff --baseline` must give the Start and
/// Finish variances Project stored. The reader keeps those fields verbatim as extensions
/// (`mspdi:StartVariance`, tenths of a working minute), which is what is compared here.
struct BaselineCorpusTests {
    static let files: [URL] = ((try? Corpus.files(in: "mspdi", suffix: ".xml")) ?? [])
        .filter { $0.lastPathComponent.hasPrefix("task-baselines") }

    @Test func filesAreThereWhenConfigured() throws {
        guard Corpus.isConfigured else { return }
        #expect(Self.files.count >= 3)
    }

    @Test(arguments: files)
    func variancesAgreeWithMicrosoftProject(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        let plan = try MSPDIReader().read(PlanInput(sourceName: file.lastPathComponent, data: data), options: .default).plan
        let report = PlanDiffer(DiffOptions(comparesCriticalPath: false)).diff(baseline: plan.baselinePlan(0), current: plan)
        var compared = 0
        for task in plan.tasks {
            for (field, kind) in [("StartVariance", ChangeKind.startSlip), ("FinishVariance", .finishSlip)] {
                guard let stored = Self.stored(field, in: task) else { continue }
                let slip = report.changes.first { $0.kind == kind && $0.id == task.id.rawValue }?.slip
                #expect((slip?.workingMinutes ?? 0) * 10 == stored, "\(file.lastPathComponent) task \(task.id) \(field): stored \(stored), diff \(String(describing: slip))")
                compared += 1
            }
        }
        #expect(compared > 0)
    }

    /// `<FinishVariance>5803200</FinishVariance>` → 5803200.
    static func stored(_ field: String, in task: PlanTask) -> Int? {
        guard let text = task.extensions["mspdi:" + field] else { return nil }
        let digits = text.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
        return Int(digits)
    }
}
