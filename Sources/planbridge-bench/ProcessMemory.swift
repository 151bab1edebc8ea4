import Foundation

/// This process's memory as Linux reports it in `/proc/self/status`.
enum ProcessMemory {
    /// Peak resident set size (VmHWM) in KiB, or nil where `/proc` has no such line.
    static var peakKiB: Int? { statusValue("VmHWM:") }

    /// Current resident set size (VmRSS) in KiB.
    static var currentKiB: Int? { statusValue("VmRSS:") }

    /// Lowers the recorded peak to the current size (Linux ≥ 4.0: `5` to `clear_refs`), so that a
    /// peak read later belongs to the work done after this call. False when the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    private static func statusValue(_ key: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            return Int(line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }
}
