import Foundation

/// One event on its way from a `Logger` to a `LogHandler`.
///
/// Exists so handlers see a finished value (level, constant message, ordered data, time) and never
/// the logger's configuration; that keeps every handler a pure formatter of records.
public struct LogRecord: Sendable, Equatable {
    public var level: LogLevel
    /// A constant event name such as `file.claimed`; the data goes in `metadata`.
    public var message: String
    public var metadata: LogMetadata
    public var date: Date

    public init(level: LogLevel, message: String, metadata: LogMetadata = [:], date: Date = Date()) {
        self.level = level
        self.message = message
        self.metadata = metadata
        self.date = date
    }
}
