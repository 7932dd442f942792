import Bridge
import Foundation
import Linnworks
import Sandbox
import Support

/// `linnbridge watch`: the drop-folder daemon, or one pass of it with `--once` (for cron).
enum WatchCommand {
    static let options: [OptionSpec] = [
        .option("root", "<dir>", "The drop folder (default ./watch)."),
        .flag("once", "Process what is there, run due exports, and exit."),
        .flag("sandbox", "Use the embedded sandbox (samples/sandbox-account.json) instead of Linnworks."),
        .option("poll", "<seconds>", "Scan every N seconds (above 0, at most 604800) instead of inotify (network mounts)."),
    ]

    static func run(_ parsed: ParsedArguments, _ context: Context) async -> ExitStatus {
        let root = parsed.value("root") ?? DropFolder.defaultRoot
        var poll: Double?
        if let text = parsed.value("poll") {
            guard let seconds = DurationLimit.seconds(text) else {
                return CommandLineInterface.usageError("--poll must be a number of seconds above 0 and at most \(DurationLimit.described), got '\(text)'",
                                                       command: CommandTree.watch,
                                                       path: ["linnbridge", "watch"], context: context)
            }
            poll = seconds
        }
        let progress = TerminalProgress.make()
        var context = context
        if let progress { context.standardError = progress.clearingLine(context.standardError) }
        let setup: RunSetup
        do {
            setup = try RunSetup.make(parsed, context, defaultDirectory: root)
        } catch {
            context.standardError("error: \(error)\n")
            return .config
        }
        // Before anything else is touched: a second watcher of this folder goes away at once.
        let folderLock: DropFolderLock
        do {
            folderLock = try DropFolderLock.acquire(root: root)
        } catch let held as DropFolderLock.Held {
            setup.logger.error("watch.busy", ["root": root, "pid": held.pid.map(String.init) ?? "unknown", "reason": held.description])
            return .busy
        } catch {
            setup.logger.error("watch.failed", ["root": root, "reason": "the drop folder's lock cannot be taken: \(error)"])
            return ExitStatus(BridgeError(startingUp: error))
        }
        defer { withExtendedLifetime(folderLock) {} }
        var sandbox: SandboxServer?
        var credentials = setup.credentials
        if parsed.has("sandbox") {
            do {
                let server = try SandboxServer(options: SandboxOptions())
                try server.start()
                sandbox = server
                credentials = server.credentials()
                setup.logger.info("sandbox.started", ["url": server.baseURL])
            } catch {
                setup.logger.error("sandbox.failed", ["reason": "\(error)", "hint": "run from the repository's top folder, where samples/ is"])
                if case .seed = error { return .config }
                return .unavailable
            }
        }
        defer { sandbox?.stop() }
        guard let credentials else {
            _ = setup.makeClient()
            return .config
        }
        let logger = setup.logger.redacting([credentials.applicationSecret, credentials.installationToken])
        let folder = DropFolder(root: root)
        let shutdown = StopOnSignal.install(command: "watch", logger: logger, folder: folder)
        let client = LinnworksClient(credentials: credentials, configuration: setup.clientConfiguration(shutdown: shutdown))
        var options = WatchOptions(root: root)
        options.once = parsed.has("once")
        options.settleSeconds = setup.config.watch.settleSeconds
        options.pollSeconds = poll ?? setup.config.watch.pollSeconds
        options.rescanSeconds = setup.config.watch.rescanSeconds
        options.skipsDuplicates = setup.config.watch.skipDuplicateFiles
        options.runDueExports = ScheduledExports.make(config: setup.config, client: client, folder: folder, logger: logger)
        let outcome: ExitStatus
        do {
            let runners = Dictionary(uniqueKeysWithValues: FeedKind.allCases.map { kind in
                (kind, FeedRunner(kind: kind, mode: .apply, config: setup.config, client: client, stateDirectory: root + "/.state",
                                  progress: TerminalProgress.reporter(progress)))
            })
            let watcher = try DropFolderWatcher(options: options, runners: runners, logger: logger, shutdown: shutdown)
            outcome = await watcher.run()
        } catch {
            logger.error("watch.failed", ["reason": "\(error)"])
            return ExitStatus(BridgeError(startingUp: error))
        }
        if !options.once {
            // The daemon stops itself only for what it cannot fix; it says so with a non-zero status
            // (so systemd's Restart=on-failure restarts it or shows it failed). A signal's stop is 0.
            return [.authRefused, .config].contains(outcome) ? outcome : .ok
        }
        return outcome
    }
}
