import Synchronization

/// Keeps records in memory so tests can assert on what was logged.
///
/// Exists because "the right line was logged" is behaviour worth testing, and parsing stderr is not.
/// Share one instance between the logger under test and the assertions.
public final class MemoryLogHandler: LogHandler {
    private let storage = Mutex<[LogRecord]>([])

    public init() {}

    public func log(_ record: LogRecord) {
        storage.withLock { $0.append(record) }
    }

    /// Everything logged so far, oldest first.
    public var records: [LogRecord] { storage.withLock { $0 } }

    /// Just the messages, oldest first: the usual thing to compare.
    public var messages: [String] { records.map(\.message) }

    public func removeAll() {
        storage.withLock { $0.removeAll() }
    }
}
