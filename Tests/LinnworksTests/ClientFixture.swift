import Foundation
import Linnworks
import Sandbox
import Synchronization

/// A sandbox on a free loopback port and a real client pointed at it over HTTP.
///
/// Exists so every client test runs the production code path end to end: URLSession,
/// sockets, the sandbox's parser — no in-process shortcut. It also records everything the
/// client reports (call records) for the secret-leak checks.
struct ClientFixture {
    let server: SandboxServer
    let client: LinnworksClient
    let records: CallRecords

    final class CallRecords: Sendable {
        private let storage = Mutex<[CallRecord]>([])
        func append(_ record: CallRecord) { storage.withLock { $0.append(record) } }
        var all: [CallRecord] { storage.withLock { $0 } }
    }

    init(sandbox: (inout SandboxOptions) -> Void = { _ in },
         client configure: (inout LinnworksClientConfiguration) -> Void = { _ in },
         credentials: ((Credentials) -> Credentials)? = nil) throws {
        var options = SandboxOptions()
        options.seed = ClientFixture.seedPath
        sandbox(&options)
        server = try SandboxServer(options: options)
        try server.start()
        let records = CallRecords()
        self.records = records
        var configuration = LinnworksClientConfiguration()
        configuration.requestTimeout = 30
        configuration.retry.initialDelay = 0.01
        configuration.retry.maxDelay = 0.2
        configuration.retry.throttleDelay = 0.05
        configuration.observer = { records.append($0) }
        configure(&configuration)
        let base = server.credentials()
        client = LinnworksClient(credentials: credentials?(base) ?? base, configuration: configuration)
    }

    static var seedPath: String {
        let relative = "samples/sandbox-account.json"
        if FileManager.default.fileExists(atPath: relative) { return relative }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(relative).path
    }

    static let warehouse = "7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
    static let defaultLocation = "00000000-0000-0000-0000-000000000000"

    func orderID(_ number: Int) -> String { server.snapshot().order(number: number)!.orderID }
}
