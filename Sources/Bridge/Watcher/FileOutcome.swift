/// How one dropped file ended, for the exit status of `watch --once` and the daemon's back-off.
public enum FileOutcome: Int, Sendable, Comparable {
    case applied = 0
    case duplicate = 2
    case rowsRejected = 1
    case fileRejected = 65
    /// Linnworks could not be reached: the file stays claimed and is tried again.
    case unavailable = 69
    case authorizationRefused = 77
    case configuration = 78

    public static func < (a: FileOutcome, b: FileOutcome) -> Bool { a.severity < b.severity }

    private var severity: Int { self == .duplicate ? 0 : rawValue }
}
