import Foundation
import Linnworks
import Support

/// Why a whole file, an export or a whole run stopped: one type for every feed, export and command.
///
/// Exists so the path from "something failed" to "what the operator sees" is one value and one
/// mapping (`ExitStatus.init(_:)`): a stable `code` for the exit status and for scripts, the
/// `message` in words, and the `cause` kept for logs and tests. Rows that fail are not errors but
/// data (`RowError`, in the report); this is only for what stops more than a row.
public struct BridgeError: Error, Sendable, CustomStringConvertible {
    /// What kind of stop it is; each has one exit status (`ExitStatus.init(_:)`):
    /// - `fileRejected` (65): the file cannot be used at all (unreadable, empty, no usable header);
    /// - `linnworksUnavailable` (69): Linnworks could not be reached or kept failing; the input stays for the next run;
    /// - `cannotWrite` (73): a local file (report, journal, `.state/`, outbox) could not be written — disk
    ///   full, a read-only folder, a name too long — with the system's own reason; the input stays
    ///   claimed and what Linnworks confirmed is kept, so nothing is lost or sent twice;
    /// - `busy` (75): another linnbridge holds the lock this work needs;
    /// - `credentialsRefused` (77): Linnworks refused the credentials;
    /// - `configuration` (78): the configuration does not fit the account (an unknown location or column).
    public enum Code: String, Sendable, CaseIterable {
        case fileRejected = "file_rejected", linnworksUnavailable = "linnworks_unavailable", cannotWrite = "cannot_write"
        case busy, credentialsRefused = "credentials_refused", configuration
    }

    public let code: Code
    /// The reason in words, without the code's own prefix (see `description`).
    let message: String
    /// The file or folder concerned, when there is one.
    let path: String?
    /// Rows Linnworks confirmed before a `.cannotWrite`, when known (the log says what was applied all the same).
    let applied: Int?
    /// What went wrong underneath (a `LinnworksError`, a `SystemError`), for logs and tests.
    let cause: (any Error & Sendable)?

    init(_ code: Code, _ message: String, path: String? = nil, applied: Int? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.applied = applied
        self.cause = cause
    }

    public var description: String {
        switch code {
        case .fileRejected: return path.map { "\($0): \(message)" } ?? message
        case .linnworksUnavailable: return "Linnworks is unreachable: \(message)"
        case .credentialsRefused: return "Linnworks refused the credentials: \(message)"
        case .configuration: return "configuration: \(message)"
        case .cannotWrite: return path.map { "cannot write \($0): \(message)" } ?? "cannot write: \(message)"
        case .busy: return message
        }
    }

    static func fileRejected(file: String, reason: String) -> BridgeError { BridgeError(.fileRejected, reason, path: file) }
    static func configuration(_ reason: String) -> BridgeError { BridgeError(.configuration, reason) }
    static func cannotWrite(path: String, reason: String, applied: Int? = nil) -> BridgeError {
        BridgeError(.cannotWrite, reason, path: path, applied: applied)
    }

    /// The same stop, now knowing how many rows Linnworks had confirmed.
    func with(applied: Int) -> BridgeError { BridgeError(code, message, path: path, applied: applied, cause: cause) }

    /// What a Linnworks failure means for the whole run: refused credentials, configuration, or an outage.
    init(_ error: LinnworksError) {
        switch error {
        case .authorizationRefused: self.init(.credentialsRefused, error.description, cause: error)
        case .configuration: self.init(.configuration, error.description, cause: error)
        default: self.init(.linnworksUnavailable, error.description, cause: error)
        }
    }

    /// A local file that could not be written, with the system's reason (`ENOSPC`, `EROFS`…) when there is one.
    init(writing error: any Error & Sendable, path: String? = nil) {
        let system = error as? SystemError
        self.init(.cannotWrite, system?.reason ?? "\(error)", path: path ?? system?.path, cause: error)
    }
}

extension BridgeError {
    /// What stopped a command before it could start (the drop folder's lock, its folders):
    /// `.cannotWrite` (73) when it is a local file or folder that could not be written (ENOSPC,
    /// EROFS, EACCES, ENAMETOOLONG, EDQUOT), however it reached us; else `.configuration` (78).
    public init(startingUp error: any Error) {
        self.init(Self.isLocalWriteFailure(error) ? .cannotWrite : .configuration, "\(error)")
    }

    static func isLocalWriteFailure(_ error: any Error) -> Bool {
        let writeErrors = SystemError.localWriteFailures
        if let system = error as? SystemError { return writeErrors[system.errno] != nil }
        if case let .system(system)? = error as? JournalError { return writeErrors[system.errno] != nil }
        var current: NSError? = error as NSError
        while let ns = current {
            if ns.domain == NSPOSIXErrorDomain, writeErrors[Int32(ns.code)] != nil { return true }
            if ns.domain == NSCocoaErrorDomain, [CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileWriteOutOfSpace.rawValue,
                                                 CocoaError.fileWriteVolumeReadOnly.rawValue, CocoaError.fileWriteInvalidFileName.rawValue].contains(ns.code) {
                return true
            }
            current = ns.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return false
    }
}

/// Runs Linnworks calls and turns their failure into what it means for the whole run.
func linnworks<T>(_ body: () async throws(LinnworksError) -> T) async throws(BridgeError) -> T {
    do {
        return try await body()
    } catch {
        throw BridgeError(error)
    }
}
