import Foundation
import Support

/// The process exit codes (sysexits), and how a file, an export or a run ended.
///
/// Exists as the one outcome type of the watcher and every command, so a failure reaches its exit
/// status through one `switch` (`init(_ code:)`). `Comparable` orders by severity, not by number,
/// so `max` of a run's outcomes is its exit status: 64 usage and 75 busy end a run before any work
/// and rank above everything; then 77 > 78 > 73 > 69 > 65 > 1 > 0.
public enum ExitStatus: Int32, Error, Sendable, Comparable {
    /// Every row applied.
    case ok = 0
    /// Finished; some rows rejected (report written).
    case rowsRejected = 1
    case usage = 64
    /// A file rejected whole (unreadable, no usable header).
    case fileRejected = 65
    /// Linnworks unreachable after retries; inputs left in place for the next run.
    case unavailable = 69
    /// A local file could not be written (disk full, read-only folder); the input stays claimed.
    case cannotWrite = 73
    /// Another linnbridge is working in this drop folder (its pid is named; nothing was done).
    case busy = 75
    /// Linnworks refused the credentials.
    case authRefused = 77
    /// Configuration error.
    case config = 78

    /// Higher is more severe.
    var severity: Int {
        switch self {
        case .ok: return 0
        case .rowsRejected: return 1
        case .fileRejected: return 2
        case .unavailable: return 3
        case .cannotWrite: return 4
        case .config: return 5
        case .authRefused: return 6
        case .busy: return 7
        case .usage: return 8
        }
    }

    public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.severity < b.severity }
}

extension ExitStatus {
    /// The exit status of each kind of stop: the one place a failure becomes a number.
    public init(_ code: BridgeError.Code) {
        switch code {
        case .fileRejected: self = .fileRejected
        case .linnworksUnavailable: self = .unavailable
        case .credentialsRefused: self = .authRefused
        case .configuration: self = .config
        case .cannotWrite: self = .cannotWrite
        case .busy: self = .busy
        }
    }

    public init(_ error: BridgeError) { self.init(error.code) }

    /// A finished file's status: 1 when rows were rejected (a report written), else 0.
    public init(rejectedRows: Int) { self = rejectedRows > 0 ? .rowsRejected : .ok }

}
