import Support

/// An input cut off at a byte limit, optionally hashing the bytes it hands on.
///
/// Exists for files that may still be growing: every pass over one file that stops at the same
/// limit sees the same bytes, and the hash (with checkpoints along the way) says afterwards exactly
/// which bytes those were, with no second read. Wrap the raw source (below any transcoding) so the
/// limit and the hash are in the file's own bytes. Over a `ReadableFile` each pass reads from
/// the file's start with `pread`, so one open serves every pass.
public final class BoundedInput: CSVInput {
    private let source: any CSVInput
    private let file: ReadableFile?
    /// Bytes still allowed; `Int.max` for no limit.
    private var remaining: Int
    /// Bytes handed on so far, from the source's start.
    public private(set) var bytesRead = 0
    /// The hash of those bytes and checkpoints along them; nil unless `hashing` was asked for.
    public private(set) var checkpoints: PrefixCheckpoints?
    /// The hash of the bytes handed on; nil unless `hashing` was asked for.
    public var hash: UInt64? { checkpoints?.contentHash }

    /// Reads `source` up to `limit` bytes (nil: to its end), hashing what it reads if `hashing`.
    public init(_ source: any CSVInput, limit: Int?, hashing: Bool = false) {
        self.source = source
        self.file = nil
        self.remaining = max(0, limit ?? .max)
        self.checkpoints = hashing ? PrefixCheckpoints(expectedBytes: limit ?? 0) : nil
    }

    /// A pass over `file` from its first byte (its shared offset untouched), up to `limit` bytes.
    public init(pass file: ReadableFile, limit: Int?, hashing: Bool = false) {
        self.source = file
        self.file = file
        self.remaining = max(0, limit ?? .max)
        self.checkpoints = hashing ? PrefixCheckpoints(expectedBytes: limit ?? 0) : nil
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        guard remaining > 0 else { return 0 }
        let window = buffer.count > remaining ? UnsafeMutableRawBufferPointer(rebasing: buffer[0..<remaining]) : buffer
        let n: Int
        if let file {
            n = try file.read(into: window, at: bytesRead)
        } else {
            n = try source.read(into: window)
        }
        remaining -= n
        bytesRead += n
        // Once per chunk the reader asks for (a MiB), not per record.
        if n > 0 { checkpoints?.update(UnsafeRawBufferPointer(rebasing: window[0..<n])) }
        return n
    }
}
