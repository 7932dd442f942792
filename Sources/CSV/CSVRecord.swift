/// Where one field lies in the reader's buffer.
struct FieldSpan {
    var start: Int
    var end: Int
    /// The field was quoted and contains doubled quotes that must be collapsed when read.
    var hasDoubledQuotes: Bool
    var isQuoted: Bool
}

/// One record, as a view into the reader's buffer: no `String` is made unless asked for.
///
/// Exists so that a feed can look at the two or three columns it needs in a five-million-row
/// file without paying for the rest. **Valid only until the reader's next call**; copy what you
/// keep (`string`, `strings()`).
public struct CSVRecord {
    /// The line of the file where this record starts (1-based, counting every line end, also inside quotes).
    public let line: Int
    /// Why the record is malformed, if it is; its fields are then a best effort.
    public let problem: CSVProblem?
    /// How many fields the record has.
    public let count: Int
    let base: UnsafePointer<UInt8>
    let spans: UnsafePointer<FieldSpan>
    let encoding: CSVEncoding

    /// The field at `index`; `index` must be below `count`.
    public subscript(index: Int) -> CSVField {
        precondition(index >= 0 && index < count, "field index out of range")
        return CSVField(base: base, span: spans[index], encoding: encoding)
    }

    /// The field at `index`, or nil when the record is shorter.
    public func field(_ index: Int) -> CSVField? {
        index >= 0 && index < count ? self[index] : nil
    }

    /// Every field decoded to a `String`, for reports and headers.
    public func strings() -> [String] {
        (0..<count).map { self[$0].string }
    }
}

/// One field of a `CSVRecord`, still bytes until `string` is read.
public struct CSVField {
    let base: UnsafePointer<UInt8>
    let span: FieldSpan
    let encoding: CSVEncoding

    /// The field was enclosed in quotes.
    public var isQuoted: Bool { span.isQuoted }
    /// The field has no characters.
    public var isEmpty: Bool { span.end == span.start }

    /// Calls `body` with the field's bytes, doubled quotes collapsed, in the file's encoding
    /// (UTF-8 for UTF-16 input, which is converted on the way in).
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let raw = UnsafeRawBufferPointer(start: base + span.start, count: span.end - span.start)
        guard span.hasDoubledQuotes else { return try body(raw) }
        var collapsed = [UInt8]()
        collapsed.reserveCapacity(raw.count)
        var previousWasQuote = false
        for byte in raw {
            if byte == UInt8(ascii: "\""), previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == UInt8(ascii: "\"")
            collapsed.append(byte)
        }
        return try collapsed.withUnsafeBytes(body)
    }

    /// The field as text. UTF-8 that does not validate is read as Windows-1252, so a file
    /// that mixes the two still comes out readable instead of with replacement characters.
    public var string: String {
        withBytes { decodeText($0, encoding: encoding) }
    }

    /// The text with leading and trailing spaces and tabs removed.
    public var trimmedString: String {
        withBytes { bytes in
            var lo = 0, hi = bytes.count
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
            return decodeText(UnsafeRawBufferPointer(rebasing: bytes[lo..<hi]), encoding: encoding)
        }
    }
}

@inline(__always)
func decodeText(_ bytes: UnsafeRawBufferPointer, encoding: CSVEncoding) -> String {
    if encoding == .windows1252 { return Windows1252.decode(bytes) }
    // Validate here rather than with the generic `String(validating:as:)`, whose metadata
    // look-ups cost more than the decoding itself on short fields.
    if isASCII(bytes) || CSVEncoding.isValidUTF8(bytes) {
        return String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }
    return Windows1252.decode(bytes)
}

@inline(__always)
func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    let n = bytes.count
    while i &+ 8 <= n {
        if bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
        i &+= 8
    }
    while i < n {
        if bytes[i] >= 0x80 { return false }
        i &+= 1
    }
    return true
}
