/// A problem with `linnbridge.json`, naming the file and the key so the user can fix it in one go.
///
/// Exists so every configuration mistake (unreadable file, invalid JSON, unknown key, wrong type,
/// value out of range) reaches the user as one sentence, `linnbridge.json: stock.batchSize: expected
/// a whole number from 1 to 1000, found "lots"`, and the command line can exit with 78 (`EX_CONFIG`).
/// Messages never contain the value of a credential.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or other origin) the configuration came from.
    var source: String
    /// The dotted path of the offending key (`stock.columns.sku`, `shipments.locations[2]`);
    /// nil when the problem is the file as a whole.
    var keyPath: String?
    var message: String

    init(source: String, keyPath: String? = nil, message: String) {
        self.source = source
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        if let keyPath { return "\(source): \(keyPath): \(message)" }
        return "\(source): \(message)"
    }
}
