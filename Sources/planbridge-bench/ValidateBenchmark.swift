import Foundation
import PlanFormats
import PlanModel
import PlanTestSupport
import PlanValidation

extension BenchmarkCase {
    /// The generated plan written as MSPDI (not timed). `validateRead` times reading the file;
    /// `validate` times every semantic rule and every DCMA check (two schedules of the plan: the
    /// context's and the critical path test's) on the plan already read; `validateSchema` times
    /// the lenient MSPDI schema over the file's bytes.
    func measureValidate(seed: UInt64, runs: Int) throws -> Measurement {
        let mspdi = try FormatRegistry.builtIn.format(named: "mspdi")
        guard let writer = mspdi.writer, let reader = mspdi.reader else { throw BenchmarkFailure(description: "no MSPDI reader or writer") }
        var bytes: [UInt8] = []
        var plan = Plan()
        do throws(PlanError) {
            bytes = try writer.write(PlanGenerator(seed: seed).plan(tasks: tasks), options: WriteOptions()).bytes
            if operation == .validate { plan = try reader.read(PlanInput(sourceName: "plan.xml", bytes: bytes), options: .default).plan }
        } catch {
            throw BenchmarkFailure(description: "prepare: \(error)")
        }
        guard let schema = XSDSchema.mspdiLenient else { throw BenchmarkFailure(description: "the lenient schema is not bundled") }
        let startKiB = ProcessMemory.currentKiB
        ProcessMemory.resetPeak()
        var best = Double.infinity
        var check = ""
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let elapsed = try clock.measure {
                switch operation {
                case .validate:
                    let report = Validator().validate(plan, source: "plan.xml")
                    check = "\(report.diagnostics.count) findings, \(report.dcma.filter { $0.outcome == .fail }.count) of \(report.dcma.count) DCMA checks failed"
                case .validateSchema:
                    check = "\(XSDValidator(schema: schema).validate(bytes, sourceName: "plan.xml").count) schema findings"
                default:
                    do throws(PlanError) {
                        check = "read \(try reader.read(PlanInput(sourceName: "plan.xml", bytes: bytes), options: .default).plan.tasks.count) tasks"
                    } catch {
                        throw BenchmarkFailure(description: "read: \(error)")
                    }
                }
            }
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return Measurement(bestSeconds: best, fileBytes: bytes.count, peakKiB: ProcessMemory.peakKiB, startKiB: startKiB, check: check)
    }
}
