import Foundation
import Support
import Synchronization

/// Takes one ready file through the drop folder: claim, run its feed, and put it where it belongs.
///
/// Exists so that at every moment a file is in exactly one place — the inbox, claimed in
/// `.state/claimed/`, the archive, or `errors/` — and nothing is ever deleted or overwritten:
/// claiming is a rename, a name already taken gets `-2`, `-3`…, and a crash at any point leaves
/// the file claimed for the next start to finish.
struct FileProcessor: Sendable {
    enum ClaimFailure: Error {
        /// The claim record could not be written (a full or read-only `.state/`).
        case cannotWrite
        /// The rename did not happen (the file went away, or the inbox refused).
        case renameFailed
    }

    let folder: DropFolder
    let runners: [FeedKind: FeedRunner]
    let ledger: ProcessedLedger
    let skipsDuplicates: Bool
    let settleSeconds: Double
    let shutdown: ShutdownSignal
    let logger: Logger

    /// Moves `inbox/name` into `.state/claimed/<kind>/<sequence>.<ext>`, its record written first.
    /// Fails when the rename failed (the file stays in the inbox and is tried again when next seen);
    /// a claim record `.state/` has no room for is `.cannotWrite` (73), the file untouched in the inbox.
    func claim(_ name: RawFileName, in inbox: String, kind: FeedKind, sequence: UInt64,
               arrival: Double) -> Result<ClaimedFile, ClaimFailure> {
        let shown = name.displayName
        let directory = folder.claimed(kind)
        let ext = name.lowercasedExtension
        let dataPath = directory + "/" + String(sequence) + "." + (ext.allSatisfy { $0.isLetter && $0.isASCII } && !ext.isEmpty ? ext : "dat")
        let record = ClaimedFile.Record(sequence: sequence, kind: kind, name: shown,
                                        rawNameHex: name.isUTF8 ? nil : name.bytes.map { String(format: "%02x", $0) }.joined(),
                                        arrival: arrival, identity: linkStatus(inbox, name).map(FileIdentity.init))
        let claimed = ClaimedFile(path: dataPath, record: record)
        do {
            let data = try JSONEncoder().encode(record)
            let file = try AtomicFile(destination: claimed.recordPath)
            try file.write(data)
            try file.commit()
        } catch {
            logger.error("file.cannot_write", ["file.name": shown, "path": claimed.recordPath,
                                               "reason": "its claim record cannot be written: \(Self.reason(error))",
                                               "hint": "free space in .state/; the file waits in the inbox"])
            return .failure(.cannotWrite)
        }
        guard renameRaw(inbox, name, to: dataPath) else {
            let reason = String(cString: strerror(errno))
            unlink(claimed.recordPath)
            logger.warning("file.claim_failed", ["file.name": shown, "reason": reason])
            return .failure(.renameFailed)
        }
        logger.info("file.claimed", ["file.name": shown, "kind": kind.rawValue])
        return .success(claimed)
    }

    /// Runs the feed on a claimed file and archives it, rejects it, or leaves it claimed (Linnworks down).
    ///
    /// The file is opened once per attempt: that open answers what kind of file it is and whether
    /// a writer still holds it, and serves the feed's passes; its first pass hashes it, for the
    /// ledger of files done and the cursor of rows confirmed. The file's identity is taken before
    /// each attempt and compared after it: a file that changed meanwhile (an upload still going, a
    /// truncation) is waited on until it settles and read again, the rows an earlier attempt applied
    /// over a still-unchanged start skipped, so every row of the final file is applied once and the
    /// report describes the final file.
    func process(_ claimed: ClaimedFile, kind: FeedKind) async -> ExitStatus {
        let name = claimed.name
        if let refusal = refusalByName(of: claimed) {
            return reject(claimed, hash: nil, kind: kind, reason: refusal)
        }
        guard let runner = runners[kind] else { return .config }
        guard var identity = FileIdentity(path: claimed.path) else {
            return reject(claimed, hash: nil, kind: kind, reason: "cannot be read: \(String(cString: strerror(errno)))")
        }
        var calls = 0
        var attempts = 0
        var earlier: AppliedRows?
        while true {
            attempts += 1
            let source: FeedSource
            do {
                source = try FeedSource(path: claimed.path, name: name, byteLimit: identity.size)
            } catch {
                return reject(claimed, hash: nil, kind: kind, reason: error.message)
            }
            if let refusal = refusal(of: source) {
                return reject(claimed, hash: nil, kind: kind, reason: refusal)
            }
            let report = claimed.attemptReportPath(attempts)
            let cursor = Mutex<AppliedCursor?>(nil)
            let attempt = FeedAttempt(resume: { [ledger, skipsDuplicates, logger, attempts, earlier] content in
                if attempts == 1, skipsDuplicates, ledger.contains(String(content.contentHash, radix: 16)) { return .stop }
                guard attempts == 1 else {
                    // The cursor describes whole files; rows verified only up to a prefix are not carried over a restart.
                    let fresh = AppliedCursor(path: claimed.cursorPath, size: content.bytes, hash: content.contentHash)
                    cursor.withLock { $0 = fresh }
                    return .proceed(earlier: earlier, confirmed: { fresh.record($0) })
                }
                // Rows an earlier run confirmed before it was stopped or killed, while the file is byte for byte the same.
                let resumed = AppliedCursor.resume(path: claimed.cursorPath, size: content.bytes, hash: content.contentHash,
                                                   fileName: name, logger: logger)
                cursor.withLock { $0 = resumed.cursor }
                return .proceed(earlier: resumed.earlier, confirmed: resumed.confirmed)
            })
            let summary: FeedSummary
            do {
                summary = try await runner(source, reportPath: report, attempt: attempt)
            } catch {
                switch error.code {
                case .fileRejected:
                    return reject(claimed, hash: nil, kind: kind, reason: error.message)
                case .linnworksUnavailable, .busy:
                    logger.error("file.retry_later", ["file.name": name, "reason": error.description])
                case .credentialsRefused:
                    logger.error("linnworks.auth_refused", ["reason": error.description])
                case .configuration:
                    logger.error("config.error", ["file.name": name, "reason": error.description])
                case .cannotWrite:
                    logCannotWrite(claimed, path: error.path ?? folder.state, reason: error.message, applied: error.applied, rejected: nil)
                }
                return ExitStatus(error)
            }
            let content = summary.content ?? PrefixCheckpoints(expectedBytes: 0)
            let hash = String(content.contentHash, radix: 16)
            if summary.stopped {
                logger.notice("file.duplicate", ["file.name": name, "reason": "the same content was already processed"])
                do {
                    try archive(claimed)
                } catch {
                    return logCannotWrite(claimed, path: folder.archive, reason: error.reason, applied: nil, rejected: nil)
                }
                return .ok
            }
            calls += summary.apiCalls
            var now = FileIdentity(path: claimed.path)
            if now == identity, isStillBeingWritten(source) {
                // Renamed in (or taken after a stall) while its writer still goes on: wait for it.
                now = await waitUntilSettled(claimed.path)
            }
            if now == identity || attempts >= 20 {
                var final = summary
                final.file = name
                final.apiCalls = calls
                let outcome = finish(claimed, summary: final, hash: hash, kind: kind)
                if outcome != .cannotWrite { cursor.withLock { $0?.remove() } }
                return outcome
            }
            // Changed while or after it was read: this attempt's report describes a file that is gone.
            unlink(report)
            logger.warning("file.changed", ["file.name": name, "reason": "it changed while it was read; reading it again once it has settled",
                                            "rows.applied": String(summary.applied)])
            guard let settled = await waitUntilSettled(claimed.path) else {
                logger.notice("file.left_claimed", ["file.name": name, "reason": "stopping before it settled; it is read again on the next start"])
                return .unavailable
            }
            do {
                earlier = AppliedRows(lines: summary.appliedLines, verifiedThrough: try content.verifiedPrefix(of: claimed.path))
            } catch {
                return reject(claimed, hash: nil, kind: kind, reason: "cannot be read: \(error)")
            }
            identity = settled
        }
    }

    /// Publishes the final attempt's report, remembers the content, archives the file.
    ///
    /// A report that cannot be published leaves the file claimed (73) with its confirmed rows in the
    /// cursor: the next attempt sends nothing again and writes the report once there is room. The
    /// ledger says "applied, report pending", which is never taken for a duplicate.
    private func finish(_ claimed: ClaimedFile, summary: FeedSummary, hash: String, kind: FeedKind) -> ExitStatus {
        var summary = summary
        if let written = summary.reportPath {
            do {
                summary.reportPath = try DropFolder.move(written, into: folder.errors, name: claimed.name, suffix: ".errors.csv")
            } catch {
                unlink(written)
                record(hash, name: claimed.name, kind: kind, outcome: ProcessedLedger.reportPending)
                return logCannotWrite(claimed, path: folder.errors, reason: Self.reason(error), applied: summary.applied, rejected: summary.rejected)
            }
        }
        logger.info("file.done", summary.logMetadata(mode: .apply))
        // Remembered before the move: if archive/ cannot be written, the next attempt finds the file
        // done (a duplicate of itself) and only archives it.
        record(hash, name: claimed.name, kind: kind, outcome: summary.rejected > 0 ? "rows rejected" : "applied")
        do {
            try archive(claimed)
        } catch {
            return logCannotWrite(claimed, path: folder.archive, reason: error.reason, applied: summary.applied, rejected: summary.rejected)
        }
        return ExitStatus(rejectedRows: summary.rejected)
    }

    /// Leaves the file claimed because a local write failed, saying what was applied all the same.
    @discardableResult
    private func logCannotWrite(_ claimed: ClaimedFile, path: String, reason: String, applied: Int?, rejected: Int?) -> ExitStatus {
        let hint = "free space or fix the folder's permissions; the file stays claimed and is finished on the next attempt"
        if let applied {
            logger.error("file.cannot_write", ["file.name": claimed.name, "path": path, "reason": reason, "rows.applied": String(applied),
                                               "rows.rejected": rejected.map(String.init) ?? "not yet known", "hint": hint])
        } else {
            logger.error("file.cannot_write", ["file.name": claimed.name, "path": path, "reason": reason, "hint": hint])
        }
        return .cannotWrite
    }

    static func reason(_ error: Error) -> String {
        (error as? SystemError)?.reason ?? "\(error)"
    }

    /// Whether a writer may still be at work: it holds the file open for writing, or wrote it
    /// less than the settle time ago.
    private func isStillBeingWritten(_ source: FeedSource) -> Bool {
        if source.isOpenForWriting() == true { return true }
        guard let identity = FileIdentity(path: source.path) else { return false }
        let age = Date().timeIntervalSince1970 - Double(identity.modified) / 1e9
        return age < settleSeconds
    }

    /// Waits until the file's identity has held for the settle time and no local process holds
    /// it open for writing; nil when shutdown came first.
    private func waitUntilSettled(_ path: String) async -> FileIdentity? {
        var last = FileIdentity(path: path)
        var since = ContinuousClock.now
        while !shutdown.isRequested {
            try? await Task.sleep(for: .milliseconds(100))
            let now = FileIdentity(path: path)
            if now != last {
                last = now
                since = .now
            } else if ContinuousClock.now - since >= .milliseconds(Int(settleSeconds * 1000)), let now, isOpenForWriting(path) != true {
                return now
            }
        }
        return nil
    }

    /// Why a claimed file is not read at all, before it is opened: a spreadsheet, a link out of the drop folder.
    private func refusalByName(of claimed: ClaimedFile) -> String? {
        let ext = URL(fileURLWithPath: claimed.name).pathExtension.lowercased()
        if DropFolder.spreadsheetExtensions.contains(ext) {
            return "it is a spreadsheet (.\(ext)); save it from Excel or LibreOffice as CSV (UTF-8) and drop that file instead"
        }
        if let target = symlinkTargetOutsideRoot(claimed.path) {
            return "it is a link to \(target), outside the drop folder; links are not followed out of it"
        }
        return nil
    }

    /// Why an opened file is not read: anything but a regular file with one link. The open did not
    /// block, so a FIFO never holds the feed.
    private func refusal(of source: FeedSource) -> String? {
        let info: stat
        do {
            info = try source.status()
        } catch {
            return "cannot be read: \(Self.reason(error))"
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if info.st_nlink > 1 {
                return "cannot be read: it has \(info.st_nlink) hard links; only files with one link are read, since a hard link could expose a file the uploader cannot read"
            }
            return nil
        case S_IFDIR: return "cannot be read: it is a folder, not a file"
        case S_IFIFO: return "cannot be read: it is a FIFO (named pipe), not a regular file"
        case S_IFSOCK: return "cannot be read: it is a socket, not a regular file"
        case S_IFCHR, S_IFBLK: return "cannot be read: it is a device, not a regular file"
        default: return "cannot be read: it is not a regular file"
        }
    }

    /// Where a symbolic link leads, when that is outside the drop folder (nil for files and links inside).
    private func symlinkTargetOutsideRoot(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: folder.root).resolvingSymlinksInPath().path
        return target.hasPrefix(root + "/") ? nil : target
    }

    private func record(_ hash: String, name: String, kind: FeedKind, outcome: String) {
        do {
            try ledger.record(hash: hash, name: name, kind: kind, outcome: outcome)
        } catch {
            logger.warning("ledger.write_failed", ["file.name": name, "reason": error.description])
        }
    }

    /// Moves the file into `archive/<date>/`.
    private func archive(_ claimed: ClaimedFile) throws(SystemError) {
        let day = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let folder = self.folder.archive + "/" + day
        do {
            try createFolder(folder)
            let destination = try DropFolder.move(claimed.path, into: folder, name: claimed.name)
            unlink(claimed.recordPath)
            unlink(claimed.cursorPath)
            logger.info("file.archived", ["file.name": claimed.name, "path": destination])
        } catch {
            logger.error("file.archive_failed", ["file.name": claimed.name, "path": folder, "reason": error.reason])
            throw error
        }
    }

    /// `mkdir -p` that keeps the system's reason (EROFS, EACCES, ENOSPC) instead of Foundation's paraphrase.
    private func createFolder(_ path: String) throws(SystemError) {
        var partial = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            partial += (partial.isEmpty && component.isEmpty) ? "/" : (partial.hasSuffix("/") || partial.isEmpty ? "" : "/") + component
            guard !component.isEmpty else { continue }
            if mkdir(partial, 0o755) != 0, errno != EEXIST { throw SystemError(call: "mkdir", errno: errno, path: partial) }
        }
    }

    private func reject(_ claimed: ClaimedFile, hash: String?, kind: FeedKind, reason: String) -> ExitStatus {
        let name = claimed.name
        do {
            try createFolder(folder.errors)
            let destination = try DropFolder.move(claimed.path, into: folder.errors, name: name)
            unlink(claimed.recordPath)
            unlink(claimed.cursorPath)
            let shown = URL(fileURLWithPath: destination).lastPathComponent
            _ = try? DropFolder.publish("\(name) was not processed: \(reason)\n", into: folder.errors, name: shown, suffix: ".reason.txt")
            logger.error("file.rejected", ["file.name": name, "reason": reason, "path": destination])
        } catch {
            // Not moved: it stays claimed and is rejected again (with its reason) once errors/ can be written.
            return logCannotWrite(claimed, path: folder.errors, reason: "rejecting it: " + Self.reason(error), applied: nil, rejected: nil)
        }
        if let hash { record(hash, name: name, kind: kind, outcome: "rejected") }
        return .fileRejected
    }
}
