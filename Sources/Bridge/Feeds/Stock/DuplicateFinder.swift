import Support


/// Finds, in a first pass over the file, which rows a later row for the same SKU and location overrides.
///
/// Exists because "the last row wins and the earlier one is reported" must hold for files of
/// any size in bounded memory. Each row's key (SKU, location) is hashed to 64 bits; a Bloom
/// filter sized from the file remembers the keys seen, and only keys it may have seen before
/// are kept exactly, with the last line they appear on. A row is superseded when its key is
/// kept and a later line holds it. (Two different keys sharing a 64-bit hash would be taken for
/// one; at five million rows the odds are about one in ten million.)
struct DuplicateFinder: Sendable {
    /// Key hash → the last line the key appears on, for keys seen more than once (plus a few
    /// the filter was unsure of, which appear once and so supersede nothing).
    private var lastLine: [UInt64: Int] = [:]

    init() {}

    /// The line that overrides the row with `key` on `line`, or nil if this row is the one that counts.
    func supersedingLine(key: UInt64, line: Int) -> Int? {
        guard let last = lastLine[key], last != line else { return nil }
        return last
    }

    /// Collects the keys during the feed's first pass. Rows an earlier attempt applied still take
    /// part: a row they supersede must stay superseded.
    struct Collector {
        private var filter: BloomFilter
        private var finder = DuplicateFinder()

        /// For a file of `fileBytes`: rows of a real stock file are rarely under 32 bytes, and guessing
        /// low only costs a few more exact keys.
        init(fileBytes: Int) {
            filter = BloomFilter(expectedKeys: max(1024, fileBytes / 32))
        }

        /// The row on `line` has `key` (rows that will be rejected anyway have none and are not added).
        mutating func add(_ key: UInt64, line: Int) {
            if filter.insertReportingPresence(key) { finder.lastLine[key] = line }
        }

        var finished: DuplicateFinder { finder }
    }
}

/// A fixed-size set of 64-bit hashes that may say "seen" wrongly but never "not seen" wrongly.
///
/// Blocked: a key's four bits all lie in one 64-bit word, so an insert costs one cache miss
/// instead of four (a little more false "seen", which only keeps a few extra keys exactly).
struct BloomFilter {
    private var words: [UInt64]

    /// About 12 bits per key, between 8 KiB and 16 MiB.
    init(expectedKeys: Int) {
        words = [UInt64](repeating: 0, count: min(2_097_152, max(1024, expectedKeys * 12 / 64)))
    }

    /// Inserts `hash`; returns whether it may have been present already.
    mutating func insertReportingPresence(_ hash: UInt64) -> Bool {
        // Map the low 32 bits onto the table without a modulo (multiply-shift).
        let index = Int(truncatingIfNeeded: ((hash & 0xFFFF_FFFF) &* UInt64(words.count)) >> 32)
        let high = hash >> 40
        let flags = (UInt64(1) << (high & 63)) | (UInt64(1) << ((high >> 6) & 63))
            | (UInt64(1) << ((high >> 12) & 63)) | (UInt64(1) << ((high >> 18) & 63))
        return words.withUnsafeMutableBufferPointer { words in
            let old = words[index]
            words[index] = old | flags
            return old & flags == flags
        }
    }
}

/// FNV-1a over the key's bytes (`ContentHash.fnv1a`), then a final mix so nearby SKUs spread over the filter.
struct KeyHasher {
    private var state = ContentHash.offsetBasis

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        state = ContentHash.fnv1a(state, bytes)
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    mutating func separator() {
        let before = state
        state = withUnsafeBytes(of: UInt8(0x1F)) { ContentHash.fnv1a(before, $0) }
    }

    mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value) { combine($0) }
    }

    func finalize() -> UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
