import PlanModel

// Placeholder replaced by the PlanBridge JSON work in progress (issue 2); kept only so the package builds.
public struct PlanJSONReader: PlanReader {
    public init() {}
    public func read(_ input: PlanInput, options: ReadOptions) throws(PlanError) -> ReadResult {
        throw PlanError(.unsupportedFormat, Diagnostic(.formatNotReadable, "PlanBridge JSON reading is not built yet"))
    }
}
