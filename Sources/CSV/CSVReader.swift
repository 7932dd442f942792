import Support
#if canImport(Glibc)
import Glibc
#endif

/// Reads CSV records from a stream of bytes in bounded memory.
///
/// Exists because 3PL files come in every dialect and size: the reader detects the encoding
/// and delimiter, follows RFC 4180 quoting across buffer refills, numbers every record by the
/// line it starts on, and never holds more than one buffer (1 MiB by default, larger only
/// while one record needs it, never beyond `maxRecordBytes` plus a chunk). A malformed record
/// comes back with its `problem` set and reading continues after it; only I/O errors throw.
///
/// The scan keeps its state in locals (Documentation/SwiftOnLinux.md §4: exclusivity checks); the stored properties
/// are touched once per record.
public final class CSVReader {
    /// The delimiter and encoding in use, detected or given.
    public let dialect: CSVDialect
    public let options: CSVReaderOptions

    private let input: any CSVInput
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    /// Bytes handed to the scanner so far (after decoding), for progress reports.
    public private(set) var bytesRead = 0
    /// The BOM's length when the scanner's bytes are the input's own; nil when they are transcoded.
    private let rawOffsetBase: Int?
    private var atEOF = false
    /// The line on which the byte at `start` lies.
    private var line = 1
    /// The previous record ended in CR at the buffer's end: a LF that follows belongs to it.
    private var swallowLF = false
    private var spans: UnsafeMutablePointer<FieldSpan>
    private var spanCapacity = 64
    private var expectedFieldCount: Int?

    /// Reads from `input`, sniffing what `options` leaves open from the first 64 KiB.
    public init(input: any CSVInput, options: CSVReaderOptions = CSVReaderOptions()) throws(SystemError) {
        self.options = options
        let sample = try Self.readSample(input, limit: 1 << 16)
        let isWholeFile = sample.count < (1 << 16)
        var encoding: CSVEncoding
        var bomLength: Int
        if let given = options.encoding {
            encoding = given
            bomLength = sample.withUnsafeBytes { CSVEncoding.detect(sample: $0, sampleIsWholeFile: isWholeFile) }.0 == given ? given.bomLength : 0
        } else {
            (encoding, bomLength) = sample.withUnsafeBytes { CSVEncoding.detect(sample: $0, sampleIsWholeFile: isWholeFile) }
        }
        let rest = Array(sample[bomLength...])
        let prefixed = PrefixedInput(prefix: rest, rest: input)
        var utf8Sample = rest
        switch encoding {
        case .utf16LittleEndian, .utf16BigEndian:
            let bigEndian = encoding == .utf16BigEndian
            self.input = UTF16ToUTF8Input(source: prefixed, bigEndian: bigEndian)
            utf8Sample = Self.transcodeSample(rest, bigEndian: bigEndian)
        default:
            self.input = prefixed
        }
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(utf8Sample)
        self.dialect = CSVDialect(delimiter: delimiter, encoding: encoding)
        self.rawOffsetBase = encoding == .utf16LittleEndian || encoding == .utf16BigEndian ? nil : bomLength
        self.capacity = options.chunkSize
        self.buffer = .allocate(capacity: capacity)
        self.spans = .allocate(capacity: spanCapacity)
    }

    /// Opens `path` and reads it.
    public convenience init(path: String, options: CSVReaderOptions = CSVReaderOptions()) throws(SystemError) {
        try self.init(input: try ReadableFile(path: path), options: options)
    }

    deinit {
        buffer.deallocate()
        spans.deallocate()
    }

    private static func readSample(_ input: any CSVInput, limit: Int) throws(SystemError) -> [UInt8] {
        var sample = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let n = try readChunk(input, into: &sample, from: filled)
            if n == 0 { break }
            filled += n
        }
        sample.removeSubrange(filled...)
        return sample
    }

    private static func transcodeSample(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        let converter = UTF16ToUTF8Input(source: BytesInput(bytes), bigEndian: bigEndian)
        var out = [UInt8](repeating: 0, count: bytes.count * 2 + 8)
        var filled = 0
        while filled < out.count {
            let n = (try? readChunk(converter, into: &out, from: filled)) ?? 0
            if n == 0 { break }
            filled += n
        }
        return Array(out[..<filled])
    }

    /// Where in the input the last record `nextRecord` returned ends: the bytes consumed through it,
    /// its line terminator and the BOM included. Nil for UTF-16 input, whose bytes are transcoded
    /// before the scanner sees them. Lets a caller tell whether a record lies wholly within a
    /// prefix of the file it knows unchanged; worked out on demand, so the scan pays nothing.
    public var lastRecordEnd: Int? {
        rawOffsetBase.map { $0 + bytesRead - (end - start) }
    }

    /// Whether the last record returned ended with a line terminator (false for a last line cut
    /// short at the end of the input): a record without one may still grow.
    public var lastRecordEndedWithTerminator: Bool {
        start > 0 && (buffer[start - 1] == 0x0A || buffer[start - 1] == 0x0D)
    }

    /// The next record, or nil at the end of the input. Blank lines and rows of only empty,
    /// unquoted fields are skipped. The record is a view: valid until the next call.
    public func nextRecord() throws(SystemError) -> CSVRecord? {
        while true {
            skipBlankLines()
            if start == end {
                if atEOF { return nil }
                try refill()
                continue
            }
            switch scanRecord() {
            case let .complete(next, contentEnd, fieldCount, linesInside, problem):
                let recordLine = line
                let recordStart = start
                start = next
                line += 1 + linesInside
                if contentEnd - recordStart > options.maxRecordBytes {
                    return tooLargeRecord(line: recordLine)
                }
                if problem == nil, isEmptyRow(fieldCount) { continue }
                var problem = problem
                if options.requiresUniformFieldCount {
                    if let expected = expectedFieldCount {
                        if problem == nil, fieldCount != expected {
                            problem = .fieldCount(expected: expected, found: fieldCount)
                        }
                    } else {
                        expectedFieldCount = fieldCount
                    }
                }
                return CSVRecord(line: recordLine, problem: problem, count: fieldCount,
                                 base: UnsafePointer(buffer), spans: UnsafePointer(spans), encoding: dialect.encoding)
            case .needMore:
                // More bytes pending than the cap (plus a CR whose LF is still to come): too large
                // however it ends, so stop holding it.
                if end - start > options.maxRecordBytes + 1 {
                    return try skipOversizedRecord()
                }
                try refill()
            }
        }
    }

    private func isEmptyRow(_ fieldCount: Int) -> Bool {
        for i in 0..<fieldCount where spans[i].isQuoted || spans[i].end > spans[i].start { return false }
        return true
    }

    /// Consumes empty lines at `start`, counting them; stops at the buffer's end.
    private func skipBlankLines() {
        var p = start
        var lines = 0
        let end = self.end
        let buf = buffer
        if swallowLF, p < end {
            if buf[p] == 0x0A { p += 1 }
            swallowLF = false
        }
        while p < end {
            let c = buf[p]
            if c == 0x0A {
                p += 1; lines += 1
            } else if c == 0x0D {
                if p + 1 < end {
                    p += buf[p + 1] == 0x0A ? 2 : 1
                    lines += 1
                } else if atEOF {
                    p += 1; lines += 1
                } else {
                    p += 1; lines += 1
                    swallowLF = true
                    break
                }
            } else {
                break
            }
        }
        start = p
        line += lines
    }

    /// Moves the unread bytes to the front, grows the buffer if a record fills it, and reads more.
    private func refill() throws(SystemError) {
        if start > 0 {
            let pending = end - start
            if pending > 0 { memmove(buffer, buffer + start, pending) }
            end = pending
            start = 0
        }
        if end == capacity {
            let newCapacity = min(max(capacity * 2, 64), options.maxRecordBytes + options.chunkSize + 2)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity = newCapacity
        }
        let want = min(options.chunkSize, capacity - end)
        let n = try input.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: want))
        if n == 0 { atEOF = true } else { end += n; bytesRead += n }
    }

    enum ScanResult {
        case complete(next: Int, contentEnd: Int, fieldCount: Int, linesInside: Int, problem: CSVProblem?)
        case needMore
    }

    private func ensureSpanCapacity(_ needed: Int) {
        guard needed > spanCapacity else { return }
        let newCapacity = max(needed, spanCapacity * 2)
        let grown = UnsafeMutablePointer<FieldSpan>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: spans, count: spanCapacity)
        spans.deallocate()
        spans = grown
        spanCapacity = newCapacity
    }

    /// Scans one record starting at `start`. Everything hot is a local.
    private func scanRecord() -> ScanResult {
        let buf = buffer
        let end = self.end
        let eof = atEOF
        let delimiter = dialect.delimiter
        let quote = UInt8(ascii: "\"")
        var p = start
        var fieldCount = 0
        var linesInside = 0
        var problem: CSVProblem?
        var spans = self.spans
        var spanCapacity = self.spanCapacity

        @inline(__always) func addSpan(_ span: FieldSpan) {
            if fieldCount == spanCapacity {
                self.ensureSpanCapacity(fieldCount + 1)
                spans = self.spans
                spanCapacity = self.spanCapacity
            }
            (spans + fieldCount).initialize(to: span)
            fieldCount += 1
        }
        @inline(__always) func note(_ p: CSVProblem) { if problem == nil { problem = p } }

        // Returns where the next record starts after a line end at `q`, or nil if more bytes are needed.
        @inline(__always) func afterLineEnd(_ q: Int) -> Int? {
            if buf[q] == 0x0A { return q + 1 }
            if q + 1 < end { return buf[q + 1] == 0x0A ? q + 2 : q + 1 }
            return eof ? q + 1 : nil
        }

        while true {
            let fieldStart = p
            if p == end {
                guard eof else { return .needMore }
                addSpan(FieldSpan(start: p, end: p, hasDoubledQuotes: false, isQuoted: false))
                return .complete(next: p, contentEnd: p, fieldCount: fieldCount, linesInside: linesInside, problem: problem)
            }
            if buf[p] == quote {
                var q = p + 1
                var doubled = false
                var closing = -1
                while true {
                    guard let hit = memchr(buf + q, Int32(quote), end - q) else { break }
                    let at = UnsafeMutablePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - buf
                    if at + 1 == end, !eof { break }
                    if at + 1 < end, buf[at + 1] == quote {
                        doubled = true
                        q = at + 2
                        continue
                    }
                    closing = at
                    break
                }
                if closing < 0 {
                    guard eof else { return .needMore }
                    note(.unterminatedQuote)
                    countInside(buf, from: p + 1, to: end, lines: &linesInside, problem: &problem)
                    addSpan(FieldSpan(start: p + 1, end: end, hasDoubledQuotes: doubled, isQuoted: true))
                    return .complete(next: end, contentEnd: end, fieldCount: fieldCount, linesInside: linesInside, problem: problem)
                }
                countInside(buf, from: p + 1, to: closing, lines: &linesInside, problem: &problem)
                p = closing + 1
                if p == end {
                    // eof is true here, or the quote scan would have asked for more.
                    addSpan(FieldSpan(start: fieldStart + 1, end: closing, hasDoubledQuotes: doubled, isQuoted: true))
                    return .complete(next: p, contentEnd: p, fieldCount: fieldCount, linesInside: linesInside, problem: problem)
                }
                let c = buf[p]
                if c == delimiter {
                    addSpan(FieldSpan(start: fieldStart + 1, end: closing, hasDoubledQuotes: doubled, isQuoted: true))
                    p += 1
                    continue
                }
                if c == 0x0A || c == 0x0D {
                    guard let next = afterLineEnd(p) else { return .needMore }
                    addSpan(FieldSpan(start: fieldStart + 1, end: closing, hasDoubledQuotes: doubled, isQuoted: true))
                    return .complete(next: next, contentEnd: p, fieldCount: fieldCount, linesInside: linesInside, problem: problem)
                }
                // Text after the closing quote: keep the field's raw bytes, quotes and all.
                note(.textAfterClosingQuote)
            }
            // An unquoted field, or the rest of a field with text after its closing quote.
            guard let stop = scanUnquoted(buf, from: p, end: end, delimiter: delimiter, problem: &problem) else {
                if eof {
                    addSpan(FieldSpan(start: fieldStart, end: end, hasDoubledQuotes: false, isQuoted: false))
                    return .complete(next: end, contentEnd: end, fieldCount: fieldCount, linesInside: linesInside, problem: problem)
                }
                return .needMore
            }
            p = stop
            addSpan(FieldSpan(start: fieldStart, end: p, hasDoubledQuotes: false, isQuoted: false))
            // p is at a delimiter or a line end.
            if buf[p] == delimiter {
                p += 1
                continue
            }
            guard let next = afterLineEnd(p) else { return .needMore }
            return .complete(next: next, contentEnd: p, fieldCount: fieldCount, linesInside: linesInside, problem: problem)
        }
    }

    /// Skips a record larger than `maxRecordBytes` without keeping it, following the same quoting
    /// rules as the scan (so a line end inside quotes does not end it early), and returns it empty
    /// with its problem.
    private func skipOversizedRecord() throws(SystemError) -> CSVRecord {
        let recordLine = line
        var state = SkipState.fieldStart
        var lines = 0
        var previousCR = false
        let delimiter = dialect.delimiter
        scanning: while true {
            var p = start
            let buf = buffer
            while p < end {
                let c = buf[p]
                p += 1
                let isLineEnd = c == 0x0A || c == 0x0D
                if c == 0x0D || (c == 0x0A && !previousCR) { lines += 1 }
                previousCR = c == 0x0D
                switch state {
                case .fieldStart:
                    if c == 0x22 { state = .quoted } else if c == delimiter { state = .fieldStart } else if isLineEnd { break } else { state = .unquoted }
                case .unquoted:
                    if c == delimiter { state = .fieldStart }
                case .quoted:
                    if c == 0x22 { state = .quoteInQuoted }
                    continue
                case .quoteInQuoted:
                    if c == 0x22 { state = .quoted } else if c == delimiter { state = .fieldStart } else if !isLineEnd { state = .unquoted }
                }
                if isLineEnd, state != .quoted {
                    if c == 0x0D {
                        if p < end { if buf[p] == 0x0A { p += 1 } } else { swallowLF = true }
                    }
                    start = p
                    break scanning
                }
            }
            start = end
            if atEOF { break }
            try refill()
            if start == end, atEOF { break }
        }
        line += max(lines, 1)
        return tooLargeRecord(line: recordLine)
    }

    private enum SkipState { case fieldStart, unquoted, quoted, quoteInQuoted }

    private func tooLargeRecord(line: Int) -> CSVRecord {
        CSVRecord(line: line, problem: .recordTooLarge(limit: options.maxRecordBytes), count: 0,
                  base: UnsafePointer(buffer), spans: UnsafePointer(spans), encoding: dialect.encoding)
    }
}

/// Counts line ends (CRLF once) and notes NUL bytes inside a quoted field.
@inline(__always)
private func countInside(_ buf: UnsafeMutablePointer<UInt8>, from: Int, to: Int, lines: inout Int, problem: inout CSVProblem?) {
    var p = from
    var previousCR = false
    while p < to {
        let c = buf[p]
        if c <= 0x0D {
            if c == 0x0A {
                if !previousCR { lines += 1 }
            } else if c == 0x0D {
                lines += 1
            } else if c == 0, problem == nil {
                problem = .nulByte
            }
        }
        previousCR = c == 0x0D
        p += 1
    }
}

/// Finds the end of an unquoted field: the index of the delimiter or line end, or nil if the
/// buffer ends first. Eight bytes at a time while none of them is special (SWAR).
@inline(__always)
private func scanUnquoted(_ buf: UnsafeMutablePointer<UInt8>, from: Int, end: Int, delimiter: UInt8,
                          problem: inout CSVProblem?) -> Int? {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let delimiters = ones &* UInt64(delimiter)
    let quotes = ones &* 0x22
    let lineFeeds = ones &* 0x0A
    let returns = ones &* 0x0D
    @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    var p = from
    while true {
        while p &+ 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(buf + p).loadUnaligned(as: UInt64.self))
            let mask = zeroBytes(word) | zeroBytes(word ^ delimiters) | zeroBytes(word ^ quotes)
                | zeroBytes(word ^ lineFeeds) | zeroBytes(word ^ returns)
            if mask == 0 { p &+= 8; continue }
            p &+= mask.trailingZeroBitCount >> 3
            break
        }
        if p >= end { return nil }
        let c = buf[p]
        if c == delimiter || c == 0x0A || c == 0x0D { return p }
        if c == 0x22 {
            if problem == nil { problem = .quoteInUnquotedField }
        } else if c == 0 {
            if problem == nil { problem = .nulByte }
        }
        p &+= 1
    }
}
