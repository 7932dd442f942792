import Foundation
import Support

/// The inboxes as the watcher sees them: inotify events, periodic scans, and the readiness rule,
/// turned into a list of files ready to claim.
///
/// Exists so that nothing waits unseen: inotify for speed, a full scan every `rescanSeconds`
/// besides (a missed event, a failed claim, a network mount), watches re-armed when an inbox folder
/// is deleted and made again, and one log line for each entry that is never taken, saying why.
/// Names are handled as raw bytes (`RawFileName`), so any name the file system allows is seen.
struct InboxScanner {
    /// A file that is complete and may be claimed.
    struct Ready: Sendable {
        var kind: FeedKind
        var directory: String
        var name: RawFileName
        /// When LinnBridge saw it arrive: the rename or the settle, or for a file a scan found
        /// already settled, its modification time (never later than now).
        var arrival: Double
        fileprivate var key: String
    }

    private let folder: DropFolder
    private let options: WatchOptions
    private let logger: Logger
    private var inotify: Inotify?
    /// The inode each inbox had when its watch was added, to notice a folder made again.
    private var watchedInodes: [FeedKind: UInt64] = [:]
    private var tracker: ReadinessTracker
    /// Tracker keys (`<inbox>/<display name>`, unique since the display name escapes `%`) → the entry.
    private var entries: [String: (kind: FeedKind, name: RawFileName)] = [:]
    private var loggedIgnored: Set<String> = []
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private var lastScan = -Double.infinity
    private var lastFolderCheck = -Double.infinity
    private var needsScan = true
    private var watchIsGone = false

    init(folder: DropFolder, options: WatchOptions, logger: Logger) {
        self.folder = folder
        self.options = options
        self.logger = logger
        tracker = ReadinessTracker(settleSeconds: options.settleSeconds)
        origin = clock.now
        if options.pollSeconds == nil { armWatches() }
    }

    var mode: String { inotify == nil ? "poll" : "inotify" }
    var isIdle: Bool { tracker.isIdle }

    /// Files ready now, oldest first. Never waits.
    mutating func poll() -> [Ready] {
        let t = now()
        var ready: [Ready] = []
        if let inotify {
            for event in inotify.drain() {
                logger.debug("watch.event", ["name": event.name, "change": "\(event.change)"])
                switch event.change {
                case .overflow:
                    needsScan = true
                case .folderGone:
                    // A folder made again may reuse the inode, so the event itself asks for new watches.
                    watchIsGone = true
                    lastFolderCheck = -Double.infinity
                case .movedIn:
                    guard let kind = kind(ofInbox: event.directory), takes(event.rawName, in: event.directory) else { continue }
                    let key = remember(kind, event.directory, event.rawName)
                    if tracker.movedIn(key) != nil { ready.append(Ready(kind: kind, directory: event.directory, name: event.rawName, arrival: Date().timeIntervalSince1970, key: key)) }
                case .closedAfterWrite, .written:
                    guard let kind = kind(ofInbox: event.directory), takes(event.rawName, in: event.directory) else { continue }
                    let key = remember(kind, event.directory, event.rawName)
                    tracker.observed(key, at: t, snapshot: snapshot(key), closed: event.change == .closedAfterWrite)
                }
            }
        }
        if t - lastFolderCheck >= 1 {
            lastFolderCheck = t
            if options.pollSeconds == nil, watchIsGone || inboxesWereReplaced() {
                watchIsGone = false
                logger.notice("watch.rearmed", ["reason": "an inbox folder was deleted or replaced; watching it again"])
                armWatches()
                needsScan = true
            }
        }
        let scanEvery = options.pollSeconds ?? (inotify == nil ? 2 : max(0.05, options.rescanSeconds))
        if needsScan || t - lastScan >= scanEvery {
            ready += scan(at: t, firstScan: lastScan == -Double.infinity)
            lastScan = t
            needsScan = false
        }
        for key in tracker.settled(at: t, stat: snapshot) {
            guard let entry = entries[key] else { continue }
            if isHeldByWriter(entry.kind, entry.name) {
                // Settled by size and time, but its writer still holds it open (a stalled upload): wait
                // on, or for `--once` leave it to the next run.
                tracker.forget(key)
                if options.once {
                    logOnce(key, "it is still open for writing (an upload in progress); the next run takes it")
                } else {
                    tracker.observed(key, at: t, snapshot: snapshot(key), closed: true)
                }
                continue
            }
            ready.append(Ready(kind: entry.kind, directory: folder.inbox(entry.kind), name: entry.name,
                               arrival: Date().timeIntervalSince1970, key: key))
        }
        return ready
    }

    /// The file left the inbox (claimed) or its claim failed: the next file under that name is a
    /// new arrival, and a file still there is seen again by the next scan and retried.
    mutating func forget(_ ready: Ready) {
        tracker.forget(ready.key)
        entries[ready.key] = nil
    }

    /// Every entry of the inboxes (and of `inbox/` itself): complete files are ready at once on the
    /// first scan (by age, then name); the rest settle. Entries never taken are logged once.
    private mutating func scan(at t: Double, firstScan: Bool) -> [Ready] {
        let nowDate = Date().timeIntervalSince1970
        var found: [(modified: Double, key: String)] = []
        logStrayEntries()
        for kind in FeedKind.allCases {
            let inbox = folder.inbox(kind)
            guard let names = try? directoryEntries(inbox) else {
                try? FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
                continue
            }
            for name in names.sorted() where takes(name, in: inbox) {
                let key = remember(kind, inbox, name)
                guard let snapshot = snapshot(key) else { continue }
                if firstScan, nowDate - snapshot.modified >= options.settleSeconds, !isHeldByWriter(kind, name) {
                    found.append((snapshot.modified, key))
                } else if firstScan || options.pollSeconds != nil || inotify == nil || !tracker.knows(key) {
                    tracker.observed(key, at: t, snapshot: snapshot, closed: true)
                }
            }
        }
        var ready: [Ready] = []
        for item in found.sorted(by: { ($0.modified, $0.key) < ($1.modified, $1.key) }) {
            guard tracker.movedIn(item.key) != nil, let entry = entries[item.key] else { continue }
            ready.append(Ready(kind: entry.kind, directory: folder.inbox(entry.kind), name: entry.name,
                               arrival: min(item.modified, nowDate), key: item.key))
        }
        return ready
    }

    /// Whether an inbox entry is one to take (an input or a spreadsheet to reject); logs once why not.
    private mutating func takes(_ name: RawFileName, in directory: String) -> Bool {
        switch DropFolder.classify(name) {
        case .input, .spreadsheet:
            // Taken even when it is not a regular file (a folder or FIFO named like a CSV), so it is
            // rejected with a reason rather than waiting unseen.
            return true
        case .inProgress:
            return false
        case let .ignored(reason):
            let isFolder = linkStatus(directory, name).map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
            logOnce(directory + "/" + name.displayName, isFolder ? "it is a folder; subfolders of an inbox are not read" : reason)
            return false
        }
    }

    /// Files put in `inbox/` itself, beside the two kind folders, are never read: say so once.
    private mutating func logStrayEntries() {
        let inbox = folder.root + "/inbox"
        for name in (try? directoryEntries(inbox)) ?? [] where !FeedKind.allCases.map(\.rawValue).contains(name.displayName) {
            logOnce(inbox + "/" + name.displayName,
                    "files in inbox/ itself are not read; put stock files in inbox/stock/ and shipment files in inbox/shipments/")
        }
    }

    private mutating func logOnce(_ path: String, _ reason: String) {
        guard loggedIgnored.insert(path).inserted else { return }
        logger.notice("file.ignored", ["path": path, "reason": reason])
    }

    private mutating func remember(_ kind: FeedKind, _ directory: String, _ name: RawFileName) -> String {
        let key = directory + "/" + name.displayName
        entries[key] = (kind, name)
        return key
    }

    /// Whether a local process still holds the entry open for writing (names that are not UTF-8
    /// cannot be asked about, and count as not held).
    private func isHeldByWriter(_ kind: FeedKind, _ name: RawFileName) -> Bool {
        guard name.isUTF8 else { return false }
        return isOpenForWriting(folder.inbox(kind) + "/" + String(decoding: name.bytes, as: UTF8.self)) == true
    }

    private func kind(ofInbox directory: String) -> FeedKind? {
        FeedKind.allCases.first { folder.inbox($0) == directory }
    }

    private func snapshot(_ key: String) -> ReadinessTracker.Snapshot? {
        guard let entry = entries[key], let info = fileStatus(folder.inbox(entry.kind), entry.name) else { return nil }
        return ReadinessTracker.Snapshot(size: Int(info.st_size),
                                         modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    private mutating func armWatches() {
        for kind in FeedKind.allCases {
            try? FileManager.default.createDirectory(atPath: folder.inbox(kind), withIntermediateDirectories: true)
        }
        inotify = nil
        do {
            inotify = try Inotify(watching: FeedKind.allCases.map(folder.inbox))
            watchedInodes = currentInodes()
        } catch {
            logger.warning("watch.inotify_unavailable", ["reason": "\(error)", "fallback": "polling every 2 s"])
        }
    }

    private func currentInodes() -> [FeedKind: UInt64] {
        var inodes: [FeedKind: UInt64] = [:]
        for kind in FeedKind.allCases {
            var info = stat()
            if stat(folder.inbox(kind), &info) == 0 { inodes[kind] = UInt64(info.st_ino) }
        }
        return inodes
    }

    private func inboxesWereReplaced() -> Bool {
        inotify != nil && currentInodes() != watchedInodes
    }

    private func now() -> Double {
        let elapsed = clock.now - origin
        return elapsed.inSeconds
    }
}
