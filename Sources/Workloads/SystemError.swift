import Foundation

/// The operating system's text for an `errno` value, lowercased to sit inside a message.
///
/// ```swift
/// SystemError.text(ENOSPC)   // "no space left on device"
/// SystemError.text(ELOOP)    // "too many levels of symbolic links"
/// ```
public enum SystemError {
    public static func text(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let s = String(cString: text)
        return s.prefix(1).lowercased() + s.dropFirst()
    }
}
