import Foundation

/// What a command may use from the outside world, passed in so tests can run commands in-process.
struct Context: Sendable {
    var environment: [String: String]
    var standardOutput: @Sendable (String) -> Void
    var standardError: @Sendable (String) -> Void

    static func process() -> Context {
        Context(environment: ProcessInfo.processInfo.environment,
                standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
                standardError: { FileHandle.standardError.write(Data($0.utf8)) })
    }
}
