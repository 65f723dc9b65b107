import Foundation

/// A one-line progress bar on stderr, redrawn at most every 0.1 s; silent when disabled
/// (stderr not a terminal), so logs and pipes never get control characters.
///
/// ```swift
/// let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0, label: "points")
/// bar.update(10, of: 100); bar.finish()
/// ```
final class ProgressBar: @unchecked Sendable {
    let enabled: Bool
    let label: String
    // Guarded by `lock`.
    private var last = Date.distantPast, drawn = false
    private let lock = NSLock()

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(last) >= 0.1 else { return }
            last = now
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            Console.writeError("\r[\(bar)] \(done)/\(total) \(label)")
            drawn = true
        }
    }

    func finish() {
        lock.withLock { if drawn { Console.writeError("\n") } }
    }
}
