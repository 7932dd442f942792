import Support

/// Where a `CSVReader` gets its bytes from, a chunk at a time.
///
/// Exists so that the reader streams any source through a fixed buffer — a file via `read(2)`,
/// bytes in memory for tests — and so that UTF-16 can be turned into UTF-8 on the way in.
public protocol CSVInput: AnyObject {
    /// Fills the start of `buffer` and returns how many bytes were written; 0 means end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int
}

extension ReadableFile: CSVInput {}

/// Bytes held in memory, served in chunks no larger than the reader asks for.
public final class BytesInput: CSVInput {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}

/// Serves bytes already read (the sniffed start of a file) before the rest of the input.
final class PrefixedInput: CSVInput {
    private var prefix: [UInt8]
    private var offset = 0
    private let rest: any CSVInput

    init(prefix: [UInt8], rest: any CSVInput) {
        self.prefix = prefix
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        if offset < prefix.count {
            let n = min(buffer.count, prefix.count - offset)
            prefix.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: n)
            }
            offset += n
            if offset == prefix.count { prefix = [] ; offset = Int.max }
            return n
        }
        return try rest.read(into: buffer)
    }
}

/// Turns UTF-16 (either byte order) into UTF-8 as it streams, so the scanner only ever sees UTF-8.
///
/// An odd byte or half a surrogate pair at a chunk's end waits for the next chunk;
/// unpaired surrogates become U+FFFD rather than stopping the file.
final class UTF16ToUTF8Input: CSVInput {
    private let source: any CSVInput
    private let bigEndian: Bool
    private var raw = [UInt8](repeating: 0, count: 1 << 16)
    private var carry: [UInt8] = []
    private var highSurrogate: UInt16?
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var sourceEnded = false

    init(source: any CSVInput, bigEndian: Bool) {
        self.source = source
        self.bigEndian = bigEndian
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        while outputOffset == output.count {
            if sourceEnded { return 0 }
            try transcodeNextChunk()
        }
        let n = min(buffer.count, output.count - outputOffset)
        output.withUnsafeBytes { out in
            buffer.baseAddress!.copyMemory(from: out.baseAddress! + outputOffset, byteCount: n)
        }
        outputOffset += n
        return n
    }

    private func transcodeNextChunk() throws(SystemError) {
        output.removeAll(keepingCapacity: true)
        outputOffset = 0
        let count = try readChunk(source, into: &raw, from: 0)
        if count == 0 {
            sourceEnded = true
            if highSurrogate != nil || !carry.isEmpty { appendScalar(0xFFFD) }
            highSurrogate = nil
            carry = []
            return
        }
        var bytes = carry
        bytes.append(contentsOf: raw[0..<count])
        let usable = bytes.count & ~1
        var i = 0
        while i < usable {
            let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                                 : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            i += 2
            take(unit)
        }
        carry = usable < bytes.count ? [bytes[usable]] : []
    }

    private func take(_ unit: UInt16) {
        if let high = highSurrogate {
            highSurrogate = nil
            if unit >= 0xDC00, unit <= 0xDFFF {
                appendScalar(0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00))
                return
            }
            appendScalar(0xFFFD)
        }
        if unit >= 0xD800, unit <= 0xDBFF { highSurrogate = unit; return }
        if unit >= 0xDC00, unit <= 0xDFFF { appendScalar(0xFFFD); return }
        appendScalar(UInt32(unit))
    }

    private func appendScalar(_ value: UInt32) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        for unit in UTF8.encode(scalar)! { output.append(unit) }
    }
}

/// Reads from `input` into `array[offset...]`; `withUnsafeMutableBytes` cannot carry a typed throw itself.
func readChunk(_ input: any CSVInput, into array: inout [UInt8], from offset: Int) throws(SystemError) -> Int {
    var failure: SystemError?
    let n = array.withUnsafeMutableBytes { bytes -> Int in
        do throws(SystemError) {
            return try input.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[offset...]))
        } catch {
            failure = error
            return 0
        }
    }
    if let failure { throw failure }
    return n
}
