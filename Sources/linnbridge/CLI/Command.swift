import Bridge
/// A usage mistake: printed with the command's usage and `See 'linnbridge help …'`, exit 64.
struct UsageError: Error {
    var message: String
}

/// An option a command accepts.
struct OptionSpec: Sendable {
    /// Without the dashes: `errors` for `--errors`.
    var name: String
    /// The value's placeholder (`<dir>`); nil for a flag.
    var value: String?
    var help: String
    var allowed: [String]? = nil

    static func flag(_ name: String, _ help: String) -> OptionSpec { OptionSpec(name: name, value: nil, help: help) }
    static func option(_ name: String, _ value: String, _ help: String, allowed: [String]? = nil) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help, allowed: allowed)
    }
}

/// What the command line said, after parsing against a command's options.
struct ParsedArguments: Sendable {
    var flags: Set<String> = []
    var options: [String: String] = [:]
    var arguments: [String] = []

    func has(_ flag: String) -> Bool { flags.contains(flag) }
    func value(_ option: String) -> String? { options[option] }
}

/// A node of the command tree: a group (subcommands) or a leaf that runs.
///
/// Exists so usage, help and dispatch all come from one description of the commands
/// (as swift-argument-parser does, without the package).
struct Command: Sendable {
    var name: String
    var abstract: String
    var usage: String = ""
    var discussion: String = ""
    var options: [OptionSpec] = []
    var subcommands: [Command] = []
    var validate: @Sendable (ParsedArguments) throws(UsageError) -> Void = { _ in }
    var run: (@Sendable (ParsedArguments, Context) async -> ExitStatus)?
}

/// Options every command takes (`--config`, `--log-format`, `--quiet`, `--verbose`; `--help` is handled before parsing).
enum CommonOptions {
    static let all: [OptionSpec] = [
        .option("config", "<file>", "The config file (default: linnbridge.json in the drop root, else here); others may not write it."),
        .option("log-format", "<format>", "Log lines as text or json.", allowed: ["text", "json"]),
        .flag("quiet", "Only warnings and errors."),
        .flag("verbose", "Debug detail too."),
    ]
}
