import Foundation
import Linnworks
import Support

/// The exports a watcher runs on their configured intervals (`exports.openOrdersEvery`,
/// `exports.stockLevelsEvery`), remembering when each last ran in `.state/`.
public enum ScheduledExports {
    /// A `WatchOptions.runDueExports`: runs what is due (everything when `force`), logs each export.
    public static func make(config: BridgeConfig, client: LinnworksClient, folder: DropFolder, logger: Logger,
                            force: Bool = false) -> @Sendable () async -> ExitStatus? {
        let schedule = ExportSchedule(settings: config.exports)
        let runTimes = ExportRunTimes(stateDirectory: folder.state)
        let settings = config.exports
        return {
            let due = force ? ExportSchedule.Export.allCases : schedule.due(at: Date(), lastRuns: runTimes.load())
            var worst: ExitStatus?
            for export in due {
                do throws(BridgeError) {
                    let summary: ExportSummary
                    switch export {
                    case .openOrders:
                        var options = OpenOrderExportOptions(settings: settings, outbox: folder.outbox, stateDirectory: folder.state)
                        options.logger = logger
                        options.waitsForOtherExports = false
                        summary = try await OpenOrderExport(options: options, client: client).run()
                    case .stockLevels:
                        summary = try await StockLevelExport(options: .init(settings: settings, outbox: folder.outbox), client: client).run()
                    }
                    try? runTimes.record(export, at: Date())
                    logger.info(summary.logMessage(export), summary.logMetadata(export))
                } catch where error.code == .busy {
                    // Not recorded as run, so it is due again at the next look, a few seconds on.
                    logger.notice("export.postponed", [
                        "export": export.rawValue, "reason": "another open-order export of this drop folder is running",
                    ])
                } catch {
                    logger.error("export.failed", ["export": export.rawValue, "reason": error.description])
                    let outcome = ExitStatus(error)
                    worst = max(worst ?? outcome, outcome)
                }
            }
            return worst
        }
    }
}
