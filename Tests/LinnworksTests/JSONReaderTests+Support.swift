import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import Linnworks
import Sandbox
import Support

/// Draws for the JSON reader's tests: number literals of every shape, and mangled answers.
extension SplitMix64 {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func digits(_ count: Int, leadingNonZero: Bool) -> String {
        (0..<count).map { index in
            String(index == 0 && leadingNonZero ? 1 + below(9) : below(10))
        }.joined()
    }

    /// A JSON number of any shape: long mantissas, fractions, exponents near the edges.
    mutating func numberLiteral() -> String {
        var text = below(3) == 0 ? "-" : ""
        text += below(4) == 0 ? "0" : digits(1 + below(below(4) == 0 ? 25 : 8), leadingNonZero: true)
        if below(2) == 0 { text += "." + digits(1 + below(below(4) == 0 ? 25 : 6), leadingNonZero: false) }
        if below(3) == 0 {
            text += ["e", "E"][below(2)] + ["", "+", "-"][below(3)]
            text += String(below(4) == 0 ? below(400) : below(30))
        }
        return text
    }

    mutating func intLiteral() -> String {
        switch below(6) {
        case 0: return "-0"
        case 1: return String(Int64(bitPattern: next()))
        case 2: return "9223372036854775808"
        case 3: return "1.0"
        default: return String(below(1_000_000))
        }
    }

    private static let values = ["null", "true", "false", "0", "-1.5e3", "\"x\"", "[]", "{}", "1.0", "\"\\u00e9\"",
                                 "12345678901234567890", "[null]", "[\"a\",1]", "{\"Tag\":1}"]
    private static let bytes = Array("\"\\,:{}[]0-.e n".utf8) + [0xFF, 0xC3, 0x01, 0x41]

    /// One random change: a byte, some whitespace, a swapped value, a copied slice or a renamed key.
    mutating func mangle(_ bytes: inout [UInt8]) {
        let at = below(bytes.count)
        switch below(7) {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(Self.bytes[below(Self.bytes.count)], at: at)
        case 2: bytes[at] = Self.bytes[below(Self.bytes.count)]
        case 3:
            if let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")) {
                bytes.insert(contentsOf: [0x20, 0x0A, 0x09, 0x0D][below(4)...], at: colon + 1)
            }
        case 4:
            guard let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")) else { return }
            let start = colon + 1
            guard start < bytes.count, bytes[start] != UInt8(ascii: "{"), bytes[start] != UInt8(ascii: "[") else { return }
            var end = start
            if bytes[start] == UInt8(ascii: "\"") {
                end += 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                end = min(end + 1, bytes.count)
            } else {
                while end < bytes.count, !",}]".utf8.contains(bytes[end]) { end += 1 }
            }
            bytes.replaceSubrange(start..<end, with: Array(Self.values[below(Self.values.count)].utf8))
        case 5:
            // A member copied to another place: a duplicate key or an unknown-key shape.
            guard let comma = bytes[at...].firstIndex(of: UInt8(ascii: ",")),
                  let next = bytes[(comma + 1)...].firstIndex(of: UInt8(ascii: ",")) else { return }
            let member = Array(bytes[comma..<next])
            let target = below(bytes.count)
            bytes.insert(contentsOf: member, at: target)
        default:
            // A letter inside a key or string changed: unknown keys and changed texts.
            if let quote = bytes[at...].firstIndex(of: UInt8(ascii: "\"")), quote + 1 < bytes.count,
               bytes[quote + 1] >= UInt8(ascii: "A") {
                bytes[quote + 1] = UInt8(ascii: "a") + UInt8(below(26))
            }
        }
    }
}

/// The sandbox over plain HTTP, to see the bytes of an answer before any decoding.
struct RawSandbox {
    let base: String
    let token: String

    init(_ server: SandboxServer) async throws {
        base = server.baseURL
        let credentials = server.credentials()
        let form = [
            "ApplicationId": credentials.applicationID,
            "ApplicationSecret": credentials.applicationSecret.reveal { $0 },
            "Token": credentials.installationToken.reveal { $0 },
        ]
        let session = try await Self.post(base + "/api/Auth/AuthorizeByApplication", form: form, token: nil)
        let object = try JSONSerialization.jsonObject(with: session) as? [String: Any]
        token = object?["Token"] as? String ?? ""
    }

    func call(_ path: String, form: [String: String]) async throws -> Data {
        try await Self.post(base + "/api/" + path, form: form, token: token)
    }

    private static func post(_ url: String, form: [String: String], token: String?) async throws -> Data {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue(token, forHTTPHeaderField: "Authorization") }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(form.map { key, value in
            key + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&").utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }
}
