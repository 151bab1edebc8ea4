import PlanModel

/// Writes a `Plan` as PlanBridge JSON (format version 1, `schemas/plan.schema.json`).
///
/// The output is canonical: the same plan always gives the same bytes, and reading them back gives
/// a plan equal to the original (`==`). The rules that make that hold:
/// - keys appear in the order the model declares its fields; dictionary keys (custom fields,
///   extensions) sorted by their UTF-8 bytes, weekdays from Sunday to Saturday;
/// - an optional field is omitted when nil, an array or dictionary when empty (the top-level
///   arrays and `extensions` are always written), a lag when it is exactly `Lag.zero`;
/// - a Boolean is written only when it differs from the model's default (`isActive` only when
///   false, `isManuallyScheduled` only when true, …); every other field is always written;
/// - numbers that are counts are JSON integers; `Double`s are printed in their shortest form that
///   reads back identically; NaN and infinities are refused (`json.non-finite-number`);
/// - amounts are decimal strings so that no JSON tool turns them into floating point.
public struct PlanJSONWriter: PlanWriter {
    /// The format version this writer produces.
    public static let formatVersion = 1

    public init() {}

    public func write(_ plan: Plan, options: WriteOptions) throws(PlanError) -> WriteResult {
        var printer = PlanJSONPrinter(capacityHint: PlanJSONPrinter.estimatedSize(of: plan))
        do {
            try printer.print(plan)
        } catch {
            throw PlanError(.writeFailed, error.diagnostic)
        }
        return WriteResult(bytes: printer.out.bytes)
    }
}

/// A Double that JSON cannot hold, with the JSON path where it was found (built while unwinding).
struct NonFiniteNumber: Error {
    var value: Double
    var path: [String]
    var entity: EntityRef?

    func inside(_ component: String, entity: EntityRef? = nil) -> NonFiniteNumber {
        NonFiniteNumber(value: value, path: [component] + path, entity: self.entity ?? entity)
    }

    var diagnostic: Diagnostic {
        let location = "$" + path.joined()
        return Diagnostic(
            .jsonNonFiniteNumber,
            "\(value) cannot be written as JSON (PlanBridge JSON holds finite numbers only)",
            at: SourceLocation(path: location), entity: entity)
    }

    /// `.name` or `["odd key"]`, as JSON paths in diagnostics spell members.
    static func member(_ name: String) -> String {
        JSONPathText.member(name)
    }
}
