import Foundation
import Support
import Synchronization

/// How `linnbridge watch` runs.
public struct WatchOptions: Sendable {
    public var root: String
    /// Process what is there (and what settles meanwhile), run due exports, and return.
    public var once = false
    public var settleSeconds = 2.0
    /// Scan every this many seconds instead of using inotify (network mounts).
    public var pollSeconds: Double?
    public var skipsDuplicates = true
    /// How long to wait before trying a file again when Linnworks was unreachable.
    public var retryAfterSeconds = 30.0
    /// Runs the exports that are due; called at start and then every few seconds.
    public var runDueExports: (@Sendable () async -> FileOutcome?)?

    public init(root: String) { self.root = root }
}

/// The drop-folder daemon: files arrive in `inbox/`, are taken when complete, run through their
/// feed one at a time per kind (stock and shipments side by side), and end archived or in `errors/`.
///
/// Exists as the product's core loop (product.md, The drop folder). It resumes files left claimed
/// by a crash before taking new ones, follows inotify (or polls), and on shutdown stops taking
/// files, finishes the one in hand, and returns.
public final class DropFolderWatcher: Sendable {
    public let options: WatchOptions
    let folder: DropFolder
    let processor: FileProcessor
    let logger: Logger
    let shutdown: ShutdownSignal
    private let queues = Mutex(Queues())
    private let worst = Mutex(FileOutcome.applied)

    struct Queues {
        var ready: [FeedKind: [String]] = [:]
        var busy: Set<FeedKind> = []
        var closed = false
        var sequence = 0
    }

    public init(options: WatchOptions, runners: [FeedKind: FeedRunner], logger: Logger, shutdown: ShutdownSignal) throws {
        self.options = options
        folder = DropFolder(root: options.root)
        try folder.create()
        let ledger = try ProcessedLedger(stateDirectory: folder.state)
        processor = FileProcessor(folder: folder, runners: runners, ledger: ledger, skipsDuplicates: options.skipsDuplicates, logger: logger)
        self.logger = logger
        self.shutdown = shutdown
    }

    /// Runs until shutdown (or, with `once`, until the inbox is done); returns the worst file outcome.
    public func run() async -> FileOutcome {
        var inotify: Inotify?
        if options.pollSeconds == nil {
            do {
                inotify = try Inotify(watching: FeedKind.allCases.map(folder.inbox))
            } catch {
                logger.warning("watch.inotify_unavailable", ["reason": "\(error)", "fallback": "polling every 2 s"])
            }
        }
        // Logged once the inboxes are watched: a file written from now on is seen being written.
        logger.info("watch.started", ["root": folder.root, "once": String(options.once), "mode": inotify == nil ? "poll" : "inotify"])
        await withTaskGroup(of: Void.self) { group in
            if !options.once, let exports = options.runDueExports {
                group.addTask { await self.runExports(exports) }
            }
            for kind in FeedKind.allCases {
                let resumed = claimedFiles(kind)
                if !resumed.isEmpty { logger.notice("watch.resuming", ["kind": kind.rawValue, "files": String(resumed.count)]) }
                group.addTask { await self.work(kind, resuming: resumed) }
            }
            await watchInbox(inotify)
            queues.withLock { $0.closed = true }
        }
        if options.once, !shutdown.isRequested, let exports = options.runDueExports, let outcome = await exports() { note(outcome) }
        let result = worst.withLock { $0 }
        logger.info("watch.stopped", ["outcome": String(result.rawValue)])
        return result
    }

    /// Follows the inboxes until shutdown, or for `once` until nothing is pending or being worked on.
    private func watchInbox(_ inotify: Inotify?) async {
        var tracker = ReadinessTracker(settleSeconds: options.settleSeconds)
        let clock = ContinuousClock()
        let origin = clock.now
        func now() -> Double {
            let elapsed = clock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        var lastScan = -Double.infinity
        let pollEvery = options.pollSeconds ?? (inotify == nil ? 2 : .infinity)
        var needsScan = true
        while !shutdown.isRequested {
            let t = now()
            if let inotify {
                for event in inotify.drain() {
                    logger.debug("watch.event", ["name": event.name, "change": "\(event.change)"])
                    switch event.change {
                    case .overflow:
                        needsScan = true
                    case .movedIn:
                        let path = event.directory + "/" + event.name
                        if DropFolder.isCandidate(event.name), let ready = tracker.movedIn(path) { enqueue(ready) }
                    case .closedAfterWrite, .written:
                        let path = event.directory + "/" + event.name
                        if DropFolder.isCandidate(event.name) {
                            tracker.observed(path, at: t, snapshot: Self.snapshot(path), closed: event.change == .closedAfterWrite)
                        }
                    }
                }
            }
            if needsScan || t - lastScan >= pollEvery {
                scan(into: &tracker, at: t, firstScan: lastScan == -Double.infinity)
                lastScan = t
                needsScan = false
            }
            for path in tracker.settled(at: t, stat: Self.snapshot) { enqueue(path) }
            if options.once, tracker.isIdle, queues.withLock({ q in q.busy.isEmpty && q.ready.values.allSatisfy(\.isEmpty) }) {
                return
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Runs due exports at start-up and then looks every 5 s, beside the file work: an export
    /// that takes a while (a big account, real network latency) never holds back a dropped file.
    private func runExports(_ exports: @Sendable () async -> FileOutcome?) async {
        let clock = ContinuousClock()
        var next = clock.now
        while !shutdown.isRequested {
            if clock.now >= next {
                if let outcome = await exports() { note(outcome) }
                next = clock.now + .seconds(5)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Every candidate in the inboxes: old enough ones are ready at once (by age, then name), the rest settle.
    private func scan(into tracker: inout ReadinessTracker, at t: Double, firstScan: Bool) {
        let nowDate = Date().timeIntervalSince1970
        var found: [(modified: Double, path: String)] = []
        for kind in FeedKind.allCases {
            let inbox = folder.inbox(kind)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? [] where DropFolder.isCandidate(name) {
                let path = inbox + "/" + name
                guard let snapshot = Self.snapshot(path) else { continue }
                found.append((snapshot.modified, path))
                if nowDate - snapshot.modified < options.settleSeconds || !firstScan {
                    tracker.observed(path, at: t, snapshot: snapshot, closed: true)
                }
            }
        }
        guard firstScan else { return }
        for item in found.sorted(by: { ($0.modified, $0.path) < ($1.modified, $1.path) })
        where nowDate - item.modified >= options.settleSeconds {
            if let ready = tracker.movedIn(item.path) { enqueue(ready) }
        }
    }

    private func enqueue(_ path: String) {
        guard let kind = FeedKind.allCases.first(where: { path.hasPrefix(folder.inbox($0) + "/") }) else { return }
        queues.withLock { $0.ready[kind, default: []].append(path) }
    }

    /// One kind's files, one at a time: first those a crash left claimed, then new arrivals.
    private func work(_ kind: FeedKind, resuming: [String]) async {
        var pendingClaimed = resuming
        while true {
            if shutdown.isRequested { return }
            let claimed: String
            if !pendingClaimed.isEmpty {
                claimed = pendingClaimed.removeFirst()
            } else {
                let next: (path: String, sequence: Int)? = queues.withLock { q in
                    guard var list = q.ready[kind], !list.isEmpty else { return nil }
                    let path = list.removeFirst()
                    q.ready[kind] = list
                    q.busy.insert(kind)
                    q.sequence += 1
                    return (path, q.sequence)
                }
                guard let next else {
                    if queues.withLock({ $0.closed }) { return }
                    try? await Task.sleep(for: .milliseconds(20))
                    continue
                }
                guard let taken = processor.claim(next.path, kind: kind, sequence: next.sequence) else {
                    _ = queues.withLock { $0.busy.remove(kind) }
                    continue
                }
                claimed = taken
            }
            queues.withLock { _ = $0.busy.insert(kind) }
            let outcome = await processor.process(claimed, kind: kind)
            note(outcome)
            switch outcome {
            case .unavailable:
                if options.once {
                    queues.withLock { $0.busy.remove(kind); $0.ready[kind] = [] }
                    return
                }
                pendingClaimed.insert(claimed, at: 0)
                logger.notice("watch.backing_off", ["kind": kind.rawValue, "seconds": String(Int(options.retryAfterSeconds))])
                try? await Task.sleep(for: .seconds(options.retryAfterSeconds))
            case .authorizationRefused, .configuration:
                shutdown.request()
            default:
                break
            }
            _ = queues.withLock { $0.busy.remove(kind) }
        }
    }

    private func claimedFiles(_ kind: FeedKind) -> [String] {
        let dir = folder.claimed(kind)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
    }

    private func note(_ outcome: FileOutcome) {
        worst.withLock { $0 = max($0, outcome) }
    }

    static func snapshot(_ path: String) -> ReadinessTracker.Snapshot? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ReadinessTracker.Snapshot(size: Int(info.st_size),
                                         modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }
}
