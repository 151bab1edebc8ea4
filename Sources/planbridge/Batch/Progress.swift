import Foundation

/// The one line a terminal sees while a batch runs, redrawn in place with `\r`:
/// `[  120/2000]  140.2 files/s  0:13 left`.
struct ProgressLine: Sendable {
    var total: Int

    func render(done: Int, seconds: Double) -> String {
        let width = String(total).count
        let counter = String(repeating: " ", count: max(0, width - String(done).count)) + String(done)
        var text = "[\(counter)/\(total)]"
        if seconds > 0, done > 0 {
            let rate = Double(done) / seconds
            text += "  " + String(format: "%.1f files/s", rate)
            text += "  " + Self.clock((Double(total - done) / rate).rounded(.up)) + " left"
        }
        return "\r" + text + Self.clearToEnd
    }

    /// Erases the progress line so that an ordinary line can be printed in its place.
    static let erase = "\r" + clearToEnd
    private static let clearToEnd = "\u{1B}[K"

    /// `0:13`, `12:05`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.isFinite ? max(0, seconds) : 0)
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let tail = String(format: "%02d", s)
        return h > 0 ? "\(h):" + String(format: "%02d", m) + ":" + tail : "\(m):" + tail
    }
}
