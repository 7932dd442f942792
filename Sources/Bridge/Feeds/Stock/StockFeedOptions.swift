import CSV

/// How the stock feed reads a file and talks to Linnworks; filled from `linnbridge.json`.
public struct StockFeedOptions: Sendable {
    /// What the run does with valid rows.
    public enum Mode: Sendable, Equatable {
        /// Send them with `Stock/SetStockLevel`.
        case apply
        /// Only say what would be sent; `online` also resolves locations and SKUs, read-only.
        case check(online: Bool)
    }

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
