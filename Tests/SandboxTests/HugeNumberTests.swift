import Foundation
import Linnworks
@testable import Sandbox
import Testing

/// Numbers as large as a client cares to send get an answer, never an overflow that takes the sandbox down.
@Suite struct HugeNumberTests {
    @Test func pageRangesAtTheEdges() {
        #expect(pageRange(page: 1, perPage: 200, count: 450) == 0..<200)
        #expect(pageRange(page: 3, perPage: 200, count: 450) == 400..<450)
        #expect(pageRange(page: 4, perPage: 200, count: 450).isEmpty)
        #expect(pageRange(page: .max, perPage: 200, count: 450).isEmpty)
        #expect(pageRange(page: 2, perPage: .max, count: 450).isEmpty)
        #expect(pageRange(page: 1, perPage: .max, count: 450) == 0..<450)
        #expect(pageRange(page: 0, perPage: 10, count: 450).isEmpty)
        #expect(pageCount(450, perPage: 200) == 3)
        #expect(pageCount(0, perPage: 200) == 0)
        #expect(pageCount(450, perPage: .max) == 1)
    }

    static func api() throws -> (SandboxAPI, token: String) {
        var options = SandboxOptions()
        options.seed = "synthetic:skus=50,orders=60"
        options.isRateLimited = false
        let api = try SandboxAPI(account: try SandboxAccount(seed: try options.loadSeed()), options: options)
        return (api, try OrderAnswerBytesTests.authorize(api))
    }

    /// These numbers overflowed the page arithmetic and brought the whole sandbox down.
    @Test func hugePageNumbersAndSizesAnswerEmptyPages() throws {
        let (api, token) = try Self.api()
        let maximum = String(Int.max)
        let calls = [
            ("Stock/GetStockItemsFull", "keyword=&entriesPerPage=200&pageNumber=\(maximum)", "[]"),
            ("Stock/GetStockItemsFull", "keyword=SYN&entriesPerPage=200&pageNumber=\(maximum)", "[]"),
            ("OpenOrders/GetOpenOrders", "ViewId=0&LocationId=\(SyntheticAccount.warehouseLocationID)&EntriesPerPage=\(maximum)&PageNumber=\(maximum)", nil),
            ("OpenOrders/GetOpenOrders", "ViewId=0&LocationId=\(SyntheticAccount.warehouseLocationID)&EntriesPerPage=\(maximum)&PageNumber=1", nil),
        ]
        for (endpoint, body, expected) in calls {
            let request = OrderAnswerBytesTests.Harness.request(endpoint, body: body, json: false, token: token)
            guard case .respond(let response) = api.handle(request) else {
                Issue.record("\(endpoint) dropped the connection")
                continue
            }
            #expect(response.status == 200, "\(endpoint) \(body)")
            if let expected { #expect(String(decoding: response.body, as: UTF8.self) == expected) }
        }
    }

    /// Levels are 32-bit ints in Linnworks: a larger one is refused as a parameter, as Linnworks
    /// refuses it, and a delta cannot push a level past the range (it overflowed before).
    @Test func levelsOutsideTheRangeOfALevelAreRefused() throws {
        let (api, token) = try Self.api()
        func send(_ endpoint: String, level: String) -> (status: Int, body: String)? {
            let rows = #"[{"SKU":"SYN-000001","LocationId":"00000000-0000-0000-0000-000000000000","Level":\#(level)}]"#
            let body = "stockLevels=" + (rows.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            guard case .respond(let response) = api.handle(OrderAnswerBytesTests.Harness.request(endpoint, body: body, json: false, token: token))
            else { return nil }
            return (response.status, String(decoding: response.body, as: UTF8.self))
        }
        #expect(send("Stock/SetStockLevel", level: "2147483647")?.status == 200)
        for level in ["2147483648", String(Int.max), String(Int.min)] {
            let answer = send("Stock/SetStockLevel", level: level)
            #expect(answer?.status == 400, "\(level): \(answer?.body ?? "dropped")")
            #expect(answer?.body.contains("stockLevels") == true)
        }
        #expect(send("Stock/UpdateStockLevelsBySKU", level: "1")?.status == 400, "2147483647 + 1 leaves the range")
        #expect(send("Stock/UpdateStockLevelsBySKU", level: "-5")?.status == 200)
    }
}
