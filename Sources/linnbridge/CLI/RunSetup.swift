import Bridge
import Foundation
import Linnworks
import Support

/// What every command that does real work needs first: the config, a logger, and — when it
/// talks to Linnworks — a client.
///
/// Exists so each command reads `--config`, `--log-format`, `--quiet` and `--verbose` the same
/// way, and so the logger redacts the credentials from its first line on.
struct RunSetup {
    var config: BridgeConfig
    var logger: Logger
    var credentials: Credentials?

    /// Loads `--config FILE`, or `linnbridge.json` in `defaultDirectory` (the drop root) if it is there.
    /// With `fallbackDirectory`, its `linnbridge.json` is read when `defaultDirectory` has none.
    /// A config file others could change, or a drop root whose `.state/` others can write (without
    /// the sticky bit), is a configuration error; a readable config holding a secret only a warning.
    static func make(_ parsed: ParsedArguments, _ context: Context, defaultDirectory: String = ".",
                     fallbackDirectory: String? = nil) throws(ConfigError) -> RunSetup {
        let config: BridgeConfig
        let path: String
        if let named = parsed.value("config") {
            path = named
            config = try BridgeConfig.load(path: path)
        } else if let fallbackDirectory, !FileManager.default.fileExists(atPath: defaultDirectory + "/linnbridge.json") {
            path = fallbackDirectory + "/linnbridge.json"
            config = try BridgeConfig.loadIfPresent(path: path)
        } else {
            path = defaultDirectory + "/linnbridge.json"
            config = try BridgeConfig.loadIfPresent(path: path)
        }
        try ConfigPermissions.checkStateFolder(DropFolder(root: defaultDirectory).state)
        let format = parsed.value("log-format").flatMap(LogFormat.init(rawValue:)) ?? config.logFormat
        let level: LogLevel = parsed.has("verbose") ? .debug : (parsed.has("quiet") ? .warning : .info)
        let credentials = config.credentials(environment: context.environment)
        var logger = Logger(level: level, handler: format.makeHandler(write: context.standardError))
        if let credentials { logger = logger.redacting([credentials.applicationSecret, credentials.installationToken]) }
        if config.linnworks.applicationSecret != nil || config.linnworks.installationToken != nil,
           let exposed = ConfigPermissions.readableSecretWarning(path) {
            logger.warning("config.readable_by_others", ["path": path, "mode": exposed.mode, "hint": exposed.hint])
        }
        return RunSetup(config: config, logger: logger, credentials: credentials)
    }

    /// The client's timeouts and retry budget from the config; `shutdown` ends its waits at the first signal.
    func clientConfiguration(shutdown: ShutdownSignal? = nil) -> LinnworksClientConfiguration {
        var configuration = LinnworksClientConfiguration()
        configuration.requestTimeout = config.linnworks.timeoutSeconds
        configuration.retry.budget = config.linnworks.retryBudgetSeconds
        configuration.shutdown = shutdown
        return configuration
    }

    /// A client for these credentials, or nil (and a logged reason) when there are none.
    func makeClient(shutdown: ShutdownSignal? = nil) -> LinnworksClient? {
        guard let credentials else {
            logger.error("linnworks.no_credentials", [
                "hint": "set LINNWORKS_APPLICATION_ID, LINNWORKS_APPLICATION_SECRET and LINNWORKS_TOKEN, or the linnworks section of linnbridge.json",
            ])
            return nil
        }
        return LinnworksClient(credentials: credentials, configuration: clientConfiguration(shutdown: shutdown))
    }
}
