import Foundation
import Support
import Synchronization

/// How `linnbridge watch` runs.
public struct WatchOptions: Sendable {
    var root: String
    /// Process what is there (and what settles meanwhile), run due exports, and return.
    public var once = false
    public var settleSeconds = 2.0
    /// Scan every this many seconds instead of using inotify (network mounts).
    public var pollSeconds: Double?
    public var skipsDuplicates = true
    /// Seconds between full scans of the inboxes beside inotify, so nothing waits unseen when an
    /// event is missed (a network mount, a folder made again, a claim that failed).
    public var rescanSeconds = 30.0
    /// How long to wait before trying a file again when Linnworks was unreachable.
    var retryAfterSeconds = 30.0
    /// Runs the exports that are due; called at start and then every few seconds.
    public var runDueExports: (@Sendable () async -> ExitStatus?)?

    public init(root: String) { self.root = root }
}

/// The drop-folder daemon: files arrive in `inbox/`, are claimed as soon as they are complete, run
/// through their feed one at a time per kind (stock and shipments side by side), and end archived
/// or in `errors/`.
///
/// Exists as the product's core loop. It resumes files left claimed by a crash before taking new
/// ones, follows inotify (or polls) with a periodic rescan, and on shutdown stops taking files,
/// finishes the one in hand, and returns. A file is claimed (renamed out of the inbox) the moment
/// it is ready, not when its feed gets to it, so the next upload under the same name is a new
/// arrival and never overwrites one still waiting.
public final class DropFolderWatcher: Sendable {
    let options: WatchOptions
    let folder: DropFolder
    let processor: FileProcessor
    let logger: Logger
    let shutdown: ShutdownSignal
    private let queues = Mutex(Queues())
    private let worst = Mutex(ExitStatus.ok)

    struct Queues {
        var ready: [FeedKind: [ClaimedFile]] = [:]
        var busy: Set<FeedKind> = []
        var closed = false
    }

    public init(options: WatchOptions, runners: [FeedKind: FeedRunner], logger: Logger, shutdown: ShutdownSignal) throws {
        self.options = options
        folder = DropFolder(root: options.root)
        try folder.create()
        let ledger = try ProcessedLedger(stateDirectory: folder.state)
        processor = FileProcessor(folder: folder, runners: runners, ledger: ledger, skipsDuplicates: options.skipsDuplicates,
                                  settleSeconds: options.settleSeconds, shutdown: shutdown, logger: logger)
        self.logger = logger
        self.shutdown = shutdown
    }

    /// Runs until shutdown (or, with `once`, until the inbox is done); returns the worst file outcome.
    public func run() async -> ExitStatus {
        var inbox = InboxScanner(folder: folder, options: options, logger: logger)
        // Logged once the inboxes are watched: a file written from now on is seen being written.
        logger.info("watch.started", ["root": folder.root, "once": String(options.once), "mode": inbox.mode])
        var resumedAll: [ClaimedFile] = []
        for kind in FeedKind.allCases {
            let resumed = ClaimedFile.resumable(in: folder.claimed(kind), kind: kind)
            if !resumed.isEmpty { logger.notice("watch.resuming", ["kind": kind.rawValue, "files": String(resumed.count)]) }
            queues.withLock { $0.ready[kind] = resumed }
            resumedAll += resumed
        }
        var sequence = ArrivalSequence(after: resumedAll)
        await withTaskGroup(of: Void.self) { group in
            if !options.once, let exports = options.runDueExports {
                group.addTask { await self.runExports(exports) }
            }
            for kind in FeedKind.allCases {
                group.addTask { await self.work(kind) }
            }
            await watchInbox(&inbox, sequence: &sequence)
            queues.withLock { $0.closed = true }
        }
        if options.once, !shutdown.isRequested, let exports = options.runDueExports, let outcome = await exports() { note(outcome) }
        let result = worst.withLock { $0 }
        logger.info("watch.stopped", ["outcome": String(result.rawValue)])
        return result
    }

    /// Follows the inboxes until shutdown, or for `once` until nothing is pending or being worked on;
    /// every file that becomes ready is claimed at once.
    private func watchInbox(_ inbox: inout InboxScanner, sequence: inout ArrivalSequence) async {
        while !shutdown.isRequested {
            for ready in inbox.poll() {
                let claim = processor.claim(ready.name, in: ready.directory, kind: ready.kind,
                                            sequence: sequence.next(), arrival: ready.arrival)
                inbox.forget(ready)
                switch claim {
                case .success(let claimed): queues.withLock { $0.ready[ready.kind, default: []].append(claimed) }
                case .failure(.cannotWrite): note(.cannotWrite)
                case .failure(.renameFailed): break
                }
            }
            if options.once, inbox.isIdle, queues.withLock({ q in q.busy.isEmpty && q.ready.values.allSatisfy(\.isEmpty) }) {
                return
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Runs due exports at start-up and then looks every 5 s, beside the file work: an export
    /// that takes a while (a big account, real network latency) never holds back a dropped file.
    private func runExports(_ exports: @Sendable () async -> ExitStatus?) async {
        // One timer between looks (it ends at the first signal); an idle daemon wakes for nothing else here.
        while !shutdown.isRequested {
            if let outcome = await exports() { note(outcome) }
            _ = await shutdown.sleep(seconds: 5)
        }
    }

    /// One kind's claimed files, one at a time, in arrival order (those a crash left claimed first).
    private func work(_ kind: FeedKind) async {
        while true {
            if shutdown.isRequested { return }
            let next: ClaimedFile? = queues.withLock { q in
                guard var list = q.ready[kind], !list.isEmpty else { return nil }
                let file = list.removeFirst()
                q.ready[kind] = list
                q.busy.insert(kind)
                return file
            }
            guard let claimed = next else {
                if queues.withLock({ $0.closed }) { return }
                // 10 looks a second: a claimed file starts within 0.1 s, and an idle daemon stays near 0 % CPU.
                try? await Task.sleep(for: .milliseconds(100))
                continue
            }
            let shutdown = self.shutdown
            let lane = await LaneLock.acquire(stateDirectory: folder.state, kind: kind, logger: logger,
                                              shouldStop: { shutdown.isRequested })
            if shutdown.isRequested { return }  // still claimed: resumed on the next start
            let outcome = await processor.process(claimed, kind: kind)
            withExtendedLifetime(lane) {}
            note(outcome)
            switch outcome {
            case .unavailable, .cannotWrite:
                // Stopping (the file stays claimed for the next start), or Linnworks down, or a disk
                // full or read-only: conditions that may pass. Back off and try the file again;
                // the other kind's lane goes on meanwhile.
                if shutdown.isRequested { return }
                if options.once {
                    queues.withLock { $0.busy.remove(kind); $0.ready[kind] = [] }
                    return
                }
                queues.withLock { $0.ready[kind, default: []].insert(claimed, at: 0) }
                logger.notice("watch.backing_off", ["kind": kind.rawValue, "seconds": String(Int(options.retryAfterSeconds))])
                _ = await shutdown.sleep(seconds: options.retryAfterSeconds)
            case .authRefused, .config:
                shutdown.request()
            default:
                break
            }
            _ = queues.withLock { $0.busy.remove(kind) }
        }
    }

    private func note(_ outcome: ExitStatus) {
        worst.withLock { $0 = max($0, outcome) }
    }
}
