import Foundation

/// The `linnbridge` command. Only `main` decides the process's exit status.
@main
struct LinnBridgeMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let status = await CommandLineInterface.run(arguments)
        exit(status.rawValue)
    }
}
