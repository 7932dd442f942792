import Foundation
import Linnworks
@testable import Sandbox
import Testing

/// Reading a call's parameters takes shortcuts for the common shapes (ASCII forms, canonical
/// GUIDs, lists of strings); each must give what the general way gives.
@Suite struct ParameterFastPathTests {
    @Test func canonicalGUIDsNormalizeAsUUIDParsingDoes() {
        var inputs = [
            "685f6e9a-05dd-5df1-998d-9fa9474a88bb", "685F6E9A-05DD-5DF1-998D-9FA9474A88BB", "685f6E9a-05Dd-5df1-998d-9fa9474a88bB",
            "{685f6e9a-05dd-5df1-998d-9fa9474a88bb}", "685f6e9a05dd5df1998d9fa9474a88bb", "685f6e9a-05dd-5df1-998d-9fa9474a88b",
            "685f6e9a-05dd-5df1-998d-9fa9474a88bbb", "685f6e9a-05dd-5df1-998d-9fa9474a88bg", "685f6e9a-05dd-5df1-998d_9fa9474a88bb",
            "685f6e9a-05dd-5df1-998d-9fa9474a88b-", " 685f6e9a-05dd-5df1-998d-9fa9474a88b", "685f6e9a-05dd-5df1-998d-9fa9474a88b٣",
            "ＡＢ5f6e9a-05dd-5df1-998d-9fa9474a88bb", "", "-", GUID.zero, "not a guid",
        ]
        inputs += (0..<200).map { _ in UUID().uuidString }
        inputs += (0..<200).map { GUID.make(UInt32($0) * 0x0101_0101, UInt64($0) * 0x0123_4567_89ab) }
        for input in inputs {
            #expect(GUID.normalized(input) == Self.normalizedByUUID(input), "\(input)")
        }
    }

    /// How `GUID.normalized` worked before its shortcut.
    static func normalizedByUUID(_ text: String) -> String? {
        var trimmed = Substring(text)
        if trimmed.hasPrefix("{"), trimmed.hasSuffix("}") { trimmed = trimmed.dropFirst().dropLast() }
        return UUID(uuidString: String(trimmed))?.uuidString.lowercased()
    }

    @Test(arguments: [
        "", "a=1&b=2", "&&a=&=b&c", "x=%26%3D&y=1=2", "\r\n&a=b", "a=b\r\n&c=d\r", "=", "a", "a==b", "A=1&a=2",
        "pkOrderIds=%5B%2200000000-0000-0000-0000-000000000000%22%5D", "q=caf%C3%A9+au+lait&r=%zz",
        "é=1&b=2", "a=e\u{301}&\u{301}b=2", "x=1&\u{301}=y",
    ])
    func formsSplitAsByCharacter(_ form: String) {
        let fast = Parameters.formFields(form)
        let general = Parameters.formFieldsByCharacter(form)
        #expect(fast.map(\.0) == general.map(\.0))
        #expect(fast.map(\.1) == general.map(\.1))
    }

    @Test(arguments: [
        #"["a","b"]"#, "[]", #"["a",1]"#, #"[["a"]]"#, #""x""#, "null", "", #"["\u00e9\n\"\\", "€", ""]"#, "[null]",
        #"{"a":"b"}"#, "[true]", "not json", #"["ok"]  "#,
    ])
    func listsOfStringsDecodeAsTheDecoderDoes(_ text: String) throws {
        let escaped = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        var requests = [Self.request(body: "ids=" + escaped, contentType: "application/x-www-form-urlencoded")]
        if JSONValue.parse(text) != nil {
            requests.append(Self.request(body: #"{"ids":\#(text)}"#, contentType: "application/json"))
        }
        for request in requests {
            let parameters = try Parameters(request: request, endpoint: .getOrdersByID)
            let fast = Result { () throws(APIFailure) -> [String]? in try parameters.decode("ids", as: [String].self) }
            // Optional<[String]> is not special-cased, so it takes the decoder.
            let general = Result { () throws(APIFailure) -> [String]?? in try parameters.decode("ids", as: [String]?.self) }
            switch (fast, general) {
            case (.success(let a), .success(let b)): #expect(a == b.flatMap { $0 }, "\(text)")
            case (.failure, .failure): break
            default: Issue.record("\(text): fast \(fast), general \(general)")
            }
        }
    }

    static func request(body: String, contentType: String) -> HTTPRequest {
        HTTPRequest(method: "POST", target: "/api/Orders/GetOrdersById", version: "HTTP/1.1",
                    headers: [(name: "content-type", value: contentType)], body: Array(body.utf8))
    }
}
