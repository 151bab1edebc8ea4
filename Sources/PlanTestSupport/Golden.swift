import Foundation

/// Byte-for-byte comparison with golden files under `Fixtures/`. With `PLANBRIDGE_RECORD=1` the
/// golden is rewritten and the check still fails, so that a recorded golden is always reviewed
/// in the diff before it is trusted (as pandoc's `--accept` and ArgumentParser's snapshots).
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["PLANBRIDGE_RECORD"] == "1" }

    public enum Outcome: Equatable, Sendable {
        case matches
        /// The message says where the first difference is.
        case differs(String)
        case recorded(String)
    }

    /// Compares `actual` with `Fixtures/<relativePath>`; records it in record mode or when missing.
    public static func compare(_ actual: [UInt8], with relativePath: String) -> Outcome {
        let url = Fixtures.url(relativePath)
        let expected = try? Data(contentsOf: url)
        if isRecording || expected == nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual).write(to: url)
            return .recorded("recorded new golden \(relativePath); review it and run again without PLANBRIDGE_RECORD")
        }
        let expectedBytes = [UInt8](expected!)
        if expectedBytes == actual { return .matches }
        return .differs(firstDifference(expected: expectedBytes, actual: actual, name: relativePath))
    }

    /// "golden x differs at line 12: expected `…` got `…`".
    static func firstDifference(expected: [UInt8], actual: [UInt8], name: String) -> String {
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end of file>"
            let al = i < a.count ? String(a[i]) : "<end of file>"
            if el != al {
                return "golden \(name) differs at line \(i + 1):\n  expected: \(el)\n  actual:   \(al)\n(PLANBRIDGE_RECORD=1 rewrites it)"
            }
        }
        return "golden \(name) differs (line endings or trailing bytes)"
    }
}
