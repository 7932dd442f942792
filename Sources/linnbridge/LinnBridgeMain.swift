import Bridge
import Foundation
import Support

/// The `linnbridge` command. Only `main` decides the process's exit status.
@main
struct LinnBridgeMain {
    static func main() async {
        // Before anything reads a credential: no core dump or /proc/<pid>/mem read may hold the secret.
        ProcessHardening.disableCoreDumps()
        MallocArenas.limit()
        let status = await CommandLineInterface.run(Array(CommandLine.arguments.dropFirst()), context: .process())
        exit(status.rawValue)
    }
}
