/// The version `qarch --version` prints; the one place it is written.
///
/// ```
/// $ qarch --version
/// 0.1.0
/// ```
enum QArchVersion {
    static let current = "0.1.0"
}
