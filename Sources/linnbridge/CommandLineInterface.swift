import Foundation

/// Parses the command line and dispatches to a command. Help and `--version` go to stdout;
/// usage errors to stderr with exit 64.
enum CommandLineInterface {
    static let version = "0.1.0"

    static func run(_ arguments: [String]) async -> ExitStatus {
        guard let first = arguments.first else {
            write(help, to: .standardOutput)
            return .ok
        }
        switch first {
        case "--help", "-h", "help":
            write(help, to: .standardOutput)
            return .ok
        case "--version":
            write("linnbridge \(version)\n", to: .standardOutput)
            return .ok
        default:
            write("Error: unknown command '\(first)'\n\(usage)\nSee 'linnbridge --help'.\n", to: .standardError)
            return .usage
        }
    }

    static let usage = "Usage: linnbridge <command> [options]"

    static let help = """
    OVERVIEW: LinnBridge — CSV drop folders to Linnworks and back.

    \(usage)

    COMMANDS (being built; see README.md for what works today):
      demo        Run the whole job once on the embedded sandbox.
      watch       Watch a drop folder and apply what lands in it.
      import      Apply stock or shipment files once.
      check       Parse and validate files without changing Linnworks.
      export      Write open-order or stock-level exports.
      sandbox     Run the Linnworks sandbox alone.

    OPTIONS:
      -h, --help  Show this help.
      --version   Show the version.

    """

    enum Stream { case standardOutput, standardError }

    static func write(_ text: String, to stream: Stream) {
        let handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }
}
