import Bridge
import Foundation
import Linnworks
import Support

/// `import stock`, `import shipments` and `check`: the feed on each named file, one summary line
/// per file, and the worst outcome as the exit status.
enum FeedCommand {
    enum Kind: String { case stock, shipments }

    static let errorsOption = OptionSpec.option("errors", "<dir>", "Write error reports here instead of beside each file.")

    static let requireFiles: @Sendable (ParsedArguments) throws(UsageError) -> Void = { parsed throws(UsageError) in
        if parsed.arguments.isEmpty { throw UsageError(message: "Missing '<file> ...'") }
    }

    static func run(_ kind: Kind, mode: FeedMode, _ parsed: ParsedArguments, _ context: Context) async -> ExitStatus {
        let setup: RunSetup
        do {
            setup = try RunSetup.make(parsed, context)
        } catch {
            context.standardError("error: \(error)\n")
            return .config
        }
        let logger = setup.logger
        var client: LinnworksClient?
        if mode != .check(online: false) {
            guard let made = setup.makeClient() else { return .config }
            client = made
        }
        let run = makeRun(kind, mode: mode, config: setup.config, client: client)
        var worst = ExitStatus.ok
        for path in parsed.arguments {
            let report = reportPath(for: path, errorsDirectory: parsed.value("errors"))
            do {
                let summary = try await run(path, report)
                logger.info("\(kind.rawValue).\(mode == .apply ? "applied" : "checked")", metadata(summary, mode: mode))
                worst = max(worst, summary.rejected > 0 ? .rowsRejected : .ok)
            } catch {
                logger.error("\(kind.rawValue).failed", ["file.name": URL(fileURLWithPath: path).lastPathComponent, "reason": error.description])
                switch error {
                case .fileRejected: worst = max(worst, .fileRejected)
                case .linnworksUnavailable: return max(worst, .unavailable)
                case .authorizationRefused: return max(worst, .authRefused)
                case .configuration: return max(worst, .config)
                }
            }
        }
        return worst
    }

    /// The feed for `kind`, configured from `linnbridge.json`, as one function per file.
    static func makeRun(_ kind: Kind, mode: FeedMode, config: BridgeConfig, client: LinnworksClient?)
        -> (String, String) async throws(FeedError) -> FeedSummary {
        switch kind {
        case .stock:
            var options = StockFeedOptions(mode: mode)
            options.columnAliases = config.stock.columns
            options.defaultLocation = config.stock.defaultLocation
            options.batchSize = config.stock.batchSize
            options.maxInFlight = config.stock.maxInFlight
            let feed = StockFeed(options: options, service: client)
            return { (path: String, report: String) async throws(FeedError) -> FeedSummary in try await feed.run(path: path, reportPath: report) }
        case .shipments:
            var options = ShipmentFeedOptions(mode: mode)
            options.columnAliases = config.shipments.columns
            options.postalServiceAliases = config.shipments.postalServiceAliases
            options.processOrders = config.shipments.processOrders
            options.locations = config.shipments.locations
            options.stripPrefixes = config.shipments.stripPrefixes
            options.stripSuffixes = config.shipments.stripSuffixes
            options.batchSize = config.shipments.batchSize
            let feed = ShipmentFeed(options: options, client: client)
            return { (path: String, report: String) async throws(FeedError) -> FeedSummary in try await feed.run(path: path, reportPath: report) }
        }
    }

    /// `DIR/<name>.errors.csv`, or beside the input.
    static func reportPath(for input: String, errorsDirectory: String?) -> String {
        let name = URL(fileURLWithPath: input).lastPathComponent + ".errors.csv"
        if let errorsDirectory { return URL(fileURLWithPath: errorsDirectory).appendingPathComponent(name).path }
        return URL(fileURLWithPath: input).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The counts of the per-file log line (product.md: rows read, applied, rejected, skipped, API calls, seconds).
    static func metadata(_ s: FeedSummary, mode: FeedMode) -> LogMetadata {
        var metadata: LogMetadata = ["file.name": URL(fileURLWithPath: s.file).lastPathComponent, "rows.read": String(s.rowsRead)]
        if mode == .apply {
            metadata["rows.applied"] = String(s.applied)
        } else {
            metadata["rows.would_apply"] = String(s.wouldApply)
        }
        metadata["rows.rejected"] = String(s.rejected)
        metadata["rows.skipped"] = String(s.skipped)
        metadata["api.calls"] = String(s.apiCalls)
        metadata["seconds"] = String(format: "%.2f", s.seconds)
        if let report = s.reportPath { metadata["report"] = report }
        return metadata
    }
}
