import Foundation
import Sandbox

/// Starting the processes whose figures a bench reports: this binary in a measuring mode, or
/// `linnbridge` beside it, each pointed at the in-process sandbox by the usual `LINNWORKS_*`
/// variables.
///
/// Exists so each measured run has its own process (its own peak RSS, nothing of the sandbox's
/// memory in it) and the benches do not each spell out how to find the binary and pass credentials.
enum BenchChild {
    /// This binary.
    static var bench: URL {
        URL(fileURLWithPath: CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : "/proc/self/exe")
    }

    /// The `linnbridge` built beside this binary.
    static var linnbridge: URL {
        bench.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("linnbridge")
    }

    /// This process's environment with the sandbox's credentials as `LINNWORKS_*`.
    static func environment(for server: SandboxServer) -> [String: String] {
        let credentials = server.credentials()
        var environment = ProcessInfo.processInfo.environment
        environment["LINNWORKS_AUTH_URL"] = server.baseURL
        environment["LINNWORKS_APPLICATION_ID"] = credentials.applicationID
        environment["LINNWORKS_APPLICATION_SECRET"] = credentials.applicationSecret.reveal { $0 }
        environment["LINNWORKS_TOKEN"] = credentials.installationToken.reveal { $0 }
        return environment
    }

    /// Runs this binary as `arguments` against `server` and returns the `count` whitespace-separated
    /// fields it printed.
    static func measure(_ arguments: [String], server: SandboxServer, fields count: Int) throws -> [Substring] {
        try fields(of: bench, arguments, environment: environment(for: server), count: count)
    }

    /// Runs `executable` and returns the `count` whitespace-separated fields it printed; anything
    /// else (a failure, another count) throws with what it printed.
    static func fields(of executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                       count: Int) throws -> [Substring] {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == count else {
            throw BenchError.child("\(executable.lastPathComponent) \(arguments.first ?? "") failed: status "
                                   + "\(process.terminationStatus), output \(String(decoding: data, as: UTF8.self))")
        }
        return fields
    }
}
