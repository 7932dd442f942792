import CSV
import Linnworks
import Support

/// The stock feed: a stock snapshot file in, absolute stock levels in Linnworks out, and a
/// report of exactly the rows that failed.
///
/// Exists as the feed's entry point: its stages (`StockStages`) on the one spine (`FeedPipeline`):
/// parse → map (`HeaderMap`) → find superseded rows (`DuplicateFinder`, the first pass) → validate
/// (`StockRowValidator`) → resolve locations (`LocationDirectory`, one call per run) → batch → submit
/// (`Stock/SetStockLevel`, up to `maxInFlight` batches at once while the second pass goes on) →
/// reconcile (a SKU missing from the answer is `unknown_sku`) → report (`ErrorReport`).
public struct StockFeed: Sendable {
    let options: StockFeedOptions
    /// Linnworks; nil only for an offline `check`.
    let service: (any StockService)?

    public init(options: StockFeedOptions, service: (any StockService)?) {
        self.options = options
        self.service = service
    }

    /// Runs the feed on one file and writes `reportPath` if a row failed.
    /// Throws only when the file or the run fails as a whole.
    public func run(path: String, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(BridgeError) -> FeedSummary {
        try await run(FeedSource(path: path, byteLimit: attempt.byteLimit), reportPath: reportPath, attempt: attempt)
    }

    /// Runs the feed on a file already open (a claimed file, or one named on the command line).
    func run(_ source: FeedSource, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(BridgeError) -> FeedSummary {
        let pipeline = FeedPipeline(stages: StockStages(options: options, service: service), mode: options.mode,
                                    progress: options.progress)
        return try await pipeline.run(source, reportPath: reportPath, attempt: attempt)
    }
}
