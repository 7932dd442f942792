/// Writes each record as one human-readable line, to standard error by default.
///
/// Exists for operators reading a terminal or a journal:
/// `2026-11-22T13:45:00Z info  file.claimed file.name=stock.csv rows.read=12`.
/// The level is padded so the common levels line up; values that are empty or hold spaces, quotes,
/// `=`, backslashes or control characters are double-quoted with backslash escapes, and control
/// characters in the message are escaped, so every record stays one line that splits unambiguously.
public struct TextLogHandler: LogHandler {
    private let write: @Sendable (String) -> Void

    /// `write` receives each complete line, newline included, exactly once per record.
    public init(write: @escaping @Sendable (String) -> Void = StandardError.write) {
        self.write = write
    }

    public func log(_ record: LogRecord) {
        write(Self.format(record))
    }

    /// The line for `record`, newline included.
    public static func format(_ record: LogRecord) -> String {
        var line = LogTimestamp.format(record.date)
        line += " "
        line += record.level.name
        if record.level.name.count < 5 { line += String(repeating: " ", count: 5 - record.level.name.count) }
        line += " "
        line += escapingControlCharacters(record.message)
        for (key, value) in record.metadata {
            line += " "
            line += quotedIfNeeded(key)
            line += "="
            line += quotedIfNeeded(value)
        }
        line += "\n"
        return line
    }

    static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "\"" || scalar == "=" || scalar == "\\"
                || scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
        }
        guard needsQuotes else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted += escaped(scalar)
            }
        }
        quoted += "\""
        return quoted
    }

    static func escapingControlCharacters(_ text: String) -> String {
        ControlCharacters.escaped(text)
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        ControlCharacters.escaped(scalar)
    }
}
