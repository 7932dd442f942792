/// A set of line numbers as a bitset of 64-bit words.
///
/// Exists because a feed attempt hands the next attempt every line it applied: as a bitset five
/// million lines cost 625 KB, where a `Set<Int>` would cost well over 100 MB.
/// The last word is never zero, so two sets with the same lines have the same words.
public struct LineSet: Sendable, Equatable, Sequence {
    private var words: [UInt64] = []
    /// How many lines the set holds.
    public private(set) var count = 0

    public init() {}

    public init<S: Sequence>(_ lines: S) where S.Element == Int {
        for line in lines { insert(line) }
    }

    public var isEmpty: Bool { count == 0 }

    /// Adds `line` (≥ 0); returns whether it was new.
    @discardableResult
    public mutating func insert(_ line: Int) -> Bool {
        precondition(line >= 0, "line numbers are not negative")
        let word = line >> 6, bit = UInt64(1) << UInt64(line & 63)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        count += 1
        return true
    }

    public func contains(_ line: Int) -> Bool {
        let word = line >> 6
        guard line >= 0, word < words.count else { return false }
        return words[word] & (UInt64(1) << UInt64(line & 63)) != 0
    }

    public func union(_ other: LineSet) -> LineSet {
        var result = self
        result.formUnion(other)
        return result
    }

    public mutating func formUnion(_ other: LineSet) {
        if other.words.count > words.count { words.append(contentsOf: repeatElement(0, count: other.words.count - words.count)) }
        var total = 0
        for i in words.indices {
            if i < other.words.count { words[i] |= other.words[i] }
            total += words[i].nonzeroBitCount
        }
        count = total
    }

    /// The lines in ascending order.
    public func makeIterator() -> Iterator { Iterator(words: words) }

    public struct Iterator: IteratorProtocol {
        let words: [UInt64]
        var index = 0
        var current: UInt64

        init(words: [UInt64]) {
            self.words = words
            current = words.first ?? 0
        }

        public mutating func next() -> Int? {
            while current == 0 {
                index += 1
                guard index < words.count else { return nil }
                current = words[index]
            }
            let bit = current.trailingZeroBitCount
            current &= current &- 1
            return index << 6 | bit
        }
    }
}
