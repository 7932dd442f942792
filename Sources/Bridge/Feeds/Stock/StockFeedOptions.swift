import CSV

/// What a feed run does with the valid rows of a file.
public enum FeedMode: Sendable, Equatable {
    /// Send them to Linnworks.
    case apply
    /// Only say what would be sent; `online` also looks things up in Linnworks, read-only.
    case check(online: Bool)
}

/// How the stock feed reads a file and talks to Linnworks; filled from `linnbridge.json`.
public struct StockFeedOptions: Sendable {
    public typealias Mode = FeedMode

    public var mode: Mode = .apply
    /// Extra header names per canonical column (`sku`, `level`, `location`).
    public var columnAliases: [String: [String]] = [:]
    /// The location (name or GUID) for rows without one.
    public var defaultLocation = "Default"
    /// Rows per `SetStockLevel` call.
    public var batchSize = 200
    /// Calls in flight at once (the client's limiter still paces them).
    public var maxInFlight = 4
    public var reader = CSVReaderOptions()

    public init(mode: Mode = .apply) { self.mode = mode }
}
