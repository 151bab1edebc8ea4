/// A person, machine, material or cost that tasks use.
public struct Resource: Hashable, Sendable, Identifiable {
    public var id: ResourceID
    public var displayID: Int?
    public var name: String
    public var initials: String?
    public var type: ResourceType
    /// The unit of a material resource ("t", "m³").
    public var materialLabel: String?
    public var email: String?
    public var group: String?
    /// 1.0 = 100 %.
    public var maxUnits: Double?
    public var standardRate: Rate?
    public var overtimeRate: Rate?
    public var costPerUse: Amount?
    public var calendar: CalendarID?
    public var notes: String?
    public var baselines: [Baseline]
    public var customFields: CustomFields
    public var extensions: Extensions

    public init(
        id: ResourceID, displayID: Int? = nil, name: String, initials: String? = nil, type: ResourceType = .work,
        materialLabel: String? = nil, email: String? = nil, group: String? = nil, maxUnits: Double? = nil,
        standardRate: Rate? = nil, overtimeRate: Rate? = nil, costPerUse: Amount? = nil, calendar: CalendarID? = nil,
        notes: String? = nil, baselines: [Baseline] = [], customFields: CustomFields = [:], extensions: Extensions = [:]
    ) {
        self.id = id
        self.displayID = displayID
        self.name = name
        self.initials = initials
        self.type = type
        self.materialLabel = materialLabel
        self.email = email
        self.group = group
        self.maxUnits = maxUnits
        self.standardRate = standardRate
        self.overtimeRate = overtimeRate
        self.costPerUse = costPerUse
        self.calendar = calendar
        self.notes = notes
        self.baselines = baselines
        self.customFields = customFields
        self.extensions = extensions
    }
}

public enum ResourceType: String, CaseIterable, Hashable, Sendable {
    case work, material, cost
}
