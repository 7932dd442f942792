import Bridge
import Foundation
import Support

/// The process exit codes the README promises (sysexits).
///
/// `Comparable` orders by severity, not by number, so `max` of a run's outcomes is its exit status:
/// 64 usage and 75 busy end a run before any work and rank above everything; then the README's
/// "77 > 78 > 73 > 69 > 65 > 1 > 0".
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

    static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.severity < b.severity }
}

extension ExitStatus {
    /// 73 when `error` is a local file or folder that could not be written (ENOSPC, EROFS, EACCES,
    /// ENAMETOOLONG, EDQUOT), however it reached us; nil for anything else.
    static func forLocalFailure(_ error: any Error) -> ExitStatus? {
        let writeErrors = SystemError.localWriteFailures
        if let system = error as? SystemError { return writeErrors[system.errno] != nil ? .cannotWrite : nil }
        if case let .system(system)? = error as? JournalError { return writeErrors[system.errno] != nil ? .cannotWrite : nil }
        var current: NSError? = error as NSError
        while let ns = current {
            if ns.domain == NSPOSIXErrorDomain, writeErrors[Int32(ns.code)] != nil { return .cannotWrite }
            if ns.domain == NSCocoaErrorDomain, [CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileWriteOutOfSpace.rawValue,
                                                 CocoaError.fileWriteVolumeReadOnly.rawValue, CocoaError.fileWriteInvalidFileName.rawValue].contains(ns.code) {
                return .cannotWrite
            }
            current = ns.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return nil
    }
}
