import Foundation

/// The value every part of LinnBridge logs through.
///
/// Exists so code states what happened (`logger.info("file.claimed", ["file.name": name])`) while
/// the command line decides the threshold and the format. It is a value: `with` returns a copy that
/// carries extra metadata (a file name, a batch number) into everything logged from that copy, without
/// any shared mutable state. Messages and metadata are autoclosures, evaluated only when the level
/// passes, so a debug line costs nothing in production.
public struct Logger: Sendable {
    /// Records below this level are dropped before their message is built.
    public var level: LogLevel
    /// Pairs added to every record from this logger, before the per-call pairs.
    public var metadata: LogMetadata
    public let handler: any LogHandler
    /// Set only on `disabled`, so that no level setting can turn it back on.
    private let discardsEverything: Bool

    public init(level: LogLevel = .info, metadata: LogMetadata = [:], handler: any LogHandler) {
        self.init(level: level, metadata: metadata, handler: handler, discardsEverything: false)
    }

    private init(level: LogLevel, metadata: LogMetadata, handler: any LogHandler, discardsEverything: Bool) {
        self.level = level
        self.metadata = metadata
        self.handler = handler
        self.discardsEverything = discardsEverything
    }

    /// A logger that drops every record without evaluating it, for tests and callers that don't care.
    public static let disabled = Logger(level: .error, metadata: [:], handler: DiscardingLogHandler(),
                                        discardsEverything: true)

    /// Whether a record at `level` would reach the handler; use it to skip costly preparation.
    public func isEnabled(_ level: LogLevel) -> Bool {
        !discardsEverything && level >= self.level
    }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String,
                    _ metadata: @autoclosure () -> LogMetadata = [:]) {
        guard isEnabled(level) else { return }
        handler.log(LogRecord(level: level, message: message(), metadata: self.metadata.merging(metadata())))
    }

    public func debug(_ message: @autoclosure () -> String, _ metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.debug, message(), metadata())
    }

    public func info(_ message: @autoclosure () -> String, _ metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.info, message(), metadata())
    }

    public func notice(_ message: @autoclosure () -> String, _ metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.notice, message(), metadata())
    }

    public func warning(_ message: @autoclosure () -> String, _ metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.warning, message(), metadata())
    }

    public func error(_ message: @autoclosure () -> String, _ metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.error, message(), metadata())
    }

    /// A copy that adds `key=value` to everything it logs (replacing an existing value for `key`).
    public func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy.metadata[key] = value
        return copy
    }

    /// A copy that adds all of `metadata` to everything it logs.
    public func with(_ metadata: LogMetadata) -> Logger {
        var copy = self
        copy.metadata = copy.metadata.merging(metadata)
        return copy
    }

    /// A copy whose output has every revealed value of `secrets` replaced by `<redacted>`.
    ///
    /// A safety net for a `reveal` that leaked into a message or a value; see `RedactingLogHandler`.
    public func redacting(_ secrets: [Secret]) -> Logger {
        Logger(level: level, metadata: metadata, handler: RedactingLogHandler(secrets: secrets, wrapping: handler),
               discardsEverything: discardsEverything)
    }
}
