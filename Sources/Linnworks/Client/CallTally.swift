import Synchronization

/// Counts the Linnworks calls made for one piece of work (one file), wherever in it they are made.
///
/// Exists so a file's `api.calls` figure is counted in one place — the client, once per call it
/// sends (retries of the same call not counted again; the session's own authorization neither) —
/// instead of by every stage that calls. Scoped with a task local: the feed runs inside
/// `CallTally.$current.withValue(tally)`, its child tasks inherit it, and calls made elsewhere at
/// the same time (the watcher's exports, the other lane's file) count elsewhere.
public final class CallTally: Sendable {
    @TaskLocal public static var current: CallTally?

    private let count = Atomic<Int>(0)

    public init() {}

    /// Counts `calls` more (a stand-in for Linnworks in a unit test counts its answers here too).
    public func add(_ calls: Int = 1) {
        count.add(calls, ordering: .relaxed)
    }

    public var calls: Int { count.load(ordering: .relaxed) }
}
