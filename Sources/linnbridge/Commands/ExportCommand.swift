import Bridge
import Foundation
import Linnworks
import Support

/// `export open-orders` and `export stock-levels`: one export, one log line, and the exit status.
///
/// Exists to turn the command line and the `exports` config section into the Bridge exports'
/// options, and their typed errors into the README's exit codes (69 unreachable, 73 a file not written,
/// 75 busy, 77 refused, 78 configuration). Files go to `--out` (default `<root>/outbox`), the lock and journal to the drop
/// root's `.state/` (`--root`, default `./watch`), so an export run from any folder shares them with the watcher.
enum ExportCommand {
    enum Kind { case openOrders, stockLevels }

    static func run(_ kind: Kind, _ parsed: ParsedArguments, _ context: Context) async -> ExitStatus {
        let folder = DropFolder(root: parsed.value("root") ?? DropFolder.defaultRoot)
        let stateDirectory = folder.state
        let setup: RunSetup
        do {
            setup = try RunSetup.make(parsed, context, defaultDirectory: folder.root, fallbackDirectory: ".")
        } catch {
            context.standardError("error: \(error)\n")
            return .config
        }
        let logger = setup.logger
        let shutdown = StopOnSignal.install(command: "export", logger: logger, folder: folder)
        guard let client = setup.makeClient(shutdown: shutdown) else { return .config }
        let outbox = parsed.value("out") ?? folder.outbox
        let settings = setup.config.exports
        let event = kind == .openOrders ? "export.open_orders" : "export.stock_levels"
        do {
            let summary: ExportSummary
            switch kind {
            case .openOrders:
                var options = OpenOrderExportOptions(settings: settings, location: parsed.value("location"),
                                                     outbox: outbox, stateDirectory: stateDirectory)
                options.exportsAll = parsed.has("all")
                options.logger = logger
                summary = try await OpenOrderExport(options: options, client: client).run()
            case .stockLevels:
                let options = StockLevelExport.Options(settings: settings, location: parsed.value("location"), outbox: outbox)
                summary = try await StockLevelExport(options: options, client: client).run()
            }
            try? ExportRunTimes(stateDirectory: stateDirectory)
                .record(kind == .openOrders ? .openOrders : .stockLevels, at: Date())
            let export: ExportSchedule.Export = kind == .openOrders ? .openOrders : .stockLevels
            logger.info(summary.logMessage(export), summary.logMetadata(export))
            return .ok
        } catch {
            logger.error(event + ".failed", ["reason": error.description])
            return ExitStatus(error)
        }
    }
}
