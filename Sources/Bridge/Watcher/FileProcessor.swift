import Foundation
import Support

/// Takes one ready file through the drop folder: claim, run its feed, and put it where it belongs.
///
/// Exists so that at every moment a file is in exactly one place — the inbox, claimed in
/// `.state/claimed/`, the archive, or `errors/` — and nothing is ever deleted or overwritten:
/// claiming is a rename, a name already taken gets `-2`, `-3`…, and a crash at any point leaves
/// the file claimed for the next start to finish.
struct FileProcessor: Sendable {
    let folder: DropFolder
    let runners: [FeedKind: FeedRunner]
    let ledger: ProcessedLedger
    let skipsDuplicates: Bool
    let logger: Logger

    /// Moves an inbox file into `.state/claimed/<kind>/`, named so claimed files sort in arrival order.
    func claim(_ path: String, kind: FeedKind, sequence: Int) -> String? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let stamp = String(format: "%013.0f-%06d", Date().timeIntervalSince1970 * 1000, sequence % 1_000_000)
        let claimed = folder.claimed(kind) + "/" + stamp + "--" + name
        guard rename(path, claimed) == 0 else {
            logger.warning("file.claim_failed", ["file.name": name, "reason": String(cString: strerror(errno))])
            return nil
        }
        logger.info("file.claimed", ["file.name": name, "kind": kind.rawValue])
        return claimed
    }

    /// The original name of a claimed file.
    static func originalName(_ claimedPath: String) -> String {
        let name = URL(fileURLWithPath: claimedPath).lastPathComponent
        guard let marker = name.range(of: "--") else { return name }
        return String(name[marker.upperBound...])
    }

    /// Runs the feed on a claimed file and archives it, rejects it, or leaves it claimed (Linnworks down).
    func process(_ claimed: String, kind: FeedKind) async -> FileOutcome {
        let name = Self.originalName(claimed)
        if let target = symlinkTargetOutsideRoot(claimed) {
            return reject(claimed, name: name, hash: nil, kind: kind,
                          reason: "it is a link to \(target), outside the drop folder; links are not followed out of it")
        }
        let hash: String
        do {
            hash = String(try ContentHash.of(path: claimed), radix: 16)
        } catch {
            return reject(claimed, name: name, hash: nil, kind: kind, reason: "cannot be read: \(error)")
        }
        if skipsDuplicates, ledger.contains(hash) {
            logger.notice("file.duplicate", ["file.name": name, "reason": "the same content was already processed"])
            archive(claimed, name: name)
            return .duplicate
        }
        let report = DropFolder.freePath(in: folder.errors, for: name, suffix: ".errors.csv")
        guard let runner = runners[kind] else { return .configuration }
        do {
            var summary = try await runner(claimed, reportPath: report)
            summary.file = name
            logger.info("file.done", summary.logMetadata(mode: .apply))
            record(hash, name: name, kind: kind, outcome: summary.rejected > 0 ? "rows rejected" : "applied")
            archive(claimed, name: name)
            return summary.rejected > 0 ? .rowsRejected : .applied
        } catch {
            switch error {
            case let .fileRejected(_, reason):
                return reject(claimed, name: name, hash: hash, kind: kind, reason: reason)
            case .linnworksUnavailable:
                logger.error("file.retry_later", ["file.name": name, "reason": error.description])
                return .unavailable
            case .authorizationRefused:
                logger.error("linnworks.auth_refused", ["reason": error.description])
                return .authorizationRefused
            case .configuration:
                logger.error("config.error", ["file.name": name, "reason": error.description])
                return .configuration
            }
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

    private func archive(_ claimed: String, name: String) {
        let day = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let folder = self.folder.archive + "/" + day
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let destination = DropFolder.freePath(in: folder, for: name)
        if rename(claimed, destination) == 0 {
            logger.info("file.archived", ["file.name": name, "path": destination])
        } else {
            logger.error("file.archive_failed", ["file.name": name, "reason": String(cString: strerror(errno))])
        }
    }

    private func reject(_ claimed: String, name: String, hash: String?, kind: FeedKind, reason: String) -> FileOutcome {
        let destination = DropFolder.freePath(in: folder.errors, for: name)
        let reasonText = "\(name) was not processed: \(reason)\n"
        if rename(claimed, destination) == 0 {
            try? reasonText.write(toFile: destination + ".reason.txt", atomically: true, encoding: .utf8)
            logger.error("file.rejected", ["file.name": name, "reason": reason, "path": destination])
        } else {
            logger.error("file.reject_failed", ["file.name": name, "reason": String(cString: strerror(errno))])
        }
        if let hash { record(hash, name: name, kind: kind, outcome: "rejected") }
        return .fileRejected
    }
}
