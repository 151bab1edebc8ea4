/// A saved copy of planned values (MS Project's Baseline 0–10). Every field is optional because
/// sources save only what was set; resources and assignments use the subset that applies.
public struct Baseline: Hashable, Sendable {
    /// 0 is "Baseline", 1–10 are "Baseline1" … "Baseline10".
    public var number: Int
    public var start: CivilDateTime?
    public var finish: CivilDateTime?
    public var duration: WorkDuration?
    public var work: WorkDuration?
    public var cost: Amount?

    public init(number: Int, start: CivilDateTime? = nil, finish: CivilDateTime? = nil, duration: WorkDuration? = nil, work: WorkDuration? = nil, cost: Amount? = nil) {
        self.number = number
        self.start = start
        self.finish = finish
        self.duration = duration
        self.work = work
        self.cost = cost
    }

    public static let numbers = 0...10
}
