/// What a writer could not carry into its format, counted by kind: "3 calendars dropped",
/// "5 SS/FF links written as FS". Empty means nothing was lost.
public struct LossReport: Hashable, Sendable, CustomStringConvertible {
    public struct Item: Hashable, Sendable {
        /// Stable key, e.g. `calendars`, `dependency-types`.
        public var kind: String
        public var count: Int
        /// What happened to them, in words: "dropped", "written as FS".
        public var detail: String

        public init(kind: String, count: Int, detail: String) {
            self.kind = kind
            self.count = count
            self.detail = detail
        }
    }

    public private(set) var items: [Item] = []

    public init() {}

    /// Adds `count` (ignored when 0) to the item of this kind and detail.
    public mutating func record(_ kind: String, count: Int = 1, _ detail: String) {
        guard count != 0 else { return }
        if let i = items.firstIndex(where: { $0.kind == kind && $0.detail == detail }) {
            items[i].count += count
        } else {
            items.append(Item(kind: kind, count: count, detail: detail))
        }
    }

    public var isEmpty: Bool { items.isEmpty }

    public var description: String {
        items.map { "\($0.count) \($0.kind) \($0.detail)" }.joined(separator: "; ")
    }
}
