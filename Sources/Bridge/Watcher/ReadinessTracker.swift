/// Decides when a file in the inbox is complete and may be taken.
///
/// Exists because an SFTP upload in progress must never be read half-way: a file renamed in is
/// ready at once; a file written in place is ready once it was closed after writing and its size
/// and modification time have held for the settle time with no further writes. When only polling
/// is possible (network mounts, where inotify sees nothing), a file is ready once its size and
/// modification time have held for the settle time. Pure: time and `stat` are passed in.
struct ReadinessTracker {
    struct Snapshot: Equatable {
        var size: Int
        var modified: Double
    }

    private struct Pending {
        var since: Double
        var snapshot: Snapshot?
        /// Seen closed after writing (inotify), or polling (where closing cannot be seen).
        var closed: Bool
    }

    let settleSeconds: Double
    private var pending: [String: Pending] = [:]
    /// Paths already handed out, so a later event for the same name does not take it twice.
    private var handedOut: Set<String> = []

    init(settleSeconds: Double) {
        self.settleSeconds = settleSeconds
    }

    var isIdle: Bool { pending.isEmpty }

    /// Whether the path is waiting to settle or was handed out and not forgotten.
    func knows(_ path: String) -> Bool { pending[path] != nil || handedOut.contains(path) }

    /// A rename into the inbox: the file is complete now.
    mutating func movedIn(_ path: String) -> String? {
        pending[path] = nil
        return handOut(path)
    }

    /// A write, a close after writing, or a poll that found the file; `closed` says whether the
    /// writer is known to be done with it.
    mutating func observed(_ path: String, at now: Double, snapshot: Snapshot?, closed: Bool) {
        guard !handedOut.contains(path) else { return }
        if closed, let entry = pending[path], entry.closed, entry.snapshot == snapshot { return }
        pending[path] = Pending(since: now, snapshot: snapshot, closed: closed)
    }

    /// Files that have settled by `now`, oldest first; `stat` re-reads size and time (nil: gone).
    mutating func settled(at now: Double, stat: (String) -> Snapshot?) -> [String] {
        var ready: [(since: Double, path: String)] = []
        for (path, entry) in pending where entry.closed && now - entry.since >= settleSeconds {
            let current = stat(path)
            if current == nil {
                pending[path] = nil
            } else if current != entry.snapshot {
                pending[path] = Pending(since: now, snapshot: current, closed: entry.closed)
            } else {
                ready.append((entry.since, path))
            }
        }
        ready.sort { ($0.since, $0.path) < ($1.since, $1.path) }
        return ready.compactMap { item in
            pending[item.path] = nil
            return handOut(item.path)
        }
    }

    /// The path left the inbox (claimed): a new file of the same name is a new arrival.
    mutating func forget(_ path: String) {
        handedOut.remove(path)
        pending[path] = nil
    }

    private mutating func handOut(_ path: String) -> String? {
        handedOut.insert(path).inserted ? path : nil
    }
}
