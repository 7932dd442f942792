import Foundation

/// A model that can read itself from a `JSONReader`, faster than its `Decodable` conformance
/// and to the same result.
///
/// Exists for the answers that carry many orders (`GetOrdersById` and the other order
/// look-ups). `init(reading:)` reads one non-null value; a null where the model is expected
/// gives up, as `JSONDecoder` fails there too.
protocol JSONReadable: Decodable {
    init(reading json: inout JSONReader) throws(JSONReaderGaveUp)
}

extension JSONReadable {
    /// The value the fast reader finds in `data`, or nil when it gives up anywhere.
    static func read(_ data: Data) -> Self? {
        data.withUnsafeBytes { raw -> Self? in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard buffer.baseAddress != nil else { return nil }
            var json = JSONReader(buffer)
            do {
                let value = try Self(reading: &json)
                try json.finish()
                return value
            } catch {
                return nil
            }
        }
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self = []
        try json.beginArray()
        while try json.nextElement() { append(try Element(reading: &json)) }
    }
}

extension String: JSONReadable {
    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        guard let value = try json.string() else { throw json.gaveUp() }
        self = value
    }
}

extension Int: JSONReadable {
    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        guard let value = try json.int() else { throw json.gaveUp() }
        self = value
    }
}

extension JSONReader {
    /// An optional nested model: nil for `null`.
    mutating func read<Value: JSONReadable>(_ type: Value.Type) throws(JSONReaderGaveUp) -> Value? {
        if try readNull() { return nil }
        return try Value(reading: &self)
    }
}

/// Decodes an answer: the fast reader when the type has one and it does not give up, else
/// `JSONDecoder`, whose result or error is then the answer.
enum AnswerDecoder {
    static func decode<Answer: Decodable>(_ type: Answer.Type, from data: Data, fast: Bool = true) throws -> Answer {
        if fast, let readable = type as? any JSONReadable.Type, let value = readable.read(data) as? Answer {
            return value
        }
        return try JSONDecoder().decode(type, from: data)
    }
}
