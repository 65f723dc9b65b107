import Foundation

/// What this process has used so far: wall time since it started and its peak resident
/// memory, for `--timings` reports (they vary from run to run).
///
/// ```swift
/// ProcessResources.secondsSinceStart()   // 0.043 (Linux: /proc, 10 ms resolution; nil elsewhere)
/// ProcessResources.peakResidentBytes()   // 28_311_552 (getrusage's maximum RSS)
/// ```
enum ProcessResources {
    /// Seconds since the process started (Linux: /proc/self/stat's start time against
    /// /proc/uptime, in clock ticks), or nil where that is not available.
    static func secondsSinceStart() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name "(…)": state is field 3, starttime field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard fields.count > 19, let start = Double(fields[19]), ticks > 0,
              let now = uptime.split(separator: " ").first.flatMap({ Double($0) }) else { return nil }
        return max(0, now - start / ticks)
    }

    /// The process's peak resident set size in bytes (getrusage; Linux reports KiB, macOS bytes).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return usage.ru_maxrss * 1024
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return usage.ru_maxrss
        #endif
    }
}
