import Foundation
import Sandbox
import Testing

/// The guarantee of product.md — nothing lost, nothing applied twice — under SIGKILL at 50 seeded
/// random points of a mixed run: stock files, shipment files with multi-parcel orders, an export.
@Suite(.serialized) struct KillTests {
    @Test func fiftyKillPointsEndInTheExpectedState() async throws {
        let server = try WatchCommandTests.sandbox { options in
            options.seed = "synthetic:skus=40,orders=600"
            options.faults = try! FaultPlan.parse("seed=4,latency=1:60ms,only=SetStockLevel+SetOrderShippingInfo+ProcessOrdersInBatch+AssignOrderIdentifier")
        }
        defer { server.stop() }
        let env = WatchCommandTests.environment(server)
        let root = scratchDirectory()
        try """
        {"watch": {"settleSeconds": 0.2}, "stock": {"batchSize": 5}, "shipments": {"batchSize": 10},
         "exports": {"fulfilmentLocation": "3PL Warehouse", "openOrdersEvery": 3600}}
        """.write(toFile: root + "/linnbridge.json", atomically: true, encoding: .utf8)
        for kind in ["stock", "shipments"] {
            try FileManager.default.createDirectory(atPath: root + "/inbox/" + kind, withIntermediateDirectories: true)
        }
        let start = server.snapshot()
        let skus = Set(start.stockLevels.map(\.sku)).sorted()
        // Six stock snapshots: each SKU's final level is the one in the last file that names it.
        var expectedLevels: [String: Int] = [:]
        for file in 1...6 {
            var text = "SKU,Level,Location\n"
            for (index, sku) in skus.enumerated() where (index + file) % 3 != 0 {
                text += "\(sku),\(file * 100 + index),Default\n"
                expectedLevels[sku] = file * 100 + index
            }
            try WatchCommandTests.drop(text, as: "stock-\(file).csv", into: root + "/inbox/stock")
            try await Task.sleep(for: .milliseconds(20))
        }
        // Four shipment files, some orders in two parcels.
        let orders = start.orders.filter { !$0.isProcessed && !$0.isParked }
        var expectedTracking: [String: String] = [:]
        for file in 0..<4 {
            var text = "Order Number,Tracking Number\n"
            for (index, order) in orders.enumerated() where index % 4 == file {
                text += "\(order.orderNumber),T\(order.orderNumber)A\n"
                expectedTracking[order.orderID] = "T\(order.orderNumber)A"
                if index % 3 == 0 {
                    text += "\(order.orderNumber),T\(order.orderNumber)B\n"
                    expectedTracking[order.orderID] = "T\(order.orderNumber)A, T\(order.orderNumber)B"
                }
            }
            try WatchCommandTests.drop(text, as: "despatch-\(file).csv", into: root + "/inbox/shipments")
        }

        // Kill points: once a file is claimed, a seeded random 0–250 ms later, until 50 kills have
        // landed mid-file (or, if the work ran out first, the test fails and says so).
        var seed: UInt64 = 20261122
        var kills = 0
        var killsMidFile = 0
        func claimedFiles() -> [String] {
            ["stock", "shipments"].flatMap { (try? FileManager.default.contentsOfDirectory(atPath: root + "/.state/claimed/" + $0)) ?? [] }
        }
        while killsMidFile < 50, kills < 120 {
            let daemon = try WatchCommandTests.Daemon(root: root, environment: env)
            _ = await WatchCommandTests.waitFor(3) { !claimedFiles().isEmpty }
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            try await Task.sleep(for: .milliseconds(Int((seed >> 33) % 250)))
            if !claimedFiles().isEmpty { killsMidFile += 1 }
            kill(daemon.process.processIdentifier, SIGKILL)
            daemon.process.waitUntilExit()
            kills += 1
            if claimedFiles().isEmpty, WatchCommandTests.archived(root).count == 10 { break }
        }
        let final = try linnbridge(["watch", "--root", root, "--once"], environment: env)
        #expect(final.status == 0, "\(final.stderr)")
        #expect(killsMidFile >= 50, "only \(killsMidFile) of \(kills) kills came while a file was claimed")
        print("kill test: \(kills) kills, \(killsMidFile) of them while a file was claimed")

        // The last level Linnworks was told for each SKU is the file's last value (processing
        // orders takes stock afterwards, so the sandbox's own figure may be lower).
        struct Update: Decodable { var SKU: String; var Level: Int }
        var lastSent: [String: Int] = [:]
        for record in server.callRecords() where record.endpoint == .setStockLevel && record.status == 200 {
            guard let fields = try? JSONDecoder().decode([String: String].self, from: Data(record.parameters.utf8)),
                  let list = fields.first(where: { $0.key.lowercased() == "stocklevels" })?.value,
                  let updates = try? JSONDecoder().decode([Update].self, from: Data(list.utf8)) else { continue }
            for update in updates { lastSent[update.SKU] = update.Level }
        }
        for (sku, level) in expectedLevels {
            #expect(lastSent[sku] == level, "\(sku)")
        }
        let state = server.snapshot()
        var reached: [String: Int] = [:]
        for record in server.callRecords() where record.endpoint == .processOrdersInBatch && record.status == 200 {
            guard let fields = try? JSONDecoder().decode([String: String].self, from: Data(record.parameters.utf8)),
                  let list = fields.first(where: { $0.key.lowercased() == "ordersids" })?.value,
                  let ids = try? JSONDecoder().decode([String].self, from: Data(list.utf8)) else { continue }
            for id in ids { reached[id.lowercased(), default: 0] += 1 }
        }
        for (id, tracking) in expectedTracking {
            let order = try #require(state.order(id: id))
            #expect(order.isProcessed, "order \(order.orderNumber)")
            #expect(order.shippingInfo.trackingNumber == tracking, "order \(order.orderNumber)")
            #expect(reached[id] == 1, "order \(order.orderNumber) reached processing \(reached[id] ?? 0) times")
        }
        let archived = WatchCommandTests.archived(root).map { URL(fileURLWithPath: $0).lastPathComponent }.sorted()
        #expect(archived == (1...6).map { "stock-\($0).csv" } + (0..<4).map { "despatch-\($0).csv" }.sorted()
                || Set(archived) == Set((1...6).map { "stock-\($0).csv" } + (0..<4).map { "despatch-\($0).csv" }), "\(archived)")
        for kind in ["stock", "shipments"] {
            let left = try FileManager.default.contentsOfDirectory(atPath: root + "/.state/claimed/" + kind)
            #expect(left.isEmpty, "claimed \(kind): \(left)")
            let inbox = try FileManager.default.contentsOfDirectory(atPath: root + "/inbox/" + kind).filter { !$0.hasPrefix(".") }
            #expect(inbox.isEmpty, "inbox \(kind): \(inbox)")
        }
        // Every exported order in exactly one outbox file, and tagged.
        var exportedIn: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/outbox") where name.hasPrefix("open-orders") {
            let text = try String(contentsOfFile: root + "/outbox/" + name, encoding: .utf8)
            var ids = Set<String>()
            for line in text.split(separator: "\r\n").dropFirst() {
                if let first = line.split(separator: ",").first { ids.insert(String(first).lowercased()) }
            }
            for id in ids { exportedIn[id, default: 0] += 1 }
        }
        #expect(!exportedIn.isEmpty, "the export must have run")
        for (id, files) in exportedIn {
            #expect(files == 1, "order \(id) in \(files) export files")
            #expect(state.order(id: id)?.identifiers.contains("EXPORTED") == true, "order \(id) exported but not tagged")
        }
    }
}
