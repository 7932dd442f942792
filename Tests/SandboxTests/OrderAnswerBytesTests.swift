import Foundation
import Linnworks
@testable import Sandbox
import Testing

/// Whole order answers of a synthetic account, as served, equal the general encoder's answers.
///
/// Two accounts from one seed receive the same calls: one through `SandboxAPI` (the fast paths),
/// the other straight to the account, encoded with `JSONValueEncoder`. Identifiers are assigned
/// half-way, so later answers carry them too.
@Suite struct OrderAnswerBytesTests {
    @Test func everyOrderAnswerOfASyntheticAccountIsByteIdentical() throws {
        var options = SandboxOptions()
        options.seed = "synthetic:skus=200,orders=2000"
        options.isRateLimited = false
        options.keepsCallRecords = false
        let seed = try options.loadSeed()
        let api = try SandboxAPI(account: SandboxAccount(seed: seed), options: options)
        let reference = try SandboxAccount(seed: seed)
        let harness = Harness(api: api, token: try Self.authorize(api))
        let ids = seed.orders.map(\.id)
        #expect(ids.count == 2000)

        func ordersByID() throws {
            for start in stride(from: 0, to: ids.count, by: 100) {
                var batch = Array(ids[start..<min(ids.count, start + 100)])
                if start == 0 { batch += [ids[1].uppercased(), "{\(ids[2])}", GUID.make(0xdead_0000, 1), "not a guid"] }
                try harness.expectSame("Orders/GetOrdersById", form: ["pkOrderIds": Self.json(batch)]) {
                    try JSONValueEncoder.encode(reference.getOrdersByID($0))
                }
            }
        }
        try ordersByID()

        for start in stride(from: 0, to: ids.count, by: 250) {
            let batch = Array(ids[start..<min(ids.count, start + 250)])
            try harness.expectSame("OpenOrders/AssignOrderIdentifier",
                                   form: ["request": #"{"Tag":"exported","OrderIds":\#(Self.json(batch))}"#]) {
                try JSONValueEncoder.encode(reference.assignOrderIdentifier($0))
            }
            if start == 0 {
                try harness.expectSame("OpenOrders/AssignOrderIdentifier",
                                       form: ["request": #"{"Tag":"AMAZON_PRIME","OrderIds":\#(Self.json(batch))}"#]) {
                    try JSONValueEncoder.encode(reference.assignOrderIdentifier($0))
                }
            }
        }
        try ordersByID()

        for start in stride(from: 0, to: ids.count, by: 300) {
            let batch = Array(ids[start..<min(ids.count, start + 300)])
            try harness.expectSame("OpenOrders/GetOpenOrdersDetails", json: #"{"request":{"OrderIds":\#(Self.json(batch))}}"#) {
                try JSONValueEncoder.encode(reference.getOpenOrdersDetails($0))
            }
        }
        for number in [1, 100_001, 100_002, 100_777, 101_999, 102_000, 102_001] {
            try harness.expectSame("Orders/GetOrderDetailsByNumOrderId", form: ["OrderId": String(number)]) {
                try JSONValueEncoder.encode(reference.getOrderDetailsByNumber($0))
            }
        }
        for key in ["SYN-REF-100001", "sec-100500", "nothing"] {
            try harness.expectSame("Orders/GetOrderDetailsByReferenceId", form: ["ReferenceId": key]) {
                try JSONValueEncoder.encode(reference.getOrderDetailsByReference($0))
            }
        }
        for location in [SyntheticAccount.defaultLocationID, SyntheticAccount.warehouseLocationID] {
            for page in 1...9 {
                let request = #"{"ViewId":0,"LocationId":"\#(location)","EntriesPerPage":200,"PageNumber":\#(page)}"#
                try harness.expectSame("OpenOrders/GetOpenOrders", form: ["request": request]) {
                    try JSONValueEncoder.encode(reference.getOpenOrdersPage($0))
                }
            }
        }
        #expect(harness.comparisons > 40)
    }

    static func authorize(_ api: SandboxAPI) throws -> String {
        let body = #"{"ApplicationId":"\#(SandboxDefaults.applicationID)","ApplicationSecret":"\#(SandboxDefaults.applicationSecret)","Token":"\#(SandboxDefaults.installationToken)"}"#
        guard case .respond(let response) = api.handle(Harness.request("Auth/AuthorizeByApplication", body: body, json: true)),
              case .string(let token)? = JSONValue.parse(Data(response.body))?.member("Token") else {
            throw HarnessError.unauthorized
        }
        return token
    }

    static func json(_ strings: [String]) -> String {
        String(decoding: JSONValue.array(strings.map(JSONValue.string)).serialized(), as: UTF8.self)
    }

    enum HarnessError: Error { case unauthorized, dropped }

    /// Sends one request to the API and the same parameters to the reference; compares the bytes.
    final class Harness {
        let api: SandboxAPI
        let token: String
        private(set) var comparisons = 0

        init(api: SandboxAPI, token: String) {
            self.api = api
            self.token = token
        }

        func expectSame(_ endpoint: String, form: [String: String], sourceLocation: SourceLocation = #_sourceLocation,
                        expected: (Parameters) throws -> JSONValue) throws {
            let body = form.map { "\($0.key)=\(Harness.escape($0.value))" }.joined(separator: "&")
            try expectSame(Harness.request(endpoint, body: body, json: false, token: token), endpoint,
                           sourceLocation: sourceLocation, expected: expected)
        }

        func expectSame(_ endpoint: String, json: String, sourceLocation: SourceLocation = #_sourceLocation,
                        expected: (Parameters) throws -> JSONValue) throws {
            try expectSame(Harness.request(endpoint, body: json, json: true, token: token), endpoint,
                           sourceLocation: sourceLocation, expected: expected)
        }

        private func expectSame(_ request: HTTPRequest, _ endpoint: String, sourceLocation: SourceLocation,
                                expected: (Parameters) throws -> JSONValue) throws {
            guard case .respond(let response) = api.handle(request) else { throw HarnessError.dropped }
            let parameters = try Parameters(request: request, endpoint: try #require(Endpoint(path: request.path)))
            let general = try expected(parameters).serialized()
            #expect(response.status == 200, "\(endpoint): \(String(decoding: response.body, as: UTF8.self))",
                    sourceLocation: sourceLocation)
            let same = response.body == general  // not inside #expect, which would print both buffers whole
            #expect(same, "\(endpoint): \(firstDifference(response.body, general))",
                    sourceLocation: sourceLocation)
            comparisons += 1
        }

        static func request(_ endpoint: String, body: String, json: Bool, token: String? = nil) -> HTTPRequest {
            var headers = [(name: "content-type", value: json ? "application/json" : "application/x-www-form-urlencoded")]
            if let token { headers.append((name: "authorization", value: token)) }
            return HTTPRequest(method: "POST", target: "/api/" + endpoint, version: "HTTP/1.1", headers: headers,
                               body: Array(body.utf8))
        }

        static func escape(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
        }
    }
}
