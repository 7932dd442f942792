import Foundation
import Testing
import Linnworks
@testable import Sandbox

/// Every answer carries exactly the keys `ModelKeys` lists for its object, nulls included.
@Suite struct WireContractTests {
    /// Which member of which object holds which object type.
    static let nested: [String: [String: String]] = [
        "StockItemLevel": ["Location": "InventoryStockLocation"],
        "StockItemFull": ["StockLevels": "StockItemLevel"],
        "BaseSession": ["Status": "StatusDetails"],
        "OrderDetails": ["GeneralInfo": "OrderGeneralInfo", "ShippingInfo": "OrderShippingInfo",
                         "CustomerInfo": "OrderCustomerInfo", "TotalsInfo": "OrderTotalsInfo", "Items": "OrderItem"],
        "OpenOrder": ["GeneralInfo": "OrderGeneralInfo", "ShippingInfo": "OrderShippingInfo",
                      "CustomerInfo": "OrderCustomerInfo", "TotalsInfo": "OrderTotalsInfo", "Items": "OrderItem",
                      "TaxInfo": "OrderTaxInfo", "Fulfillment": "OrderFulfillmentState"],
        "OrderGeneralInfo": ["Identifiers": "Identifier", "ScheduledDelivery": "ScheduledDelivery"],
        "OrderCustomerInfo": ["Address": "CustomerAddress", "BillingAddress": "CustomerAddress"],
        "PostFilterPagedResponseOpenOrder": ["Data": "OpenOrder"],
        "UpdateTotalsResult": ["TotalsInfo": "OrderTotalsInfo", "ShippingInfo": "OrderShippingInfo"],
        "GetOpenOrdersDetailsResponse": ["Orders": "OrderDetails"],
        "GetStockLevelBatchResponse": ["StockItemLevels": "StockItemLevel"],
    ]

    /// Checks `value` (an object or a list of them) against the keys of `type`, recursively;
    /// returns every difference found, empty when it matches.
    static func differences(_ value: Any?, as type: String, at path: String = "$") -> [String] {
        if let list = value as? [Any] {
            return list.enumerated().flatMap { differences($0.element, as: type, at: "\(path)[\($0.offset)]") }
        }
        if value == nil || value is NSNull { return [] }
        guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
        guard let expected = ModelKeys.all[type] else { return ["\(path): no key list for \(type)"] }
        var problems: [String] = []
        let actual = Set(object.keys)
        let missing = Set(expected).subtracting(actual)
        let extra = actual.subtracting(expected)
        if !missing.isEmpty { problems.append("\(path) (\(type)) missing \(missing.sorted())") }
        if !extra.isEmpty { problems.append("\(path) (\(type)) extra \(extra.sorted())") }
        for (key, childType) in nested[type] ?? [:] {
            problems += differences(object[key], as: childType, at: "\(path).\(key)")
        }
        return problems
    }

    @Test func everyAnswerHasExactlyTheModelKeys() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let auth = #"{"ApplicationId":"\#(SandboxDefaults.applicationID)","ApplicationSecret":"\#(SandboxDefaults.applicationSecret)","Token":"\#(SandboxDefaults.installationToken)"}"#
        let session = try await fixture.send("POST", "/api/Auth/AuthorizeByApplication", body: auth, contentType: "application/json")
        #expect(session.status == 200)
        #expect(Self.differences(session.json, as: "BaseSession").isEmpty, "\(Self.differences(session.json, as: "BaseSession"))")
        let token = (session.json as! [String: Any])["Token"] as! String
        let orderID = "\((fixture.server.snapshot().order(number: 20001)?.orderID)!)"
        let warehouse = "7b3c9d2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
        let stock = #"[{"SKU":"MUG-BLU-01","LocationId":"\#(warehouse)","Level":5}]"#
        let cases: [(String, String, String?, String)] = [
            ("GET", "/api/Inventory/GetStockLocations", nil, "StockLocation"),
            ("POST", "/api/Stock/SetStockLevel", "stockLevels=" + SandboxFixture.escape(stock), "StockItemLevel"),
            ("POST", "/api/Stock/UpdateStockLevelsBySKU", "stockLevels=" + SandboxFixture.escape(stock), "StockItemLevel"),
            ("POST", "/api/Stock/GetStockItemsFull", "keyword=&entriesPerPage=5&pageNumber=1&dataRequirements=%5B%22StockLevels%22%5D", "StockItemFull"),
            ("POST", "/api/Stock/GetStockLevel_Batch", "request=" + SandboxFixture.escape(#"{"StockItemIds":["\#(try SandboxSeed.load(path: SandboxFixture.seedPath).stockItems[0].id)"]}"#), "GetStockLevelBatchResponse"),
            ("GET", "/api/Orders/GetOrderDetailsByNumOrderId?OrderId=20001", nil, "OrderDetails"),
            ("GET", "/api/Orders/GetOrderDetailsByNumOrderId?OrderId=1", nil, "OrderDetails"),
            ("GET", "/api/Orders/GetOrderDetailsByReferenceId?ReferenceId=PO-7700", nil, "OrderDetails"),
            ("POST", "/api/Orders/GetOrdersById", "pkOrderIds=" + SandboxFixture.escape(#"["\#(orderID)"]"#), "OrderDetails"),
            ("POST", "/api/OpenOrders/GetOpenOrders", "request=" + SandboxFixture.escape(#"{"ViewId":0,"LocationId":"\#(warehouse)","EntriesPerPage":3,"PageNumber":1}"#), "PostFilterPagedResponseOpenOrder"),
            ("POST", "/api/OpenOrders/GetOpenOrdersDetails", "request=" + SandboxFixture.escape(#"{"OrderIds":["\#(orderID)"]}"#), "GetOpenOrdersDetailsResponse"),
            ("POST", "/api/Orders/SetOrderShippingInfo", "orderId=\(orderID)&info=" + SandboxFixture.escape(#"{"TrackingNumber":"T1"}"#), "UpdateTotalsResult"),
            ("GET", "/api/OpenOrders/GetIdentifiers", nil, "Identifier"),
            ("POST", "/api/OpenOrders/SaveIdentifier", "request=" + SandboxFixture.escape(#"{"Identifier":{"Tag":"NEW_TAG","Name":"New"}}"#), "Identifier"),
            ("POST", "/api/OpenOrders/AssignOrderIdentifier", "request=" + SandboxFixture.escape(#"{"OrderIds":["\#(orderID)"],"Tag":"NEW_TAG"}"#), "AssignResult"),
            ("GET", "/api/PostalServices/GetPostalServices", nil, "PostalServiceWithChannelAndShippingLinks"),
            ("POST", "/api/Orders/ProcessOrdersInBatch", "ordersIds=" + SandboxFixture.escape(#"["\#(orderID)"]"#) + "&locationId=&context=null", "ProcessOrderResult"),
        ]
        for (method, path, body, type) in cases {
            let reply = try await fixture.send(method, path, body: body, token: token)
            #expect(reply.status == 200, "\(path): \(reply.status) \(reply.text)")
            let problems = Self.differences(reply.json, as: type)
            #expect(problems.isEmpty, "\(path): \(problems)")
            if let list = reply.json as? [Any] { #expect(!list.isEmpty, "\(path) answered an empty list") }
        }
    }

    @Test func nullsAreWrittenOutNotOmitted() async throws {
        let fixture = try SandboxFixture()
        defer { fixture.server.stop() }
        let token = try await fixture.authorize()
        let reply = try await fixture.send("GET", "/api/Orders/GetOrderDetailsByNumOrderId?OrderId=20001", token: token)
        let general = (reply.json as! [String: Any])["GeneralInfo"] as! [String: Any]
        #expect(general["StockAllocationType"] is NSNull)
        #expect(reply.text.contains(#""StockAllocationType":null"#))
    }
}
