import Foundation
import Synchronization

/// Keeps the input being decoded where a crash or a hang can still save it: a signal
/// handler (traps, segmentation faults, stack overflows, on an alternate stack) and a
/// watchdog thread (one input running over `hangSeconds`) write it to `<folder>/<family>-crash.bin`
/// or `-hang.bin` and exit with `crashExit` or `hangExit`, for the driver to report.
///
/// ```swift
/// FuzzCrashGuard.install(family: "npy", folder: "/tmp/findings")
/// FuzzCrashGuard.begin(input)   // before each decode
/// ```
enum FuzzCrashGuard {
    static let crashExit: Int32 = 97
    static let hangExit: Int32 = 98
    static let hangSeconds = 1.0

    nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    nonisolated(unsafe) static var capacity = 1
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var crashPath: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var hangPath: UnsafeMutablePointer<CChar>? = nil
    /// How many inputs have begun; the watchdog sees a hang when it stops moving.
    static let started = Atomic<Int>(0)

    static func install(family: String, folder: String) {
        crashPath = strdup(folder + "/\(family)-crash.bin")
        hangPath = strdup(folder + "/\(family)-hang.bin")
        let stackSize = 1 << 16
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: stackSize, alignment: 16)
        stack.ss_size = stackSize
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in FuzzCrashGuard.save(FuzzCrashGuard.crashPath, exit: FuzzCrashGuard.crashExit) }
            action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(sig, &action, nil)
        }
        let watchdog = Thread {
            var last = -1
            var since = Date()
            while true {
                Thread.sleep(forTimeInterval: 0.1)
                let now = started.load(ordering: .relaxed)
                if now != last { last = now; since = Date(); continue }
                if now > 0, Date().timeIntervalSince(since) > hangSeconds { save(hangPath, exit: hangExit) }
            }
        }
        watchdog.start()
    }

    /// Record `input` as the one being decoded.
    static func begin(_ input: Data) {
        if input.count > capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: input.count)
            length = 0
            buffer = bigger
            capacity = input.count
        }
        input.copyBytes(to: buffer, count: input.count)
        length = input.count
        started.add(1, ordering: .relaxed)
    }

    /// Write the current input to `path` and leave (async-signal-safe calls only).
    static func save(_ path: UnsafeMutablePointer<CChar>?, exit code: Int32) {
        if let path {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd >= 0 {
                var done = 0
                while done < length {
                    let n = write(fd, buffer + done, length - done)
                    if n <= 0 { break }
                    done += n
                }
                close(fd)
            }
        }
        _exit(code)
    }
}
