import Foundation
import Linnworks

/// The parameters of one API call, however they were sent.
///
/// Exists because Linnworks accepts the same call as SDK-style form fields (objects as JSON,
/// `True`/`False`, empty for null), as a JSON object keyed by parameter, as the flat
/// `request` object or wrapped in `{"request":…}`, and in the query of a GET — all with
/// names in any case (Documentation/LinnworksAPI.md §1). Handlers ask by name and get typed values or a 400.
struct Parameters {
    enum Value {
        case text(String)
        case json(JSONValue)
    }

    /// Lower-cased parameter name → value.
    private(set) var values: [String: Value] = [:]

    init() {}

    /// Builds the parameters from the query, then the body (form or JSON); a body that is
    /// neither is a 400 naming `request`.
    init(request: HTTPRequest, endpoint: Endpoint) throws(APIFailure) {
        if let query = request.query { merge(form: query) }
        guard !request.body.isEmpty else {
            unwrapRequestObject(for: endpoint)
            return
        }
        let contentType = request.header("content-type")?.lowercased() ?? ""
        let firstByte = request.body.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let looksLikeJSON = firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[")
        if contentType.contains("json") || (looksLikeJSON && !contentType.contains("form")) {
            guard let json = JSONValue.parse(Data(request.body)) else { throw .invalidParameter("request") }
            guard case .object(let members) = json else { throw .invalidParameter("request") }
            for (name, value) in members { values[name.lowercased()] = .json(value) }
        } else {
            merge(form: String(decoding: request.body, as: UTF8.self))
        }
        unwrapRequestObject(for: endpoint)
    }

    private mutating func merge(form: String) {
        for (name, value) in Parameters.formFields(form) { values[name.lowercased()] = .text(value) }
    }

    /// The `name=value` pairs of a form, unescaped, split at `&` and the first `=` of each.
    ///
    /// Splits bytes when the form is ASCII, as it is when a client percent-encodes: splitting the
    /// String by Character (grapheme breaking) was the costliest part of reading a 100-id
    /// `GetOrdersById` body. In ASCII the only multi-scalar Character is CR LF, which holds
    /// neither `&` nor `=`, so both ways split alike; other text keeps the Character split.
    static func formFields(_ form: String) -> [(String, String)] {
        let bytes = Array(form.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return formFieldsByCharacter(form) }
        return bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (unescape(bytes: parts[0]), parts.count > 1 ? unescape(bytes: parts[1]) : "")
        }
    }

    static func formFieldsByCharacter(_ form: String) -> [(String, String)] {
        form.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }

    /// For single-`request` methods, lifts the request object's fields to the top level,
    /// whether it came as the form field `request=<json>` or as `{"request":{…}}`.
    private mutating func unwrapRequestObject(for endpoint: Endpoint) {
        guard endpoint.takesRequestObject, let wrapped = values["request"] else { return }
        let object: JSONValue?
        switch wrapped {
        case .text(let text): object = JSONValue.parse(text)
        case .json(let json): object = json
        }
        guard case .object(let members)? = object else { return }
        values["request"] = nil
        for (name, value) in members { values[name.lowercased()] = .json(value) }
    }

    /// Form decoding: `+` is a space, `%XX` a byte; a `%` not followed by two hex digits stays as it is.
    /// Byte by byte, because Foundation's `removingPercentEncoding` was the sandbox's hottest call.
    static func unescape<S: StringProtocol>(_ text: S) -> String {
        unescape(bytes: Array(text.utf8))
    }

    static func unescape(bytes input: ArraySlice<UInt8>) -> String {
        unescape(bytes: Array(input))
    }

    static func unescape(bytes input: [UInt8]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if c == UInt8(ascii: "%"), i + 2 < input.count, let high = hex(input[i + 1]), let low = hex(input[i + 2]) {
                bytes.append(high << 4 | low)
                i += 2
            } else {
                bytes.append(c)
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func has(_ name: String) -> Bool { values[name.lowercased()] != nil }

    /// The value as text; nil when absent, empty or null.
    func string(_ name: String) throws(APIFailure) -> String? {
        switch values[name.lowercased()] {
        case nil: return nil
        case .text(let text): return text.isEmpty || text == "null" ? nil : text
        case .json(let json):
            switch json {
            case .null: return nil
            case .string(let text): return text
            case .number, .bool: return String(decoding: json.serialized(), as: UTF8.self)
            default: throw .invalidParameter(name)
            }
        }
    }

    func int(_ name: String) throws(APIFailure) -> Int? {
        guard let text = try string(name) else { return nil }
        if let value = Int(text) { return value }
        if let value = Double(text), value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        throw .invalidParameter(name)
    }

    func bool(_ name: String) throws(APIFailure) -> Bool? {
        guard let text = try string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidParameter(name)
        }
    }

    /// A GUID, lower-cased; nil when absent or empty; 400 when malformed.
    func guid(_ name: String) throws(APIFailure) -> String? {
        guard let text = try string(name) else { return nil }
        guard let guid = GUID.normalized(text) else { throw .invalidParameter(name) }
        return guid
    }

    /// An object or list parameter decoded into `T`, matching member names ignoring case.
    /// The parameter as parsed JSON; nil when absent, empty or null.
    func json(_ name: String) throws(APIFailure) -> JSONValue? {
        switch values[name.lowercased()] {
        case nil: return nil
        case .text(let text):
            if text.isEmpty || text == "null" { return nil }
            guard let parsed = JSONValue.parse(text) else { throw .invalidParameter(name) }
            return parsed.isNull ? nil : parsed
        case .json(let value):
            return value.isNull ? nil : value
        }
    }

    func decode<T: Decodable>(_ name: String, as type: T.Type) throws(APIFailure) -> T? {
        let json: JSONValue
        switch values[name.lowercased()] {
        case nil: return nil
        case .text(let text):
            if text.isEmpty || text == "null" { return nil }
            guard let parsed = JSONValue.parse(text) else { throw .invalidParameter(name) }
            json = parsed
        case .json(let value):
            json = value
        }
        if json.isNull { return nil }
        // Lists of ids are the common case and need no decoder: a JSON array of strings decodes
        // to exactly its strings. Anything else takes the general way, errors included.
        if T.self == [String].self, case .array(let items) = json {
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for item in items {
                guard case .string(let text) = item else { break }
                strings.append(text)
            }
            if strings.count == items.count { return strings as? T }
        }
        do {
            let data = Data(CanonicalKeys.apply(to: json).serialized())
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .invalidParameter(name)
        }
    }

    /// Text of every parameter, for the call log; secret-bearing names are left out.
    ///
    /// Values are cut at 500 bytes to bound the log's memory, except lists of order ids (up to 16 KiB,
    /// a full batch of 200): tests and the kill test check from the log that no order was processed twice.
    func loggable() -> JSONValue {
        var members: [(String, JSONValue)] = []
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            if CanonicalKeys.secretNames.contains(name) { continue }
            let limit = Parameters.orderIDLists.contains(name) ? 16_384 : 500
            switch value {
            case .text(let text): members.append((name, .string(String(text.prefix(limit)))))
            case .json(let json):
                let bytes = json.serialized()
                if bytes.count <= limit {
                    members.append((name, json))
                } else {
                    members.append((name, .string(String(decoding: bytes.prefix(limit), as: UTF8.self))))
                }
            }
        }
        return .object(members)
    }

    static let orderIDLists: Set<String> = ["ordersids", "pkorderids", "orderids"]
}

/// GUID text handling: Linnworks GUIDs are lower-case, and "none" is all zeros.
enum GUID {
    static let zero = "00000000-0000-0000-0000-000000000000"

    /// The GUID in canonical lower-case form, or nil when `text` is not one.
    static func normalized(_ text: String) -> String? {
        if let canonical = canonicalLowercased(text) { return canonical }
        var trimmed = Substring(text)
        if trimmed.hasPrefix("{"), trimmed.hasSuffix("}") { trimmed = trimmed.dropFirst().dropLast() }
        guard let uuid = UUID(uuidString: String(trimmed)) else { return nil }
        return uuid.uuidString.lowercased()
    }

    /// `text` lower-cased when it is already in the 8-4-4-4-12 hex form, else nil.
    ///
    /// Any UUID parser accepts that form and prints it back as the same hex digits, so this gives
    /// what `UUID(uuidString:)…lowercased()` gives, without the `sscanf`/`sprintf` round trip that
    /// cost more than anything else in handling a 100-id look-up once answers were fast.
    static func canonicalLowercased(_ text: String) -> String? {
        var isLowercase = true
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): break
                case UInt8(ascii: "A")...UInt8(ascii: "F"): isLowercase = false
                default: return nil
                }
            }
            count += 1
            if count > 36 { return nil }
        }
        guard count == 36 else { return nil }
        return isLowercase ? text : text.lowercased()
    }

    /// A deterministic GUID from two numbers, for generated accounts.
    static func make(_ kind: UInt32, _ number: UInt64) -> String {
        // "%08x-%04x-4%03x-8%03x-%012llx", written by hand: String(format:) costs a microsecond.
        var out: [UInt8] = []
        out.reserveCapacity(36)
        func put(_ value: UInt64, digits: Int) {
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                out.append(hexDigits[Int((value >> UInt64(shift)) & 0xF)])
            }
        }
        put(UInt64(kind), digits: 8)
        out.append(UInt8(ascii: "-"))
        put((number >> 48) & 0xFFFF, digits: 4)
        out.append(contentsOf: "-4".utf8)
        put((number >> 36) & 0xFFF, digits: 3)
        out.append(contentsOf: "-8".utf8)
        put((number >> 24) & 0xFFF, digits: 3)
        out.append(UInt8(ascii: "-"))
        put(number & 0xFFFF_FFFF_FFFF, digits: 12)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
