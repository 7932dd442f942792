/// A feed's options: its section of `linnbridge.json` as it is, plus what only a run knows.
///
/// Exists so a setting is read through the options (`options.batchSize`) without a field-by-field
/// copy of the settings that could drift from them.
@dynamicMemberLookup
public protocol FeedOptions: Sendable {
    associatedtype Settings
    var settings: Settings { get set }
}

extension FeedOptions {
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Settings, Value>) -> Value {
        get { settings[keyPath: keyPath] }
        set { settings[keyPath: keyPath] = newValue }
    }
}
