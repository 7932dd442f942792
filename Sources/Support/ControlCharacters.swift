/// Control characters made visible: `\n`, `\r`, `\t`, and every other C0 control, DEL and C1 control
/// (U+0000–U+001F, U+007F–U+009F) as `\u{1b}` (Swift's spelling, lowercase hex, no padding).
///
/// Exists because sentences that quote input cells (a report's `error` column, log lines) are read
/// on terminals: a raw ESC or OSC sequence in a SKU (`\u{1b}]0;pwned\u{7}`) would retitle the
/// window, move the cursor or hide text. Backslashes are left as they are.
public enum ControlCharacters {
    /// Whether `scalar` is one this type escapes.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }

    /// `text` with every control character escaped; `text` itself when it has none.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { result += escaped(scalar) }
        return result
    }

    /// One scalar, escaped when it is a control character.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            guard isControl(scalar) else { return String(scalar) }
            return "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }
}
