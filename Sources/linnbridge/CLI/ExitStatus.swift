/// The process exit codes product.md promises (sysexits).
enum ExitStatus: Int32, Error, Sendable, Comparable {
    /// Every row applied.
    case ok = 0
    /// Finished; some rows rejected (report written).
    case rowsRejected = 1
    case usage = 64
    /// A file rejected whole (unreadable, no usable header).
    case fileRejected = 65
    /// Linnworks unreachable after retries; inputs left in place for the next run.
    case unavailable = 69
    /// Another linnbridge is working in this drop folder (its pid is named; nothing was done).
    case busy = 75
    /// Linnworks refused the credentials.
    case authRefused = 77
    /// Configuration error.
    case config = 78

    static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.rawValue < b.rawValue }
}
