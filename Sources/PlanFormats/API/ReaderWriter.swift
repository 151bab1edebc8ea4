import PlanModel

/// Turns one input's bytes into plans. Readers never print, never touch files and never schedule;
/// recoverable problems become diagnostics, fatal ones a thrown `PlanError`.
public protocol PlanReader: Sendable {
    func read(_ input: PlanInput, options: ReadOptions) throws(PlanError) -> ReadResult
}

/// Turns a plan into bytes and says what the format could not hold.
public protocol PlanWriter: Sendable {
    func write(_ plan: Plan, options: WriteOptions) throws(PlanError) -> WriteResult
}

public struct ReadResult: Sendable {
    /// Usually one; a format that can hold several schedules (several VCALENDARs) returns them all.
    public var plans: [Plan]
    public var diagnostics: [Diagnostic]

    public init(plans: [Plan], diagnostics: [Diagnostic] = []) {
        self.plans = plans
        self.diagnostics = diagnostics
    }

    public init(plan: Plan, diagnostics: [Diagnostic] = []) {
        self.init(plans: [plan], diagnostics: diagnostics)
    }

    /// The first plan; readers always return at least one.
    public var plan: Plan { plans[0] }
}

public struct WriteResult: Sendable {
    public var bytes: [UInt8]
    public var loss: LossReport
    public var diagnostics: [Diagnostic]

    public init(bytes: [UInt8], loss: LossReport = LossReport(), diagnostics: [Diagnostic] = []) {
        self.bytes = bytes
        self.loss = loss
        self.diagnostics = diagnostics
    }
}
