import Foundation

/// The bytes of one input and the name used in diagnostics. Readers get bytes, never paths: files,
/// stdin and memory maps belong to the caller.
public struct PlanInput: Sendable {
    /// How the input is named in locations (`plan.xml`, `<stdin>`).
    public var sourceName: String
    /// `Data` so that large files can be memory-mapped by the caller instead of copied.
    public var data: Data

    public init(sourceName: String, data: Data) {
        self.sourceName = sourceName
        self.data = data
    }

    public init(sourceName: String, bytes: some Sequence<UInt8>) {
        self.init(sourceName: sourceName, data: Data(bytes))
    }

    public init(sourceName: String, text: String) {
        self.init(sourceName: sourceName, data: Data(text.utf8))
    }

    public var count: Int { data.count }

    /// Up to `maxLength` leading bytes, for sniffing.
    public func prefix(_ maxLength: Int) -> [UInt8] { [UInt8](data.prefix(maxLength)) }
}
