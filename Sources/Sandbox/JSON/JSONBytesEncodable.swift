/// A value that writes itself as JSON text straight into a byte buffer.
///
/// Exists because order answers are the bulk of what the sandbox sends (`GetOrdersById` answers
/// 100 orders of ~5 KB each) and going through `JSONValueEncoder` — Codable containers, a
/// `JSONValue` tree, then bytes — cost more CPU than everything else the sandbox does, on a
/// machine it shares with the client being measured. Conformers must write exactly what
/// `JSONValueEncoder.encode(value).serialized()` writes: same keys in the same order, nil as
/// `null`, scalars spelled by the shared `JSONValue.write…` helpers. `OrderJSONFastPathTests` compares
/// the two byte for byte, including an all-nil value of every type, so a field added to a model
/// but not here fails a test rather than going missing from answers.
protocol JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8])
}

extension JSONBytesEncodable {
    /// The JSON text of the value, with room reserved for `expectedBytes`.
    func jsonBytes(expectedBytes: Int = 256) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(expectedBytes)
        writeJSON(to: &out)
        return out
    }
}

extension String: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) { JSONValue.writeString(self, to: &out) }
}

extension Bool: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) { JSONValue.writeBool(self, to: &out) }
}

extension Double: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) { JSONValue.writeNumber(self, to: &out) }
}

extension Int: JSONBytesEncodable {
    /// Through `Double`, as `JSONValueEncoder` stores ints, so huge values round the same way.
    func writeJSON(to out: inout [UInt8]) { JSONValue.writeNumber(Double(self), to: &out) }
}

extension Optional: JSONBytesEncodable where Wrapped: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        if let value = self { value.writeJSON(to: &out) } else { out.appendStatic("null") }
    }
}

extension Array: JSONBytesEncodable where Element: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for index in indices {
            if index > startIndex { out.append(UInt8(ascii: ",")) }
            self[index].writeJSON(to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }
}

/// Object writing for the conformers: one `member` per key, in the model's key order, then `endObject`.
extension [UInt8] {
    /// Writes `{"Key":` or `,"Key":` (whichever `prefix` spells), then the value. The punctuation is
    /// part of the literal so a member costs one copy rather than five appends: with ~200 members
    /// an order, that was a good part of the writing. Keys are the models' coding keys, plain ASCII
    /// that needs no escaping.
    mutating func member<Value: JSONBytesEncodable>(_ prefix: StaticString, _ value: Value) {
        appendStatic(prefix)
        value.writeJSON(to: &self)
    }

    mutating func endObject() { append(UInt8(ascii: "}")) }

    mutating func appendStatic(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
