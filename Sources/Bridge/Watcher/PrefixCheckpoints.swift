import Support

/// Hashes of a claimed file's first bytes at known offsets, to tell after the file changed how
/// much of its start is still what an earlier attempt read.
///
/// Exists because an upload that paused longer than the settle time goes on after the claim: rows
/// appended after an attempt must be applied, and rows the attempt already applied must not be
/// applied again. A checkpoint every `spacing` bytes, at the attempt's byte limit and at the end of what the
/// sending pass read covers the cases met: an append (the limit still matches), a truncation while
/// reading (what the sending pass read is the whole new file), a rewrite (only a leading part, if any).
struct PrefixCheckpoints: Sendable {
    struct Point: Sendable, Equatable {
        var offset: Int
        var hash: UInt64
    }

    private(set) var points: [Point] = []
    /// The hash of the file's first `limit` bytes (the content hash the ledger keeps).
    private(set) var contentHash: UInt64 = 0
    /// How many bytes were hashed (the limit, or less if the file was shorter).
    private(set) var bytes = 0

    /// Checkpoints are this far apart: a 4,096th of the file, at least 4 KiB and at most 1 MiB, so a
    /// file cut short is re-verified to within that many bytes of its new end, in at most ~64 KiB of memory.
    let spacing: Int

    /// Reads the file once, up to `limit` bytes (its size, as the caller just saw it), keeping a
    /// checkpoint every `spacing` bytes and at the end.
    init(path: String, limit: Int) throws(SystemError) {
        let spacing = min(1 << 20, max(4096, limit / 4096))
        self.spacing = spacing
        var points: [Point] = []
        var hash = ContentHash()
        var read = 0
        try Self.stream(path: path, limit: limit) { chunk, offset in
            read = offset + chunk.count
            var start = 0
            while start < chunk.count {
                let untilMark = spacing - (offset + start) % spacing
                let end = min(chunk.count, start + untilMark)
                hash.update(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                start = end
                if (offset + start) % spacing == 0 { points.append(Point(offset: offset + start, hash: hash.value)) }
            }
            return true
        }
        if points.last?.offset != read { points.append(Point(offset: read, hash: hash.value)) }
        self.contentHash = hash.value
        self.points = points
        self.bytes = read
    }

    /// Adds what a sending pass read (its byte count and hash).
    mutating func add(_ point: Point) {
        if !points.contains(point) { points.append(point) }
    }

    /// The largest checkpoint offset at which the file at `path` still has the same first bytes (0 when none).
    func verifiedPrefix(of path: String) throws(SystemError) -> Int {
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
