import Bridge
import Foundation
import Linnworks
import Sandbox
import Support

/// `linnbridge demo`: the whole job once, on the embedded sandbox, explained on screen.
///
/// Starts the sandbox on a free loopback port, makes a fresh drop folder in the temporary
/// directory, drops the sample files in the way a 3PL should (temporary name, then rename), runs
/// the watcher once with exports, and prints what happened and where to look.
enum DemoCommand {
    static func run(_ parsed: ParsedArguments, _ context: Context) async -> ExitStatus {
        let say = context.standardOutput
        let samples = "samples"
        guard FileManager.default.fileExists(atPath: samples + "/sandbox-account.json") else {
            context.standardError("error: run the demo from the repository's top folder (samples/sandbox-account.json not found)\n")
            return .config
        }
        let server: SandboxServer
        do {
            server = try SandboxServer(options: SandboxOptions())
            try server.start()
        } catch {
            context.standardError("error: the sandbox could not start: \(error)\n")
            return .unavailable
        }
        defer { server.stop() }
        let root = NSTemporaryDirectory() + "linnbridge-demo-" + String(UUID().uuidString.prefix(8)).lowercased()
        say("""
        LinnBridge demo

          Linnworks sandbox   \(server.baseURL)  (a Linnworks look-alike seeded from \(samples)/sandbox-account.json)
          drop folder         \(root)

        Dropping the sample files into the inbox and running the watcher once…

        """)
        let folder = DropFolder(root: root)
        do {
            try folder.create()
            try demoConfig.write(toFile: root + "/linnbridge.json", atomically: true, encoding: .utf8)
            let names = try FileManager.default.contentsOfDirectory(atPath: samples).sorted()
            for name in names where name.hasSuffix(".csv") {
                let kind: FeedKind = name.hasPrefix("shipments") ? .shipments : .stock
                let temporary = folder.inbox(kind) + "/." + name + ".part"
                try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: temporary)
                try FileManager.default.moveItem(atPath: temporary, toPath: folder.inbox(kind) + "/" + name)
            }
        } catch {
            context.standardError("error: could not prepare the drop folder: \(error)\n")
            return .config
        }

        let memory = MemoryLogHandler()
        let credentials = server.credentials()
        let logger = Logger(handler: FanOutLogHandler([TextLogHandler(write: context.standardError), memory]))
            .redacting([credentials.applicationSecret, credentials.installationToken])
        let config: BridgeConfig
        do {
            config = try BridgeConfig.load(path: root + "/linnbridge.json")
        } catch {
            context.standardError("error: \(error)\n")
            return .config
        }
        let client = LinnworksClient(credentials: credentials)
        var options = WatchOptions(root: root)
        options.once = true
        options.settleSeconds = 0.2
        options.runDueExports = ScheduledExports.make(config: config, client: client, folder: folder, logger: logger, force: true)
        do {
            let runners = Dictionary(uniqueKeysWithValues: FeedKind.allCases.map { kind in
                (kind, FeedRunner(kind: kind, mode: .apply, config: config, client: client, stateDirectory: folder.state))
            })
            _ = await (try DropFolderWatcher(options: options, runners: runners, logger: logger, shutdown: ShutdownSignal())).run()
        } catch {
            context.standardError("error: \(error)\n")
            return .config
        }
        say(DemoReport.make(records: memory.records, root: root, server: server))
        return .ok
    }

    /// The demo's config: the German sample's own column names, and the 3PL location for exports.
    static let demoConfig = """
    {
      "stock": { "columns": { "sku": ["Artikelnummer"], "level": ["Bestand"], "location": ["Lager"] } },
      "shipments": { "postalServiceAliases": { "Royal Mail 48": "Royal Mail Tracked 48" } },
      "exports": { "fulfilmentLocation": "3PL Warehouse" }
    }
    """
}
