import Bridge
import Sandbox

/// `linnbridge sandbox`: the options are declared here for help and usage; the sandbox module runs it.
enum SandboxCommandBridge {
    static let options: [OptionSpec] = [
        .option("port", "<n>", "Port on 127.0.0.1; 0 picks a free one and prints it (default 0)."),
        .option("seed", "<file>", "The account to start from (default samples/sandbox-account.json)."),
        .option("time-scale", "<k>", "Divide the rate-limit window by k, 0.001 to 10000 (60: limits per second)."),
        .option("faults", "<spec>", "Inject faults, e.g. seed=7,error-before=0.05,drop=0.02."),
        .option("log", "<file>", "Write a JSON line per call to this file."),
        .option("session-idle", "<seconds>", "Idle time before a session expires (default 1200, at most 604800)."),
        .flag("no-rate-limits", "Serve every call, however many."),
    ]

    static func run(_ parsed: ParsedArguments, _ context: Context) async -> ExitStatus {
        // The command line is parsed once, here; each value is checked by the sandbox's own rules.
        var sandboxOptions = SandboxOptions()
        do throws(SandboxError) {
            for option in options {
                if let value = parsed.value(option.name) { try sandboxOptions.set(option.name, value) }
                if parsed.has(option.name) { try sandboxOptions.set(option.name, nil) }
            }
        } catch {
            guard case let .usage(message) = error else { return .config }
            return CommandLineInterface.usageError(message, command: CommandTree.sandbox, path: ["linnbridge", "sandbox"], context: context)
        }
        let status = await SandboxCommand.run(options: sandboxOptions)
        return ExitStatus(rawValue: status) ?? .unavailable
    }
}
