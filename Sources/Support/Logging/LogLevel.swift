/// How much an event matters, from chatter to failure.
///
/// Exists so a `Logger` can drop events below its threshold before their message is even built,
/// and so `--verbose` / `--quiet` map to one comparable value. The names are what the text and
/// JSON formats print; they are stable, because log shippers filter on them.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case debug, info, notice, warning, error

    /// The stable name printed in log lines: `debug`, `info`, `notice`, `warning`, `error`.
    public var name: String {
        switch self {
        case .debug: return "debug"
        case .info: return "info"
        case .notice: return "notice"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    /// The level with this printed name, ignoring case; nil for anything else.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let match = LogLevel.allCases.first(where: { $0.name == lowered }) else { return nil }
        self = match
    }

    public var description: String { name }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
