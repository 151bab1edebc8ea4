/// Data a reader understood but the model has no field for, keyed by a namespaced name
/// (`mspdi:Task/Hyperlink`, `jira:Sprint`). The value is the source's own text (verbatim XML for
/// MSPDI), so that a round trip through the same format loses nothing. Writers of other formats
/// ignore keys outside their namespace and count them in the loss report.
public typealias Extensions = [String: String]

extension Dictionary where Key == String, Value == String {
    /// The keys whose namespace (the text before the first `:`) is `namespace`.
    public func keys(inNamespace namespace: String) -> [String] {
        keys.filter { $0.hasPrefix(namespace + ":") }.sorted()
    }
}
