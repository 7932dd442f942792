import Linnworks

/// The two kinds of input file a drop folder takes.
public enum FeedKind: String, Sendable, CaseIterable, Codable {
    case stock, shipments
}

/// What every feed is to the commands and the watcher: one run per file.
protocol Feed: Sendable {
    func run(_ source: FeedSource, reportPath: String, attempt: FeedAttempt) async throws(BridgeError) -> FeedSummary
}

extension StockFeed: Feed {}
extension ShipmentFeed: Feed {}

/// A configured feed of one kind, as one function per file: used by `import`, `check` and the watcher alike.
public struct FeedRunner: Sendable {
    let kind: FeedKind
    private let feed: any Feed

    public init(kind: FeedKind, mode: FeedMode, config: BridgeConfig, client: LinnworksClient?, stateDirectory: String,
                progress: (@Sendable (FeedProgress) -> Void)? = nil) {
        self.kind = kind
        switch kind {
        case .stock:
            var options = StockFeedOptions(mode: mode, settings: config.stock)
            options.progress = progress
            feed = StockFeed(options: options, service: client)
        case .shipments:
            var options = ShipmentFeedOptions(mode: mode, settings: config.shipments)
            options.stateDirectory = stateDirectory
            feed = ShipmentFeed(options: options, client: client)
        }
    }

    /// Runs the feed on `source`, writing the report to `reportPath` if a row fails; `attempt`
    /// names what an earlier attempt at the same file applied.
    func callAsFunction(_ source: FeedSource, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(BridgeError) -> FeedSummary {
        try await feed.run(source, reportPath: reportPath, attempt: attempt)
    }

    /// Opens `path` and runs the feed on it.
    public func callAsFunction(_ path: String, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(BridgeError) -> FeedSummary {
        try await feed.run(FeedSource(path: path, byteLimit: attempt.byteLimit), reportPath: reportPath, attempt: attempt)
    }
}
