import CSV

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
    /// Called about once a second while a file is read, for a progress line on a terminal.
    public var progress: (@Sendable (FeedProgress) -> Void)?

    public init(mode: Mode = .apply) { self.mode = mode }
}

/// How far a feed has got through a file.
public struct FeedProgress: Sendable {
    public var file: String
    public var rows: Int
    public var bytesRead: Int
    public var totalBytes: Int
    public var seconds: Double

    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
    /// Seconds left at the pace so far, once there is a pace to go by.
    public var secondsLeft: Double? {
        guard bytesRead > 0, totalBytes > bytesRead, seconds > 0 else { return nil }
        return seconds * Double(totalBytes - bytesRead) / Double(bytesRead)
    }
}
