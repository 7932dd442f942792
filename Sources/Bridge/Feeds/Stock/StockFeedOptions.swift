import CSV

/// How the stock feed reads a file and talks to Linnworks: the `stock` settings of
/// `linnbridge.json` as they are (no field-by-field copy), plus what only a run knows.
public struct StockFeedOptions: FeedOptions {
    /// The feed's mode under its older name, for callers written against it.
    public typealias Mode = FeedMode

    public var mode: Mode = .apply
    /// Columns, default location, batch size, calls in flight.
    public var settings = StockFeedSettings()
    public var reader = CSVReaderOptions()
    /// Called about once a second while a file is read, for a progress line on a terminal.
    public var progress: (@Sendable (FeedProgress) -> Void)?

    public init(mode: Mode = .apply, settings: StockFeedSettings = StockFeedSettings()) {
        self.mode = mode
        self.settings = settings
    }
}
