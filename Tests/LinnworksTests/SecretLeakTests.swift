import Foundation
import Testing
import Linnworks
import Sandbox
import Support

/// The application secret, the installation token and every session token stay out of
/// every log line, call record, error description and sandbox log — failures included.
@Suite struct SecretLeakTests {
    @Test func noSecretAppearsAnywhereACallerOrLogCanSee() async throws {
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("leak-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let fixture = try ClientFixture(
            sandbox: { $0.logPath = logPath; $0.faults = try! FaultPlan.parse("seed=5,error-before=0.2,error-after=0.1,drop-after=0.1,expire-every=3") },
            client: { $0.retry.maxAttempts = 2 })
        var seen: [String] = []
        func attempt(_ work: () async throws -> Void) async {
            do { try await work() } catch { seen.append("\(error)"); seen.append(String(describing: error)); seen.append(String(reflecting: error)) }
        }
        for level in 0..<12 {
            await attempt { _ = try await fixture.client.setStockLevel([StockLevelUpdate(sku: "SOCK-3PK", locationID: ClientFixture.warehouse, level: level)]) }
        }
        await attempt { _ = try await fixture.client.setStockLevel([StockLevelUpdate(sku: "SOCK-3PK", locationID: "bad", level: 1)]) }
        await attempt { _ = try await fixture.client.processOrdersInBatch([fixture.orderID(20007)]) }
        await attempt { _ = try await fixture.client.processOrdersInBatch([fixture.orderID(20009)], locationID: "not-a-location") }
        await attempt { _ = try await fixture.client.assignOrderIdentifier(tag: "NOPE", orderIDs: [fixture.orderID(20001)]) }
        await attempt { _ = try await fixture.client.getOrderDetailsByNumOrderId(20001) }

        let wrong = LinnworksClient(credentials: Credentials(
            applicationID: SandboxDefaults.applicationID, applicationSecret: Secret(SandboxDefaults.applicationSecret),
            installationToken: Secret(UUID().uuidString), authURL: fixture.server.baseURL))
        await attempt { try await wrong.authorize() }
        let nowhere = LinnworksClient(credentials: Credentials(
            applicationID: SandboxDefaults.applicationID, applicationSecret: Secret(SandboxDefaults.applicationSecret),
            installationToken: Secret(SandboxDefaults.installationToken), authURL: "http://127.0.0.1:1"),
            configuration: { var c = LinnworksClientConfiguration(); c.retry.maxAttempts = 1; return c }())
        await attempt { try await nowhere.authorize() }
        fixture.server.stop()

        let credentials = fixture.server.credentials()
        seen += fixture.records.all.map(\.description)
        seen += fixture.server.callRecords().map(\.jsonLine)
        seen.append(try String(contentsOfFile: logPath, encoding: .utf8))
        seen.append("\(credentials)")
        seen.append(String(reflecting: credentials))
        var dumped = ""
        dump(credentials, to: &dumped)
        seen.append(dumped)

        let tokens = fixture.server.issuedSessionTokens()
        #expect(tokens.count >= 3, "sessions were renewed along the way")
        #expect(seen.count > 20)
        let secrets = [SandboxDefaults.applicationSecret, SandboxDefaults.installationToken] + tokens
        for text in seen {
            for secret in secrets {
                #expect(!text.lowercased().contains(secret.lowercased()), "a secret leaked into: \(text.prefix(200))")
            }
        }
    }
}
