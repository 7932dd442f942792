/// A JSON object from the configuration, read key by key.
///
/// Exists to enforce the rule that makes `linnbridge.json` safe to edit: every key must be one the
/// settings type knows. A typo such as `"colums"` would otherwise be ignored silently and the
/// defaults used, which is the worst outcome for a user who believes the file is in effect.
struct ConfigObject {
    let entries: [String: Any]
    let keyPath: String
    let source: String

    /// Throws for the first unknown key (in sorted order, so the error is the same on every run),
    /// with a "did you mean" hint when a known key is a small edit away.
    func rejectUnknownKeys(known: [String], noun: String = "key") throws(ConfigError) {
        for key in entries.keys.sorted() where !known.contains(key) {
            var message = "unknown \(noun)"
            if let suggestion = ClosestMatch.suggestion(for: key, among: known) {
                message += " (did you mean \(ConfigValue.quoted(suggestion))?)"
            } else {
                message += "; expected one of " + known.joined(separator: ", ")
            }
            throw ConfigError(source: source, keyPath: path(for: key), message: message)
        }
    }

    /// The value under `key`, or nil when the key is absent (a JSON `null` is present, not absent).
    func value(_ key: String, isSecret: Bool = false) -> ConfigValue? {
        guard let raw = entries[key] else { return nil }
        return ConfigValue(raw: raw, keyPath: path(for: key), source: source, isSecret: isSecret)
    }

    /// Every entry in sorted key order, for objects whose keys are data (column names, service names).
    var sortedValues: [(key: String, value: ConfigValue)] {
        entries.keys.sorted().map { key in
            (key, ConfigValue(raw: entries[key]!, keyPath: path(for: key), source: source))
        }
    }

    /// `stock.batchSize` for plain identifiers; `shipments.postalServiceAliases["DPD Next Day"]` for
    /// keys that are data, so the path stays unambiguous when a key holds a dot or a space.
    func path(for key: String) -> String {
        let isIdentifier = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0.value < 0x80 && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || $0 == "_"
        }
        if !isIdentifier { return "\(keyPath)[\(ConfigValue.quoted(key))]" }
        return keyPath.isEmpty ? key : "\(keyPath).\(key)"
    }
}
