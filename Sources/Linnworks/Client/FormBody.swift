import Foundation

/// Parameters encoded as the Linnworks SDK sends them: one form field per parameter.
///
/// Exists because the SDK's form encoding is the one proven on every endpoint (Documentation/LinnworksAPI.md §1):
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
        var out: [UInt8] = []
        out.reserveCapacity(fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count * 3 + 2 })
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            FormBody.escape(field.name, into: &out)
            out.append(UInt8(ascii: "="))
            FormBody.escape(field.value, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte by byte into one buffer: a 200-row stock batch is 20 KB of JSON to escape per call.
    static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
