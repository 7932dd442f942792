import CSV

/// How the shipment feed reads a file and talks to Linnworks: the `shipments` settings of
/// `linnbridge.json` as they are (no field-by-field copy), plus what only a run knows.
public struct ShipmentFeedOptions: FeedOptions {
    public var mode: FeedMode = .apply
    /// Columns, carrier aliases, whether to process, locations, reference decoration, batch size.
    public var settings = ShipmentFeedSettings()
    /// `SetOrderShippingInfo` calls in flight at once.
    public var maxInFlight = 4
    /// Above this many orders in a file, open orders are indexed in bulk instead of looked up one by one.
    public var bulkIndexThreshold = 30
    /// Where the exactly-once journal lives (the drop folder's `.state/`).
    public var stateDirectory = "watch/.state"
    public var reader = CSVReaderOptions()

    public init(mode: FeedMode = .apply, settings: ShipmentFeedSettings = ShipmentFeedSettings()) {
        self.mode = mode
        self.settings = settings
    }
}
