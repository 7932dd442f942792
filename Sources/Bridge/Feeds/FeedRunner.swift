import Linnworks

/// The two kinds of input file a drop folder takes.
public enum FeedKind: String, Sendable, CaseIterable, Codable {
    case stock, shipments
}

/// A configured feed of one kind, as one function per file: used by `import`, `check` and the watcher alike.
public struct FeedRunner: Sendable {
    public let kind: FeedKind
    private let run: @Sendable (String, String, FeedAttempt) async throws(FeedError) -> FeedSummary

    public init(kind: FeedKind, mode: FeedMode, config: BridgeConfig, client: LinnworksClient?, stateDirectory: String,
                progress: (@Sendable (FeedProgress) -> Void)? = nil) {
        self.kind = kind
        switch kind {
        case .stock:
            var options = StockFeedOptions(mode: mode)
            options.columnAliases = config.stock.columns
            options.defaultLocation = config.stock.defaultLocation
            options.batchSize = config.stock.batchSize
            options.maxInFlight = config.stock.maxInFlight
            options.progress = progress
            let feed = StockFeed(options: options, service: client)
            run = { (path: String, report: String, attempt: FeedAttempt) async throws(FeedError) -> FeedSummary in
                try await feed.run(path: path, reportPath: report, attempt: attempt)
            }
        case .shipments:
            var options = ShipmentFeedOptions(mode: mode)
            options.columnAliases = config.shipments.columns
            options.postalServiceAliases = config.shipments.postalServiceAliases
            options.processOrders = config.shipments.processOrders
            options.locations = config.shipments.locations
            options.stripPrefixes = config.shipments.stripPrefixes
            options.stripSuffixes = config.shipments.stripSuffixes
            options.batchSize = config.shipments.batchSize
            options.stateDirectory = stateDirectory
            let feed = ShipmentFeed(options: options, client: client)
            run = { (path: String, report: String, attempt: FeedAttempt) async throws(FeedError) -> FeedSummary in
                try await feed.run(path: path, reportPath: report, attempt: attempt)
            }
        }
    }

    /// Runs the feed on `path`, writing the report to `reportPath` if a row fails; `attempt` bounds
    /// the read and names what an earlier attempt at the same file applied.
    public func callAsFunction(_ path: String, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(FeedError) -> FeedSummary {
        try await run(path, reportPath, attempt)
    }
}
