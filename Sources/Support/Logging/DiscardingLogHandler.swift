/// A handler that drops everything; what `Logger.disabled` points at.
struct DiscardingLogHandler: LogHandler {
    func log(_ record: LogRecord) {}
}
