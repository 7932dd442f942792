import Foundation
import Testing
import Linnworks
@testable import Sandbox

/// The same call sent every way Linnworks accepts it (Documentation/LinnworksAPI.md §1) has the same effect.
@Suite struct ParameterEncodingTests {
    static let warehouse = "7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"

    @Test(arguments: [
        ("form", "stockLevels=%5B%7B%22SKU%22%3A%22MUG-BLU-01%22%2C%22LocationId%22%3A%227b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e%22%2C%22Level%22%3A11%7D%5D&changeSource=", "application/x-www-form-urlencoded"),
        ("form, names in other case", "STOCKLEVELS=%5B%7B%22sku%22%3A%22MUG-BLU-01%22%2C%22LocationID%22%3A%227b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e%22%2C%22level%22%3A11%7D%5D", "application/x-www-form-urlencoded"),
        ("old SDK: JSON not URL-encoded", #"stockLevels=[{"SKU":"MUG-BLU-01","LocationId":"7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e","Level":11}]"#, "application/x-www-form-urlencoded"),
        ("JSON keyed by parameter", #"{"stockLevels":[{"SKU":"MUG-BLU-01","LocationId":"7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e","Level":11}],"changeSource":""}"#, "application/json"),
        ("JSON, names in other case", #"{"StockLevels":[{"sku":"MUG-BLU-01","locationid":"7B3C9D2E-4F5A-4B6C-8D7E-9F0A1B2C3D4E","LEVEL":11}]}"#, "application/json"),
    ])
    func setStockLevelInEveryEncoding(_ name: String, _ body: String, _ contentType: String) async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let reply = try await fixture.send("POST", "/api/Stock/SetStockLevel", body: body, contentType: contentType, token: token)
        #expect(reply.status == 200, "\(name): \(reply.text)")
        #expect(fixture.server.snapshot().level(sku: "MUG-BLU-01", location: "3PL Warehouse") == 11, "\(name)")
    }

    @Test(arguments: [
        ("form request=<json>", "request=" + SandboxFixture.escape(#"{"OrderIds":["ORDER"],"Tag":"AMAZON_PRIME"}"#), "application/x-www-form-urlencoded"),
        ("flat JSON", #"{"OrderIds":["ORDER"],"Tag":"AMAZON_PRIME"}"#, "application/json"),
        ("wrapped JSON", #"{"request":{"OrderIds":["ORDER"],"Tag":"AMAZON_PRIME"}}"#, "application/json"),
        ("wrapped JSON, other case", #"{"Request":{"orderids":["ORDER"],"tag":"amazon_prime"}}"#, "application/json"),
    ])
    func requestObjectInEveryShape(_ name: String, _ template: String, _ contentType: String) async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let order = fixture.server.snapshot().order(number: 20002)!
        let body = template.replacingOccurrences(of: "ORDER", with: order.orderID)
        let reply = try await fixture.send("POST", "/api/OpenOrders/AssignOrderIdentifier", body: body,
                                           contentType: contentType, token: token)
        #expect(reply.status == 200, "\(name): \(reply.text)")
        #expect(fixture.server.snapshot().order(number: 20002)?.identifiers == ["AMAZON_PRIME"], "\(name)")
    }

    @Test func getWithQueryAndPostWithBodyAnswerAlike() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let get = try await fixture.send("GET", "/api/Orders/GetOrderDetailsByNumOrderId?orderid=20003", token: token)
        let post = try await fixture.send("POST", "/api/Orders/GetOrderDetailsByNumOrderId", body: "OrderId=20003", token: token)
        let json = try await fixture.send("POST", "/api/Orders/GetOrderDetailsByNumOrderId", body: #"{"OrderId":20003}"#,
                                          contentType: "application/json", token: token)
        #expect(get.status == 200 && post.status == 200 && json.status == 200)
        #expect(get.body == post.body)
        #expect(get.body == json.body)
        let legacy = try await fixture.send("GET", "/api/Orders/GetOrderDetailsByNumOrderId?OrderId=20003&token=\(token)")
        #expect(legacy.status == 200, "the legacy ?token= query parameter opens the session too")
    }

    @Test func sdkConventionsBooleansAndEmptyMeanNull() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let reply = try await fixture.send("POST", "/api/Orders/GetAllOpenOrders",
                                           body: "filters=null&sorting=%5B%5D&fulfilmentCenter=&additionalFilter=&exactMatch=False",
                                           token: token)
        #expect(reply.status == 200, "\(reply.text)")
        let ids = reply.json as? [String] ?? []
        #expect(ids.count == 2, "empty fulfilmentCenter means the Default location only (2 open orders there)")
    }

    @Test(arguments: [
        ("stockLevels=not-json", "/api/Stock/SetStockLevel", "stockLevels"),
        ("stockLevels=%5B%7B%22SKU%22%3A%22MUG-BLU-01%22%2C%22LocationId%22%3A%22nope%22%2C%22Level%22%3A1%7D%5D", "/api/Stock/SetStockLevel", "LocationId"),
        ("", "/api/Orders/GetOrderDetailsByNumOrderId", "OrderId"),
        ("OrderId=abc", "/api/Orders/GetOrderDetailsByNumOrderId", "OrderId"),
        ("orderId=not-a-guid&info=%7B%7D", "/api/Orders/SetOrderShippingInfo", "orderId"),
        ("entriesPerPage=500&pageNumber=1", "/api/Stock/GetStockItemsFull", "entriesPerPage"),
    ])
    func badParametersAre400WithTheLinnworksBody(_ body: String, _ path: String, _ parameter: String) async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let reply = try await fixture.send("POST", path, body: body, token: token)
        #expect(reply.status == 400)
        #expect(reply.text == #"{"Code":"-","Message":"Parameter '\#(parameter)' has invalid value"}"#)
    }
}
