import Bridge
import Foundation
import Linnworks
import Support

/// `import stock`, `import shipments` and `check`: the feed on each named file, one summary line
/// per file, and the worst outcome as the exit status.
enum FeedCommand {
    typealias Kind = FeedKind

    static let rootOption = OptionSpec.option("root", "<dir>", "The drop root whose .state/ holds journals and locks (default ./watch).")

    static let errorsOption = OptionSpec.option("errors", "<dir>", "Write error reports here instead of beside each file.")

    static let requireFiles: @Sendable (ParsedArguments) throws(UsageError) -> Void = { parsed throws(UsageError) in
        if parsed.arguments.isEmpty { throw UsageError(message: "Missing '<file> ...'") }
    }

    static func run(_ kind: Kind, mode: FeedMode, _ parsed: ParsedArguments, _ context: Context) async -> ExitStatus {
        let root = parsed.value("root") ?? DropFolder.defaultRoot
        let stateDirectory = DropFolder(root: root).state
        let progress = TerminalProgress.make()
        var context = context
        if let progress { context.standardError = progress.clearingLine(context.standardError) }
        let setup: RunSetup
        do {
            setup = try RunSetup.make(parsed, context, defaultDirectory: root, fallbackDirectory: ".")
        } catch {
            context.standardError("error: \(error)\n")
            return .config
        }
        let logger = setup.logger
        var client: LinnworksClient?
        let shutdown = mode == .apply ? StopOnSignal.install(command: "import", logger: logger, folder: DropFolder(root: root)) : nil
        if mode != .check(online: false) {
            guard let made = setup.makeClient(shutdown: shutdown) else { return .config }
            client = made
        }
        let run = FeedRunner(kind: kind, mode: mode, config: setup.config, client: client, stateDirectory: stateDirectory,
                             progress: TerminalProgress.reporter(progress))
        var worst = ExitStatus.ok
        for path in parsed.arguments {
            if shutdown?.isRequested == true { break }  // a signal: no new file
            let report = reportPath(for: path, errorsDirectory: parsed.value("errors"))
            // Joins the kind's lane: waits while the watcher (or another import) applies a file of this kind.
            let lane = mode == .apply ? await LaneLock.acquire(stateDirectory: stateDirectory, kind: kind, logger: logger) : nil
            defer { withExtendedLifetime(lane) {} }
            do {
                let summary = mode == .apply
                    ? try await run.applyResuming(path, reportPath: report, stateDirectory: stateDirectory, logger: logger)
                    : try await run(path, reportPath: report)
                logger.info("\(kind.rawValue).\(mode == .apply ? "applied" : "checked")", summary.logMetadata(mode: mode))
                worst = max(worst, ExitStatus(rejectedRows: summary.rejected))
            } catch {
                if shutdown?.isRequested == true {
                    // Stopped by a signal: what Linnworks confirmed is journalled; the rest is sent by the next import.
                    logger.notice("import.stopped", ["outcome": "0", "file.name": URL(fileURLWithPath: path).lastPathComponent])
                    return .ok
                }
                logger.error("\(kind.rawValue).failed", ["file.name": URL(fileURLWithPath: path).lastPathComponent, "reason": error.description])
                // A file rejected whole does not stop the others; anything else ends the run.
                worst = max(worst, ExitStatus(error))
                if error.code != .fileRejected { return worst }
            }
        }
        return worst
    }

    /// `DIR/<name>.errors.csv`, or beside the input.
    static func reportPath(for input: String, errorsDirectory: String?) -> String {
        let name = URL(fileURLWithPath: input).lastPathComponent + ".errors.csv"
        if let errorsDirectory { return URL(fileURLWithPath: errorsDirectory).appendingPathComponent(name).path }
        return URL(fileURLWithPath: input).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
