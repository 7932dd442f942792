/// Hashes of a claimed file's first bytes at known offsets, to tell after the file changed how
/// much of its start is still what an earlier attempt read.
///
/// Exists because an upload that paused longer than the settle time goes on after the claim: rows
/// appended after an attempt must be applied, and rows the attempt already applied must not be
/// applied again. A checkpoint every `spacing` bytes, at the attempt's byte limit and at the end of what the
/// sending pass read covers the cases met: an append (the limit still matches), a truncation while
/// reading (what the sending pass read is the whole new file), a rewrite (only a leading part, if any).
public struct PrefixCheckpoints: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var offset: Int
        public var hash: UInt64

        public init(offset: Int, hash: UInt64) {
            self.offset = offset
            self.hash = hash
        }
    }

    public private(set) var points: [Point] = []
    /// The hash of every byte given so far: once finished, the file's first `bytes` bytes (the
    /// content hash the ledger keeps).
    public var contentHash: UInt64 { hash.value }
    /// How many bytes were hashed (the limit, or less if the file was shorter).
    public private(set) var bytes = 0
    private var hash = ContentHash()

    /// Checkpoints are this far apart: a 4,096th of the file, at least 4 KiB and at most 1 MiB, so a
    /// file cut short is re-verified to within that many bytes of its new end, in at most ~64 KiB of memory.
    public let spacing: Int

    /// Starts empty, for a file of about `expectedBytes`; feed it with `update` as the file is read,
    /// so the pass that reads the file anyway takes the checkpoints too.
    public init(expectedBytes: Int) {
        spacing = min(1 << 20, max(4096, expectedBytes / 4096))
    }

    /// Reads the file once, up to `limit` bytes (its size, as the caller just saw it), keeping a
    /// checkpoint every `spacing` bytes and at the end.
    public init(path: String, limit: Int) throws(SystemError) {
        var checkpoints = PrefixCheckpoints(expectedBytes: limit)
        try Self.stream(path: path, limit: limit) { chunk, _ in
            checkpoints.update(chunk)
            return true
        }
        checkpoints.finish()
        self = checkpoints
    }

    /// Continues over the file's next bytes, adding a checkpoint at each multiple of `spacing`.
    public mutating func update(_ chunk: UnsafeRawBufferPointer) {
        var start = 0
        while start < chunk.count {
            let untilMark = spacing - (bytes + start) % spacing
            let end = min(chunk.count, start + untilMark)
            hash.update(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
            start = end
            if (bytes + start) % spacing == 0 { points.append(Point(offset: bytes + start, hash: hash.value)) }
        }
        bytes += chunk.count
    }

    /// Adds the checkpoint at the end of what was read.
    public mutating func finish() {
        if points.last?.offset != bytes { points.append(Point(offset: bytes, hash: hash.value)) }
    }

    /// Adds what a sending pass read (its byte count and hash).
    public mutating func add(_ point: Point) {
        if !points.contains(point) { points.append(point) }
    }

    /// The largest checkpoint offset at which the file at `path` still has the same first bytes (0 when none).
    public func verifiedPrefix(of path: String) throws(SystemError) -> Int {
        let wanted = points.sorted { $0.offset < $1.offset }
        guard let last = wanted.last else { return 0 }
        var hash = ContentHash()
        var best = 0
        var next = wanted.firstIndex { $0.offset > 0 } ?? wanted.count
        try Self.stream(path: path, limit: last.offset) { chunk, offset in
            var start = 0
            while start < chunk.count, next < wanted.count {
                let end = min(chunk.count, wanted[next].offset - offset)
                if end > start { hash.update(UnsafeRawBufferPointer(rebasing: chunk[start..<end])) }
                start = max(start, end)
                while next < wanted.count, wanted[next].offset == offset + start {
                    if wanted[next].hash == hash.value { best = wanted[next].offset }
                    next += 1
                }
            }
            return next < wanted.count
        }
        return best
    }

    /// Calls `body` with each chunk of the file's first `limit` bytes and the chunk's offset; stops when it returns false.
    private static func stream(path: String, limit: Int,
                               _ body: (UnsafeRawBufferPointer, Int) -> Bool) throws(SystemError) {
        let file = try ReadableFile(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < limit {
            let want = min(buffer.count, limit - offset)
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
            if count == 0 { return }
            guard body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), offset) else { return }
            offset += count
        }
    }
}
