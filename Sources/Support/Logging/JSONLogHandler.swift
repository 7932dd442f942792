/// Writes each record as one JSON object per line, to standard error by default.
///
/// Exists for log shippers: `{"ts":"…","level":"info","msg":"file.claimed","file.name":"stock.csv"}`.
/// The object is written by hand so keys keep their order (ts, level, msg, then metadata as given),
/// which `JSONSerialization` would not do. A metadata key that collides with `ts`, `level` or `msg`
/// is written as `meta.<key>` so the object never holds a duplicate key.
public struct JSONLogHandler: LogHandler {
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
        var line = "{\"ts\":"
        appendString(LogTimestamp.format(record.date), to: &line)
        line += ",\"level\":"
        appendString(record.level.name, to: &line)
        line += ",\"msg\":"
        appendString(record.message, to: &line)
        for (key, value) in record.metadata {
            line += ","
            appendString(reservedKeys.contains(key) ? "meta." + key : key, to: &line)
            line += ":"
            appendString(value, to: &line)
        }
        line += "}\n"
        return line
    }

    private static let reservedKeys: Set<String> = ["ts", "level", "msg"]

    /// RFC 8259 string escaping: quote, backslash and U+0000–U+001F; everything else as UTF-8.
    static func appendString(_ text: String, to line: inout String) {
        line += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case "\u{08}": line += "\\b"
            case "\u{0C}": line += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    line += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    line.unicodeScalars.append(scalar)
                }
            }
        }
        line += "\""
    }
}
