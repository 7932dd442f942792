import Foundation
import Linnworks
import Sandbox
import Support
import TestFixtures
import Testing

/// Both HTTP transports against the real sandbox: libcurl's easy interface (the default) and the
/// URLSession fallback answer alike, and neither ever re-sends a call that cannot be sent twice.
@Suite struct TransportTests {
    @Test(arguments: [false, true])
    func bothTransportsReadAndWrite(usesURLSession: Bool) async throws {
        let fixture = try ClientFixture(client: { $0.usesURLSession = usesURLSession })
        defer { fixture.server.stop() }
        let locations = try await fixture.client.getStockLocations()
        #expect(!locations.isEmpty)
        let results = try await fixture.client.processOrdersInBatch([fixture.orderID(20002)])
        #expect(results.count == 1)
    }

    @Test(arguments: [false, true])
    func aLostAnswerToProcessingIsNeverResent(usesURLSession: Bool) async throws {
        let fixture = try ClientFixture(sandbox: { $0.faults = try! FaultPlan.parse("drop-after=1,only=ProcessOrdersInBatch,max=1") },
                                        client: { $0.usesURLSession = usesURLSession })
        defer { fixture.server.stop() }
        // A reused connection first: curl re-sends on a reused connection that dies without an answer.
        _ = try await fixture.client.getStockLocations()
        await #expect(throws: LinnworksError.self) { _ = try await fixture.client.processOrdersInBatch([fixture.orderID(20003)]) }
        #expect(fixture.server.counters().calls(.processOrdersInBatch) == 1)
    }

    /// A server that accepts and never answers: the call fails as timed out after the timeout, not before.
    @Test func aCallWithNoAnswerTimesOut() async throws {
        let hole = try BlackHole()
        var configuration = LinnworksClientConfiguration()
        configuration.requestTimeout = 1
        configuration.retry.maxAttempts = 1
        let client = LinnworksClient(credentials: Credentials(applicationID: "a", applicationSecret: Secret("s-123456"),
                                                              installationToken: Secret("t-123456"), authURL: hole.url),
                                     configuration: configuration)
        let started = ContinuousClock.now
        await #expect {
            try await client.authorize()
        } throws: { error in
            guard case LinnworksError.unavailable(_, let reason) = error else { return false }
            return reason.contains("timed out")
        }
        #expect(ContinuousClock.now - started >= .milliseconds(900))
    }
}
