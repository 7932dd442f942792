import CSV

/// How the shipment feed reads a file and talks to Linnworks; filled from `linnbridge.json`.
public struct ShipmentFeedOptions: Sendable {
    public var mode: FeedMode = .apply
    /// Extra header names per canonical column (`order`, `tracking`, `service`, `weight`, `cost`, `voided`).
    public var columnAliases: [String: [String]] = [:]
    /// The file's carrier names mapped to Linnworks postal service names.
    public var postalServiceAliases: [String: String] = [:]
    /// False: set tracking only, leave the orders open.
    public var processOrders = true
    /// Locations (names or GUIDs) whose open orders are indexed; empty means every location.
    public var locations: [String] = []
    public var stripPrefixes = ["#", "SO-"]
    public var stripSuffixes: [String] = []
    /// Orders per `ProcessOrdersInBatch` call (at most 200).
    public var batchSize = 200
    /// `SetOrderShippingInfo` calls in flight at once.
    public var maxInFlight = 4
    /// Above this many orders in a file, open orders are indexed in bulk instead of looked up one by one.
    public var bulkIndexThreshold = 30
    /// Where the exactly-once journal lives (the drop folder's `.state/`).
    public var stateDirectory = "watch/.state"
    public var reader = CSVReaderOptions()

    public init(mode: FeedMode = .apply) { self.mode = mode }
}
