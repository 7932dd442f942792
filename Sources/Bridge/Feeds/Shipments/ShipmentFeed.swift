import CSV
import Linnworks
import Support

/// The shipment feed: a 3PL's shipment confirmations in, tracking numbers set and orders
/// processed in Linnworks — each exactly once — and a report of the rows that failed.
///
/// Exists as the feed's entry point: its stages (`ShipmentStages`) on the one spine (`FeedPipeline`):
/// parse → map → row rules (`ShipmentRowValidator`) and grouping by order reference (the first
/// pass) → resolve orders (`OrderDirectory`: bulk index or per-reference look-ups) → order rules
/// (`OrderPlan`) → `SetOrderShippingInfo` per order (up to `maxInFlight` at once) → for the orders
/// whose shipping info was set, `ProcessOrdersInBatch` exactly once (`OrderActions`, journalled)
/// → report. Shipping info always goes first: a processed order cannot be changed.
public struct ShipmentFeed: Sendable {
    let options: ShipmentFeedOptions
    let service: (any ShipmentService)?

    public init(options: ShipmentFeedOptions, client: LinnworksClient?) {
        self.options = options
        self.service = client
    }

    /// With a stand-in for Linnworks, for unit tests of the stages.
    init(options: ShipmentFeedOptions, service: (any ShipmentService)?) {
        self.options = options
        self.service = service
    }

    public func run(path: String, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(BridgeError) -> FeedSummary {
        try await run(FeedSource(path: path, byteLimit: attempt.byteLimit), reportPath: reportPath, attempt: attempt)
    }

    /// Runs the feed on a file already open (a claimed file, or one named on the command line).
    func run(_ source: FeedSource, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(BridgeError) -> FeedSummary {
        let pipeline = FeedPipeline(stages: ShipmentStages(options: options, service: service), mode: options.mode, progress: nil)
        return try await pipeline.run(source, reportPath: reportPath, attempt: attempt)
    }
}
