import Foundation
import Testing
@testable import Linnworks

/// How the client reads and writes the wire, without a server.
@Suite struct WireFormatTests {
    @Test func unknownKeysAndNullsAreIgnoredWhenDecoding() throws {
        // Shaped like a real answer (Documentation/LinnworksAPI.md §2): extra keys the models do not list, TTL null.
        let json = #"""
        {"Token":"6c1f0bde-1111-4222-8333-944455556666","Server":"https://eu-ext.linnworks.net","TTL":null,
         "FullName":"A Person","Company":"Acme","ProductName":"x","ExpirationDate":"2030-01-01T00:00:00Z",
         "SessionUserId":7,"IsAccountHolder":true,"Status":{"State":"AVAILABLE","Reason":null,"Parameters":{}}}
        """#
        let session = try JSONDecoder().decode(BaseSession.self, from: Data(json.utf8))
        #expect(session.server == "https://eu-ext.linnworks.net")
        #expect(session.ttl == nil)
        #expect(session.status?.state == "AVAILABLE")
    }

    @Test func formFieldsFollowTheSDKConventions() throws {
        var form = FormBody()
        form.add("changeSource", nil as String?)
        form.add("exactMatch", false)
        form.add("scan", true)
        form.add("pageNumber", 2)
        try form.add("context", json: nil as ClientContext?)
        try form.add("stockLevels", json: [StockLevelUpdate(sku: "A&B é", locationID: nil, level: 3)])
        let encoded = form.encoded
        #expect(encoded.hasPrefix("changeSource=&exactMatch=False&scan=True&pageNumber=2&context=null&stockLevels="))
        let value = try #require(encoded.split(separator: "&").last?.split(separator: "=", maxSplits: 1).last)
        let decoded = try #require(String(value).removingPercentEncoding)
        let rows = try JSONDecoder().decode([StockLevelUpdate].self, from: Data(decoded.utf8))
        #expect(rows == [StockLevelUpdate(sku: "A&B é", locationID: nil, level: 3)])
        #expect(!encoded.contains(" ") && !encoded.contains("\""))
    }

    @Test func emptyOrderDetailsIsRecognised() throws {
        var empty = OrderDetails()
        empty.orderID = "00000000-0000-0000-0000-000000000000"
        #expect(empty.isEmptyResult)
        empty.orderID = "6c1f0bde-1111-4222-8333-944455556666"
        #expect(!empty.isEmptyResult)
    }

    @Test func errorsDescribeThemselvesForAClerk() {
        let error = LinnworksError.ambiguous(endpoint: .processOrdersInBatch, orderIDs: ["a", "b"], reason: "HTTP 500")
        #expect(error.description == "Unclear whether Linnworks applied Orders/ProcessOrdersInBatch for 2 order(s): HTTP 500")
    }
}
