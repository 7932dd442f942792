import Support

/// Everything `linnbridge.json` can set, with the defaults that serve the common case.
///
/// Exists so the rest of LinnBridge reads settings from one checked value and never from JSON: by
/// the time a `BridgeConfig` exists, every key was known, every type right and every number in range.
/// The file is optional and every key in it is optional; a missing key keeps its default.
public struct BridgeConfig: Sendable, Equatable {
    public var linnworks = LinnworksSettings()
    var stock = StockFeedSettings()
    var shipments = ShipmentFeedSettings()
    public var exports = ExportSettings()
    public var watch = WatchSettings()
    public var logFormat = LogFormat.text

    /// All defaults: what runs when there is no `linnbridge.json`.
    public init() {}

    static let keys = ["linnworks", "stock", "shipments", "exports", "watch", "logFormat"]

    /// Reads the top-level object, one section at a time.
    init(reading object: ConfigObject) throws(ConfigError) {
        self.init()
        try object.rejectUnknownKeys(known: Self.keys)
        if let value = object.value("linnworks") { linnworks = try LinnworksSettings(reading: value) }
        if let value = object.value("stock") { stock = try StockFeedSettings(reading: value) }
        if let value = object.value("shipments") { shipments = try ShipmentFeedSettings(reading: value) }
        if let value = object.value("exports") { exports = try ExportSettings(reading: value) }
        if let value = object.value("watch") { watch = try WatchSettings(reading: value) }
        if let value = object.value("logFormat") {
            logFormat = LogFormat(rawValue: try value.choice(LogFormat.allCases.map(\.rawValue))) ?? .text
        }
    }
}
