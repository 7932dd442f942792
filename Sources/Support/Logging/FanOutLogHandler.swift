/// Hands every record to several handlers: the demo prints its log and also reads it back.
public struct FanOutLogHandler: LogHandler {
    public let handlers: [any LogHandler]

    public init(_ handlers: [any LogHandler]) { self.handlers = handlers }

    public func log(_ record: LogRecord) {
        for handler in handlers { handler.log(record) }
    }
}
