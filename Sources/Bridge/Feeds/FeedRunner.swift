import Linnworks

/// The two kinds of input file a drop folder takes.
public enum FeedKind: String, Sendable, CaseIterable, Codable {
    case stock, shipments
}

/// A configured feed of one kind, as one function per file: used by `import`, `check` and the watcher alike.
public struct FeedRunner: Sendable {
    public let kind: FeedKind
    private let run: @Sendable (FeedSource, String, FeedAttempt) async throws(BridgeError) -> FeedSummary

    public init(kind: FeedKind, mode: FeedMode, config: BridgeConfig, client: LinnworksClient?, stateDirectory: String,
                progress: (@Sendable (FeedProgress) -> Void)? = nil) {
        self.kind = kind
        switch kind {
        case .stock:
            var options = StockFeedOptions(mode: mode, settings: config.stock)
            options.progress = progress
            let feed = StockFeed(options: options, service: client)
            run = { (source, report, attempt) async throws(BridgeError) -> FeedSummary in
                try await feed.run(source, reportPath: report, attempt: attempt)
            }
        case .shipments:
            var options = ShipmentFeedOptions(mode: mode, settings: config.shipments)
            options.stateDirectory = stateDirectory
            let feed = ShipmentFeed(options: options, client: client)
            run = { (source, report, attempt) async throws(BridgeError) -> FeedSummary in
                try await feed.run(source, reportPath: report, attempt: attempt)
            }
        }
    }

    /// Runs the feed on `source`, writing the report to `reportPath` if a row fails; `attempt`
    /// names what an earlier attempt at the same file applied.
    public func callAsFunction(_ source: FeedSource, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(BridgeError) -> FeedSummary {
        try await run(source, reportPath, attempt)
    }

    /// Opens `path` and runs the feed on it.
    public func callAsFunction(_ path: String, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(BridgeError) -> FeedSummary {
        try await run(FeedSource(path: path, byteLimit: attempt.byteLimit), reportPath, attempt)
    }
}
