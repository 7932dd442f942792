import Foundation
import Testing
import Linnworks
import Sandbox
import Support

/// Re-authorization, pacing, throttling, retries and the non-idempotent processing call.
@Suite struct ClientResilienceTests {
    @Test func anExpiredSessionIsRenewedTransparently() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        _ = try await fixture.client.getIdentifiers()
        fixture.server.expireAllSessions()
        _ = try await fixture.client.getIdentifiers()
        #expect(fixture.server.counters().authorizations == 2)
        #expect(fixture.server.counters().unauthorized == 1)
    }

    @Test func concurrentCallsMeetingA401ShareOneAuthorization() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        try await fixture.client.authorize()
        fixture.server.expireAllSessions()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<16 { group.addTask { _ = try await fixture.client.getStockLocations() } }
            try await group.waitForAll()
        }
        #expect(fixture.server.counters().authorizations == 2, "one at start, one shared renewal")
    }

    @Test func sessionsExpiringEveryFewCallsNeverSurfaceAsErrors() async throws {
        let fixture = try ClientFixture(sandbox: { $0.faults = try! FaultPlan.parse("expire-every=4") })
        defer { fixture.server.stop() }
        for _ in 0..<20 { _ = try await fixture.client.getPostalServices() }
        #expect(fixture.server.counters().authorizations >= 5)
    }

    @Test func wrongCredentialsAreRefusedAtOnce() async throws {
        let fixture = try ClientFixture(credentials: { base in
            var wrong = base
            wrong.applicationSecret = Secret(UUID().uuidString)
            return wrong
        })
        defer { fixture.server.stop() }
        await #expect {
            _ = try await fixture.client.getStockLocations()
        } throws: { error in
            if case LinnworksError.authorizationRefused = error { return true }
            return false
        }
        #expect(fixture.server.counters().calls(.authorizeByApplication) == 1, "no retry on refused credentials")
    }

    @Test func pacingKeepsAStreamOfCallsUnderTheLimit() async throws {
        // 300 SetStockLevel calls at a limit of 250 per (scaled) second: must wait, must never be throttled.
        let fixture = try ClientFixture(sandbox: { $0.timeScale = 60 }, client: { $0.timeScale = 60 })
        defer { fixture.server.stop() }
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for call in 0..<75 {
                        _ = try await fixture.client.setStockLevel(
                            [StockLevelUpdate(sku: "MUG-BLU-01", locationID: ClientFixture.warehouse, level: worker * 100 + call)])
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(ContinuousClock.now - started >= .seconds(1), "the 251st call had to wait for the window")
        #expect(fixture.server.counters().calls(.setStockLevel) == 300)
        #expect(fixture.server.counters().throttled == 0)
        #expect(!fixture.records.all.contains { $0.outcome == .throttled })
    }

    @Test func a429IsWaitedOutAndTheCallSucceeds() async throws {
        // 10 calls per 10 s (limit 10, time scale 6): the 11th call is throttled unless the first eleven
        // took 10 s, which even a loaded machine does not (at time scale 20, a 3 s window, one did).
        let fixture = try ClientFixture(sandbox: { $0.timeScale = 6; $0.callsPerMinute[.getIdentifiers] = 10 },
                                        client: { $0.isPacingEnabled = false })
        defer { fixture.server.stop() }
        for _ in 0..<14 { _ = try await fixture.client.getIdentifiers() }
        #expect(fixture.server.counters().throttled >= 1)
        #expect(fixture.server.counters().calls(.getIdentifiers) == 14 + fixture.server.counters().throttled)
    }

    @Test func a429WithoutRetryAfterBacksOff() async throws {
        // The same 10 s window; backing off 0.5 + 1 + 2 + 4 + 8 s outlasts it.
        let fixture = try ClientFixture(sandbox: { $0.timeScale = 6; $0.callsPerMinute[.getIdentifiers] = 10; $0.sendsRetryAfter = false },
                                        client: { $0.isPacingEnabled = false; $0.retry.throttleDelay = 0.5 })
        defer { fixture.server.stop() }
        for _ in 0..<14 { _ = try await fixture.client.getIdentifiers() }
        #expect(fixture.server.counters().throttled >= 1)
    }

    @Test func persistentThrottlingEndsAsThrottled() async throws {
        let fixture = try ClientFixture(sandbox: { $0.timeScale = 0.01 },
                                        client: { $0.isPacingEnabled = false; $0.retry.maxRetryAfter = 5 })
        defer { fixture.server.stop() }
        await #expect {
            for _ in 0..<151 { _ = try await fixture.client.getIdentifiers() }
        } throws: { error in
            if case LinnworksError.throttled(.getIdentifiers, _) = error { return true }
            return false
        }
    }

    @Test func serverErrorsAndDroppedConnectionsAreRetried() async throws {
        let fixture = try ClientFixture(
            sandbox: { $0.faults = try! FaultPlan.parse("seed=3,error-before=0.2,error-after=0.15,drop=0.1,drop-after=0.05") },
            client: { $0.retry.maxAttempts = 12 })
        defer { fixture.server.stop() }
        for level in 0..<30 {
            let answer = try await fixture.client.setStockLevel(
                [StockLevelUpdate(sku: "CAP-NVY", locationID: ClientFixture.warehouse, level: level)])
            #expect(answer.first?.stockLevel == level)
        }
        #expect(fixture.server.snapshot().level(sku: "CAP-NVY", location: "3PL Warehouse") == 29)
        let faults = fixture.server.counters().faults
        #expect((faults["error-before"] ?? 0) > 0 && (faults["error-after"] ?? 0) > 0)
        #expect((faults["drop"] ?? 0) + (faults["drop-after"] ?? 0) > 0)
    }

    @Test func aSlowAnswerTimesOutAndIsRetried() async throws {
        let fixture = try ClientFixture(sandbox: { $0.faults = try! FaultPlan.parse("latency=1:4s,only=GetStockLocations,max=1") },
                                        client: { $0.requestTimeout = 1.5 })
        defer { fixture.server.stop() }
        let locations = try await fixture.client.getStockLocations()
        #expect(locations.count == 2)
        #expect(fixture.records.all.contains { $0.endpoint == .getStockLocations && $0.outcome == .timedOut })
    }

    @Test func aDeadServerIsUnavailableAfterRetries() async throws {
        let fixture = try ClientFixture(client: { $0.retry.maxAttempts = 3 })
        try await fixture.client.authorize()
        fixture.server.stop()
        await #expect {
            _ = try await fixture.client.getStockLocations()
        } throws: { error in
            if case LinnworksError.unavailable(.getStockLocations, _) = error { return true }
            return false
        }
    }

    @Test(arguments: ["error-after", "drop-after"])
    func processingWhoseAnswerIsLostIsAmbiguousAndNeverResent(_ fault: String) async throws {
        let fixture = try ClientFixture(sandbox: { $0.faults = try! FaultPlan.parse("\(fault)=1,only=ProcessOrdersInBatch,max=1") })
        defer { fixture.server.stop() }
        let ids = [fixture.orderID(20002), fixture.orderID(20003)]
        await #expect {
            _ = try await fixture.client.processOrdersInBatch(ids)
        } throws: { error in
            guard case LinnworksError.ambiguous(.processOrdersInBatch, let orderIDs, _) = error else { return false }
            return orderIDs == ids
        }
        #expect(fixture.server.counters().calls(.processOrdersInBatch) == 1, "sent exactly once")
        let check = try await fixture.client.checkProcessing(orderIDs: ids)
        #expect(check.processed == ids, "Linnworks applied it although the client saw a failure")
    }
}
