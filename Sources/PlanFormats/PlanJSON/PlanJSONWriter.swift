import PlanModel

// Placeholder replaced by the PlanBridge JSON work in progress (issue 2); kept only so the package builds.
public struct PlanJSONWriter: PlanWriter {
    public init() {}
    public func write(_ plan: Plan, options: WriteOptions) throws(PlanError) -> WriteResult {
        throw PlanError(.unsupportedFormat, Diagnostic(.formatNotWritable, "PlanBridge JSON writing is not built yet"))
    }
}
