/// Turns any `Encodable` into a `JSONValue`, writing `null` for every nil property.
///
/// Exists because Swift's synthesized `Encodable` skips nil optionals while Linnworks
/// emits every key, nulls included (Documentation/LinnworksAPI.md §1); answering "with exactly the keys of
/// the models" (§13) means the shared models must be encoded by this rather than `JSONEncoder`.
struct JSONValueEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = EncodingNode()
        let encoder = TreeEncoder(node: root, codingPath: [])
        try value.encode(to: encoder)
        return root.value
    }
}

/// A mutable slot in the tree being built; containers hand out child slots.
///
/// Members and items are appended in place (the slot owns its arrays), so an object of n keys
/// costs n appends rather than n copies of a growing array.
private final class EncodingNode {
    enum Kind { case empty, value, object, array }

    private(set) var kind = Kind.empty
    private var scalar = JSONValue.null
    private var members: [(String, EncodingNode)] = []
    private var items: [EncodingNode] = []

    var content: JSONValue {
        get { scalar }
        set {
            kind = .value
            scalar = newValue
        }
    }

    var value: JSONValue {
        switch kind {
        case .empty: return .null
        case .value: return scalar
        case .object: return .object(members.map { ($0.0, $0.1.value) })
        case .array: return .array(items.map(\.value))
        }
    }

    func child(forKey key: String) -> EncodingNode {
        if kind == .object, let existing = members.first(where: { $0.0 == key }) { return existing.1 }
        if kind != .object {
            kind = .object
            members = []
        }
        let node = EncodingNode()
        members.append((key, node))
        return node
    }

    var itemCount: Int { kind == .array ? items.count : 0 }

    func appendChild() -> EncodingNode {
        if kind != .array {
            kind = .array
            items = []
        }
        let node = EncodingNode()
        items.append(node)
        return node
    }

    /// Makes this slot an object (or array) even if nothing is put in it: `{}` rather than `null`.
    func becomeObject() { if kind != .object { kind = .object; members = [] } }
    func becomeArray() { if kind != .array { kind = .array; items = [] } }
}

private struct TreeEncoder: Encoder {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

/// Encodes one value into `node`, with plain JSON for the scalar types.
private func store<T: Encodable>(_ value: T, in node: EncodingNode, codingPath: [any CodingKey]) throws {
    switch value {
    case let string as String: node.content = .string(string)
    case let bool as Bool: node.content = .bool(bool)
    case let int as Int: node.content = .number(Double(int))
    case let double as Double: node.content = .number(double)
    default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).content = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, in: node.child(forKey: key.stringValue), codingPath: codingPath)
    }

    // The point of this encoder: nil optionals become explicit nulls instead of vanishing.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }

    private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.becomeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    var count: Int { node.itemCount }

    mutating func encodeNil() throws { node.appendChild().content = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try store(value, in: node.appendChild(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendChild()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendChild()
        child.becomeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.appendChild(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: node, codingPath: codingPath) }
}
