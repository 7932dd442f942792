/// How one dropped file ended, for the exit status of `watch --once` and the daemon's back-off.
public enum FileOutcome: Int, Sendable, Comparable {
    case applied = 0
    case duplicate = 2
    case rowsRejected = 1
    case fileRejected = 65
    /// Linnworks could not be reached: the file stays claimed and is tried again.
    case unavailable = 69
    /// A local file could not be written (disk full, read-only folder): the file stays claimed and is tried again.
    case cannotWrite = 73
    case authorizationRefused = 77
    case configuration = 78

    public static func < (a: FileOutcome, b: FileOutcome) -> Bool { a.severity < b.severity }

    /// When one run has several outcomes the most severe wins: 77 > 78 > 73 > 69 > 65 > 1 > 0 (README, exit status).
    private var severity: Int {
        switch self {
        case .applied, .duplicate: return 0
        case .rowsRejected: return 1
        case .fileRejected: return 2
        case .unavailable: return 3
        case .cannotWrite: return 4
        case .configuration: return 5
        case .authorizationRefused: return 6
        }
    }
}
