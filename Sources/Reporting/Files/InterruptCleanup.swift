import Foundation

/// Removes the hidden folders a report is being written into when SIGINT or SIGTERM
/// arrives, then exits as the signal would (status 128 + signal number), so Ctrl-C never
/// leaves a half-written report beside the previous one.
///
/// The signals are taken by a dispatch source (not an async-signal handler), which waits
/// for a swap of folders in progress (`swapping`) to finish, so the previous report is
/// either still in place or already replaced by the whole new one.
///
/// ```swift
/// InterruptCleanup.track(fresh)                       // removed if a signal arrives now
/// InterruptCleanup.swapping { rename(…); rename(…) }  // not interrupted halfway
/// InterruptCleanup.untrack(fresh)
/// ```
public enum InterruptCleanup {
    nonisolated(unsafe) private static var paths: Set<String> = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static let sources: [any DispatchSourceSignal] = [SIGINT, SIGTERM].map { sig in
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig, queue: DispatchQueue(label: "qarch.interrupt"))
        source.setEventHandler {
            lock.lock()
            for p in paths { try? FileManager.default.removeItem(atPath: p) }
            _exit(128 + sig)
        }
        source.resume()
        return source
    }

    /// Take SIGINT and SIGTERM from now on (also when they were ignored on entry, as in a
    /// background job): they remove the tracked folders and exit.
    public static func install() { _ = sources }

    /// Remove `path` if the process is interrupted before `untrack(path)`.
    public static func track(_ path: String) {
        _ = sources
        lock.lock(); defer { lock.unlock() }
        paths.insert(path)
    }

    public static func untrack(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.remove(path)
    }

    /// Run `body` (renames that swap folders) without a signal taking effect in its middle.
    public static func swapping<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        _ = sources
        lock.lock(); defer { lock.unlock() }
        return try body()
    }
}
