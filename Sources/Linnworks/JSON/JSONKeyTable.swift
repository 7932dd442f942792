#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A model's `CodingKeys`, looked up by the key bytes `JSONReader` hands out.
///
/// Exists so the fast readers switch over the same `CodingKeys` the Codable conformance uses:
/// the switch must be exhaustive, so a property added to a model cannot be forgotten by its
/// fast reader. Linnworks writes keys in a fixed order, so the look-up starts where the last
/// one matched and usually hits at once.
struct JSONKeyTable<Key: CodingKey & CaseIterable>: Sendable where Key: Sendable {
    private let names: [UInt8]
    private let starts: [Int]
    private let keys: [Key]

    init() {
        var names: [UInt8] = []
        var starts = [0]
        var keys: [Key] = []
        for key in Key.allCases {
            names.append(contentsOf: key.stringValue.utf8)
            starts.append(names.count)
            keys.append(key)
        }
        precondition(keys.count <= 128, "JSONKeyTable tracks at most 128 keys per object")
        self.names = names
        self.starts = starts
        self.keys = keys
    }

    /// Reads one object, calling `read` for each known key the first time it appears (as
    /// `JSONDecoder` keeps the first of duplicated keys) and skipping every other member.
    func readObject(_ json: inout JSONReader,
                    _ read: (Key, inout JSONReader) throws(JSONReaderGaveUp) -> Void) throws(JSONReaderGaveUp) {
        try json.beginObject()
        var next = 0
        var seen = (low: UInt64(0), high: UInt64(0))
        while let name = try json.nextKey() {
            guard let index = self.index(of: name, from: next) else {
                try json.skipValue()
                continue
            }
            let bit = UInt64(1) << UInt64(index & 63)
            let isRepeat = index < 64 ? seen.low & bit != 0 : seen.high & bit != 0
            if isRepeat {
                try json.skipValue()
                continue
            }
            if index < 64 { seen.low |= bit } else { seen.high |= bit }
            try read(keys[index], &json)
            next = index + 1 == keys.count ? 0 : index + 1
        }
    }

    private func index(of name: JSONKey, from start: Int) -> Int? {
        names.withUnsafeBufferPointer { names -> Int? in
            let count = keys.count
            var index = start
            for _ in 0..<count {
                let from = starts[index], length = starts[index + 1] - from
                if length == name.count, memcmp(names.baseAddress! + from, name.bytes, length) == 0 {
                    return index
                }
                index = index + 1 == count ? 0 : index + 1
            }
            return nil
        }
    }
}
