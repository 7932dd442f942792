/// The two output formats `--log-format` and the config file's `logFormat` choose between.
///
/// Exists so the choice is one value that travels from the command line or `linnbridge.json` to the
/// single place that builds the handler. Raw values are the spellings users type.
public enum LogFormat: String, Sendable, CaseIterable {
    case text, json

    /// A handler for this format, writing whole lines to `write` (standard error by default).
    public func makeHandler(write: @escaping @Sendable (String) -> Void = StandardError.write) -> any LogHandler {
        switch self {
        case .text: return TextLogHandler(write: write)
        case .json: return JSONLogHandler(write: write)
        }
    }
}
