import Foundation
import Testing
import Linnworks
@testable import Sandbox

/// Endpoints the client does not wrap, and the account's limits, over raw HTTP.
@Suite struct AccountBehaviourTests {
    static let warehouse = "7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"

    @Test func updateStockLevelsBySKUAddsAndSetStockLevelReplaces() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let start = fixture.server.snapshot().level(sku: "CAP-NVY", location: "3PL Warehouse")!
        let delta = "stockLevels=" + SandboxFixture.escape(#"[{"SKU":"CAP-NVY","LocationId":"\#(Self.warehouse)","Level":-3}]"#)
        let reply = try await fixture.send("POST", "/api/Stock/UpdateStockLevelsBySKU", body: delta, token: token)
        #expect(reply.status == 200)
        #expect(fixture.server.snapshot().level(sku: "CAP-NVY", location: "3PL Warehouse") == start - 3)
        let levels = (reply.json as? [[String: Any]])?.first
        #expect(levels?["StockLevel"] as? Int == start - 3)
        #expect(levels?["Available"] as? Int == (start - 3) - (levels?["InOrders"] as? Int ?? 0))
    }

    @Test func openOrderIDByNumberOrReference() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let expected = fixture.server.snapshot().order(number: 20009)!.orderID
        for key in ["20009", "PO-7708", "EXT-90008"] {
            let reply = try await fixture.send("POST", "/api/Orders/GetOpenOrderIdByOrderOrReferenceId",
                                               body: "orderOrReferenceId=\(key)&filters=null&locationId=", token: token)
            #expect(reply.status == 200)
            #expect(reply.json as? String == expected, "\(key)")
        }
        let processed = try await fixture.send("POST", "/api/Orders/GetOpenOrderIdByOrderOrReferenceId",
                                               body: "orderOrReferenceId=20006", token: token)
        #expect(processed.text == "null", "processed orders are not open")
    }

    @Test func openOrdersComeInPages() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        var seen: [Int] = []
        for page in 1...4 {
            let body = #"{"ViewId":0,"LocationId":"\#(Self.warehouse)","EntriesPerPage":3,"PageNumber":\#(page)}"#
            let reply = try await fixture.send("POST", "/api/OpenOrders/GetOpenOrders", body: body,
                                               contentType: "application/json", token: token)
            let object = try #require(reply.json as? [String: Any])
            #expect(object["TotalEntries"] as? Int == 10)
            #expect(object["TotalPages"] as? Int == 4)
            seen += (object["Data"] as? [[String: Any]] ?? []).compactMap { $0["NumOrderId"] as? Int }
        }
        #expect(seen.count == 10 && Set(seen).count == 10)
        let missing = try await fixture.send("POST", "/api/OpenOrders/GetOpenOrders", body: #"{"EntriesPerPage":3}"#,
                                             contentType: "application/json", token: token)
        #expect(missing.status == 400)
    }

    @Test func stockLevelBatchListsEveryLocation() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let seed = try SandboxSeed.load(path: SandboxFixture.seedPath)
        let body = "request=" + SandboxFixture.escape(#"{"StockItemIds":["\#(seed.stockItems[3].id)"]}"#)
        let reply = try await fixture.send("POST", "/api/Stock/GetStockLevel_Batch", body: body, token: token)
        let first = try #require((reply.json as? [[String: Any]])?.first)
        #expect((first["StockItemLevels"] as? [Any])?.count == 2)
    }

    @Test func oversizedBatchesAreRefused() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let rows = (0..<1001).map { _ in #"{"SKU":"CAP-NVY","LocationId":"\#(Self.warehouse)","Level":1}"# }
        let stock = try await fixture.send("POST", "/api/Stock/SetStockLevel",
                                           body: #"{"stockLevels":[\#(rows.joined(separator: ","))]}"#,
                                           contentType: "application/json", token: token)
        #expect(stock.status == 400)
        let ids = (0..<501).map { _ in "\"\(UUID().uuidString)\"" }.joined(separator: ",")
        let orders = try await fixture.send("POST", "/api/Orders/GetOrdersById", body: #"{"pkOrderIds":[\#(ids)]}"#,
                                            contentType: "application/json", token: token)
        #expect(orders.status == 400)
    }

    @Test func limitsCanBeOverriddenPerEndpoint() async throws {
        let fixture = try SandboxFixture { $0.callsPerMinute = [.getIdentifiers: 3] }
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(try await fixture.send("GET", "/api/OpenOrders/GetIdentifiers", token: token).status) }
        #expect(statuses == [200, 200, 200, 429])
    }
}
