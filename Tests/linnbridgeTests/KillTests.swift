import Foundation
import Sandbox
import Testing

/// The guarantee of Documentation/Product.md — nothing lost, nothing applied twice — tried hard: a mixed run
/// SIGKILLed at 50 seeded random points, and the same run against a sandbox that fails, drops,
/// delays, throttles and expires sessions.
@Suite(.serialized) struct KillTests {
    @Test func fiftyKillPointsEndInTheExpectedState() async throws {
        let server = try WatchCommandTests.sandbox { options in
            options.seed = "synthetic:skus=40,orders=600"
            options.faults = try! FaultPlan.parse("seed=4,latency=1:60ms,only=SetStockLevel+SetOrderShippingInfo+ProcessOrdersInBatch+AssignOrderIdentifier")
        }
        defer { server.stop() }
        let run = try await MixedRun(server: server, config: """
        {"watch": {"settleSeconds": 0.2}, "stock": {"batchSize": 5}, "shipments": {"batchSize": 10},
         "exports": {"fulfilmentLocation": "3PL Warehouse", "openOrdersEvery": 3600}}
        """)
        // Kill points: once a file is claimed, a seeded random 0–250 ms later, until 50 kills have
        // landed mid-file (or, if the work ran out first, the test fails and says so).
        var seed: UInt64 = 20261122
        var kills = 0
        var killsMidFile = 0
        while killsMidFile < 50, kills < 120 {
            let daemon = try WatchCommandTests.Daemon(root: run.root, environment: run.env)
            _ = await WatchCommandTests.waitFor(3) { !run.claimedFiles.isEmpty }
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            try await Task.sleep(for: .milliseconds(Int((seed >> 33) % 250)))
            if !run.claimedFiles.isEmpty { killsMidFile += 1 }
            kill(daemon.process.processIdentifier, SIGKILL)
            daemon.process.waitUntilExit()
            kills += 1
            if run.claimedFiles.isEmpty, WatchCommandTests.archived(run.root).count == MixedRun.fileNames.count { break }
        }
        let final = try await linnbridgeAsync(["watch", "--root", run.root, "--once"], environment: run.env)
        #expect(final.status == 0, "\(final.stderr)")
        #expect(killsMidFile >= 50, "only \(killsMidFile) of \(kills) kills came while a file was claimed")
        print("kill test: \(kills) kills, \(killsMidFile) of them while a file was claimed")
        try run.checkEndState()
    }

    /// Errors before and after commit, dropped connections before and after, latency, 429s from a
    /// low limit, and a session expiring every 25 calls: `watch --once` is run until it exits 0.
    @Test func faultSoakEndsInTheExpectedState() async throws {
        let server = try WatchCommandTests.sandbox { options in
            options.seed = "synthetic:skus=40,orders=120"
            options.faults = try! FaultPlan.parse("seed=8,error-before=0.04,error-after=0.04,drop=0.02,drop-after=0.02,latency=0.1:40ms,expire-every=25")
            // Limits per (scaled) second far below what the client allows itself: 429s, honoured.
            // Windows are per session and a session lives 25 calls here, so the limits must be well
            // under 25 for a session to meet one (20 was only sometimes reached).
            options.timeScale = 60
            options.callsPerMinute[.setOrderShippingInfo] = 6
            options.callsPerMinute[.setStockLevel] = 4
        }
        defer { server.stop() }
        let run = try await MixedRun(server: server, config: """
        {"watch": {"settleSeconds": 0.2}, "stock": {"batchSize": 5}, "shipments": {"batchSize": 10},
         "exports": {"fulfilmentLocation": "3PL Warehouse", "openOrdersEvery": 3600}}
        """)
        var attempts = 0
        var status: Int32 = -1
        while status != 0, attempts < 10 {
            status = try await linnbridgeAsync(["watch", "--root", run.root, "--once"], environment: run.env).status
            attempts += 1
        }
        #expect(status == 0, "still not done after \(attempts) runs")
        let counters = server.counters()
        print("fault soak: \(attempts) run(s); faults \(counters.faults); 429s \(counters.throttled); 401s \(counters.unauthorized)")
        #expect(counters.faults.values.reduce(0, +) >= 20, "the soak must meet faults to prove anything: \(counters.faults)")
        #expect(counters.throttled > 0, "the soak must meet 429s to prove anything")
        try run.checkEndState()
    }
}
