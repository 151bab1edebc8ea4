import Foundation

/// Locates the repository's `Fixtures/` folder from this source file, so that tests find their
/// inputs wherever the package is cloned and record mode can write goldens into the source tree.
public enum Fixtures {
    /// The package root (the folder holding `Package.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PlanTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    public static let root: URL = packageRoot.appendingPathComponent("Fixtures")

    /// `Fixtures/<relativePath>`.
    public static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }

    /// The files in `Fixtures/<folder>` whose names end in `suffix`, sorted, as paths relative to
    /// `Fixtures/` (stable test-argument names).
    public static func cases(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }
}
