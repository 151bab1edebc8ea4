import Foundation

/// The real files made by other tools, in `../shared/corpus`, named by `PLANBRIDGE_CORPUS`.
/// They are never copied into the repository.
public enum Corpus {
    public enum Availability: Sendable {
        /// The variable is not set: corpus tests are skipped (with this message).
        case notConfigured(String)
        /// The variable names a folder that does not exist: corpus tests must fail.
        case missing(String)
        case available(URL)
    }

    public static var availability: Availability {
        guard let path = ProcessInfo.processInfo.environment["PLANBRIDGE_CORPUS"], !path.isEmpty else {
            return .notConfigured("PLANBRIDGE_CORPUS is not set; corpus tests skipped")
        }
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: path, relativeTo: Fixtures.packageRoot).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .missing("PLANBRIDGE_CORPUS=\(path) does not name a folder (resolved: \(url.path))")
        }
        return .available(url)
    }

    public static var isConfigured: Bool {
        if case .notConfigured = availability { return false }
        return true
    }

    /// The files of one corpus folder (`mspdi`, `jira`, `ical`) ending in `suffix`, sorted by name;
    /// empty when not configured. Throws when configured but missing, so the test fails loudly.
    public static func files(in folder: String, suffix: String) throws -> [URL] {
        switch availability {
        case .notConfigured: return []
        case .missing(let message): throw CorpusError(message: message)
        case .available(let root):
            let dir = root.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
                throw CorpusError(message: "corpus folder \(dir.path) is missing")
            }
            return names.filter { $0.hasSuffix(suffix) }.sorted().map { dir.appendingPathComponent($0) }
        }
    }

    public struct CorpusError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
