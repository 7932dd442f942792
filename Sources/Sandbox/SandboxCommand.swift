import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `linnbridge sandbox …`: parse, start, print the address, serve until SIGINT or SIGTERM.
///
/// Exists so the CLI wires the command with one call and the behaviour (the address line a
/// smoke test greps for, the exit codes) lives beside the sandbox it describes.
public enum SandboxCommand {
    /// Runs the command; returns the exit status (0, 64 usage, 78 bad seed, 69 cannot bind).
    public static func run(arguments: [String]) async -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            write(SandboxOptions.help, to: FileHandle.standardOutput)
            return 0
        }
        let options: SandboxOptions
        do {
            options = try SandboxOptions.parse(arguments: arguments)
        } catch {
            return report(error)
        }
        return await run(options: options)
    }

    /// Runs the command with options already parsed (`linnbridge sandbox` parses its own command line).
    public static func run(options: SandboxOptions) async -> Int32 {
        let server: SandboxServer
        do {
            var options = options
            // A long-running sandbox keeps its call log in the --log file only, not in memory.
            options.keepsCallRecords = false
            server = try SandboxServer(options: options)
            try server.start()
        } catch {
            return report(error)
        }
        // Handlers first, address second: whoever waits for the address may signal at once.
        // Ignore the default action first: on Linux a later SIG_IGN would disable the sources.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { server.stop() }
            source.activate()
            return source
        }
        write("\(server.baseURL)\n", to: FileHandle.standardOutput)
        write("sandbox: serving \(server.options.seed) on \(server.baseURL) (auth and data); "
              + "state at \(server.baseURL)/sandbox/state; stop with Ctrl-C\n", to: FileHandle.standardError)
        await server.run()
        sources.forEach { $0.cancel() }
        return 0
    }

    /// Says what went wrong and returns the exit status: 64 usage, 78 a bad seed, 69 cannot serve.
    private static func report(_ error: SandboxError) -> Int32 {
        switch error {
        case .usage(let message):
            write("Error: \(message)\n\(SandboxOptions.usage)\nSee 'linnbridge sandbox --help'.\n", to: FileHandle.standardError)
            return 64
        case .seed(let message):
            write("Error: \(message)\n", to: FileHandle.standardError)
            return 78
        case .system:
            write("Error: \(error)\n", to: FileHandle.standardError)
            return 69
        }
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
