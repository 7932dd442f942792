import Foundation

/// Parameters encoded as the Linnworks SDK sends them: one form field per parameter.
///
/// Exists because the SDK's form encoding is the one proven on every endpoint (api.md §1):
/// objects and lists are JSON, booleans are .NET's `True`/`False`, a missing GUID is empty.
struct FormBody: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    mutating func add(_ name: String, _ value: String?) {
        fields.append((name, value ?? ""))
    }

    mutating func add(_ name: String, _ value: Int) {
        fields.append((name, String(value)))
    }

    mutating func add(_ name: String, _ value: Bool) {
        fields.append((name, value ? "True" : "False"))
    }

    /// Adds `value` as JSON, or the literal `null` the SDK sends for a null object.
    mutating func add<T: Encodable>(_ name: String, json value: T?) throws(LinnworksError) {
        guard let value else {
            fields.append((name, "null"))
            return
        }
        do {
            let data = try FormBody.encoder.encode(value)
            fields.append((name, String(decoding: data, as: UTF8.self)))
        } catch {
            throw .configuration(reason: "could not encode parameter \(name)")
        }
    }

    /// `name=value&…`, every byte outside the unreserved set percent-encoded.
    var encoded: String {
        fields.map { FormBody.escape($0.name) + "=" + FormBody.escape($0.value) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0xF)]
            }
        }
        return out
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
