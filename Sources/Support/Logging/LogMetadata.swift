/// The key/value pairs that carry an event's data, in the order they were given.
///
/// Exists because log lines are read by people as well as machines: `file.name` should come before
/// `rows.read` every time, which a `Dictionary` cannot promise. Keys are unique; setting a key that
/// is already present replaces its value where it stands, so a per-call value overrides a
/// persistent one without moving it.
public struct LogMetadata: Sendable, Equatable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: String)

    private var entries: [Element] = []

    public init() {}

    /// Later duplicates of a key win, as they would in successive `with` calls.
    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { self[key] = value }
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Element { entries[position] }

    /// The value for `key`; assigning nil removes the key.
    public subscript(key: String) -> String? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            let existing = entries.firstIndex(where: { $0.key == key })
            switch (existing, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// These pairs followed by `other`'s, with `other` winning on shared keys.
    public func merging(_ other: LogMetadata) -> LogMetadata {
        if other.isEmpty { return self }
        if isEmpty { return other }
        var merged = self
        for (key, value) in other { merged[key] = value }
        return merged
    }

    public static func == (lhs: LogMetadata, rhs: LogMetadata) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}
