/// Where a `Logger` sends the records it decided to keep.
///
/// Exists as a one-method protocol so the output (text, JSON lines, memory for tests, a redacting
/// wrapper) can change without touching any code that logs. Level filtering is the logger's job;
/// a handler formats and writes every record it receives. Handlers are shared between tasks, so
/// `log` must be safe to call concurrently and must emit each record as one unit.
public protocol LogHandler: Sendable {
    func log(_ record: LogRecord)
}
