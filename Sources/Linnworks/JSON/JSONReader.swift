/// The fast reader met something it does not handle exactly as `JSONDecoder` would.
///
/// Not an error to report: the caller hands the same bytes to `JSONDecoder`, whose verdict
/// (value or error) stands. Carries the byte offset for tests and debugging.
struct JSONReaderGaveUp: Error, Equatable {
    let offset: Int
}

/// A forward-only JSON reader over UTF-8 bytes: the caller asks for the next key or value and
/// reads it straight into its own fields, with no tree and no `Decoder` in between.
///
/// Exists because `JSONDecoder` spent most of an open-order export's CPU on `OrderDetails`
/// (about 5 KB of JSON per order, a hundred orders per answer): generic containers, a key
/// dictionary per object, metadata look-ups. The reader is deliberately stricter than
/// `JSONDecoder` — anything unusual (a byte-order mark, an escaped key, a number it cannot
/// convert exactly, a lone surrogate, deep nesting) makes it give up, and the caller falls back
/// to `JSONDecoder`. So where it answers, it answers what `JSONDecoder` would; a test checks that
/// on real answers and on thousands of mangled ones.
///
/// The reader borrows the bytes: use it only inside the `withUnsafeBytes` that made it.
struct JSONReader {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    var offset = 0
    /// True right after `[` or `{`: the next element or key has no comma before it.
    private var atContainerStart = false
    private var depth = 0
    /// `JSONDecoder` allows 512; ours are a few levels deep, so anything deeper is not ours to read.
    static let maximumDepth = 64

    /// `buffer` must have a base address (callers give empty input straight to `JSONDecoder`).
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes = buffer.baseAddress!
        count = buffer.count
    }

    func gaveUp() -> JSONReaderGaveUp { JSONReaderGaveUp(offset: offset) }

    @inline(__always)
    mutating func skipWhitespace() {
        while offset < count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The next byte that is not whitespace, not consumed.
    @inline(__always)
    mutating func peek() throws(JSONReaderGaveUp) -> UInt8 {
        skipWhitespace()
        guard offset < count else { throw gaveUp() }
        return bytes[offset]
    }

    /// Consumes `null` and returns true, or returns false with nothing consumed.
    @inline(__always)
    mutating func readNull() throws(JSONReaderGaveUp) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func literal(_ word: StaticString) throws(JSONReaderGaveUp) {
        let length = word.utf8CodeUnitCount
        guard count - offset >= length else { throw gaveUp() }
        for index in 0..<length where bytes[offset + index] != word.utf8Start[index] { throw gaveUp() }
        offset += length
    }

    /// After the whole value: only whitespace may follow.
    mutating func finish() throws(JSONReaderGaveUp) {
        skipWhitespace()
        guard offset == count else { throw gaveUp() }
    }

    // MARK: Containers

    mutating func beginObject() throws(JSONReaderGaveUp) {
        guard try peek() == UInt8(ascii: "{") else { throw gaveUp() }
        try enter()
    }

    mutating func beginArray() throws(JSONReaderGaveUp) {
        guard try peek() == UInt8(ascii: "[") else { throw gaveUp() }
        try enter()
    }

    private mutating func enter() throws(JSONReaderGaveUp) {
        offset += 1
        depth += 1
        guard depth <= Self.maximumDepth else { throw gaveUp() }
        atContainerStart = true
    }

    /// The next key of the object being read (its value follows), or nil after its `}`.
    /// Keys must be plain ASCII without escapes; anything else gives up.
    mutating func nextKey() throws(JSONReaderGaveUp) -> JSONKey? {
        var byte = try peek()
        if byte == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            atContainerStart = false
            return nil
        }
        if atContainerStart {
            atContainerStart = false
        } else {
            guard byte == UInt8(ascii: ",") else { throw gaveUp() }
            offset += 1
            byte = try peek()
        }
        guard byte == UInt8(ascii: "\"") else { throw gaveUp() }
        offset += 1
        let start = offset
        while offset < count {
            let character = bytes[offset]
            if character == UInt8(ascii: "\"") { break }
            guard character >= 0x20, character < 0x80, character != UInt8(ascii: "\\") else { throw gaveUp() }
            offset += 1
        }
        guard offset < count else { throw gaveUp() }
        let key = JSONKey(bytes: bytes + start, count: offset - start)
        offset += 1
        guard try peek() == UInt8(ascii: ":") else { throw gaveUp() }
        offset += 1
        return key
    }

    /// True when another element of the array being read follows; false after its `]`.
    mutating func nextElement() throws(JSONReaderGaveUp) -> Bool {
        let byte = try peek()
        if byte == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            atContainerStart = false
            return false
        }
        if atContainerStart {
            atContainerStart = false
            return true
        }
        guard byte == UInt8(ascii: ",") else { throw gaveUp() }
        offset += 1
        return true
    }

    /// Reads past one value of any kind, checking it as strictly as the typed reads do.
    mutating func skipValue() throws(JSONReaderGaveUp) {
        switch try peek() {
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try double()
        }
    }
}

/// An object key as it stands in the input, borrowed from the reader's bytes.
struct JSONKey {
    let bytes: UnsafePointer<UInt8>
    let count: Int
}
