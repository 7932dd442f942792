import Foundation
import Support
import Synchronization

/// The rows of a claimed file that Linnworks has confirmed, kept in `.state/` beside the file.
///
/// Exists so a run stopped by SIGTERM, a crash or an outage resumes a long stock file after its
/// last confirmed batch instead of sending every row again: each confirmed batch appends its
/// lines (as `first-last` ranges) the moment its answer arrives. The first line holds the size and
/// `ContentHash` of the file the rows were read from; a resumed run trusts the lines only while
/// the file still has exactly those bytes. Plain appends, no fsync: a killed process's writes are
/// in the page cache already, and after a power cut a lost line only means rows sent again at
/// the same level.
final class AppliedCursor: Sendable {
    let path: String
    private let handle: Mutex<FileHandle?>

    /// Starts a new cursor for a file of `size` bytes with `hash`, replacing any older one.
    init(path: String, size: Int, hash: UInt64) {
        self.path = path
        // Opened in place, not written atomically: an atomic create goes through a temporary file
        // that a kill at the wrong moment leaves behind in `.state/`. A torn header only means the
        // cursor is not trusted.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        let opened = fd >= 0 ? FileHandle(fileDescriptor: fd, closeOnDealloc: true) : nil
        try? opened?.write(contentsOf: Data("\(size) \(String(hash, radix: 16))\n".utf8))
        handle = Mutex(opened)
    }

    /// Appends the confirmed `lines`; a failed write (disk full) only loses the shortcut, never a row.
    func record(_ lines: [Int]) {
        guard !lines.isEmpty else { return }
        var text = ""
        for range in Self.ranges(lines.sorted()) {
            text += range.lowerBound == range.upperBound ? "\(range.lowerBound)\n" : "\(range.lowerBound)-\(range.upperBound)\n"
        }
        handle.withLock { handle in
            guard let file = handle else { return }
            do {
                try file.write(contentsOf: Data(text.utf8))
            } catch {
                handle = nil
            }
        }
    }

    func remove() {
        handle.withLock { $0 = nil }
        unlink(path)
    }

    /// Starts the cursor for one attempt at a file of `size` bytes with `hash`: the lines an earlier
    /// run confirmed for exactly these bytes are kept (and logged as `file.resuming`) as `earlier`,
    /// for the attempt to skip, and `confirmed` records each new confirmed batch here.
    static func resume(path: String, size: Int, hash: UInt64, fileName: String, logger: Logger)
        -> (cursor: AppliedCursor, earlier: AppliedRows?, confirmed: @Sendable ([Int]) -> Void) {
        let earlier = load(path: path, size: size, hash: hash)
        let cursor = AppliedCursor(path: path, size: size, hash: hash)
        var applied: AppliedRows?
        if let earlier, earlier.first(where: { _ in true }) != nil {
            let lines = Array(earlier)
            cursor.record(lines)
            applied = AppliedRows(lines: earlier, verifiedThrough: size)
            logger.notice("file.resuming", ["file.name": fileName, "rows.confirmed": String(lines.count),
                                            "reason": "rows Linnworks confirmed before the last stop are not sent again"])
        }
        return (cursor, applied, { [cursor] in cursor.record($0) })
    }

    /// The confirmed lines at `path`, when it was written for a file of this `size` and `hash`.
    static func load(path: String, size: Int, hash: UInt64) -> LineSet? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first, header == "\(size) \(String(hash, radix: 16))" else { return nil }
        lines.removeFirst()
        // A torn last line (killed mid-write: no newline yet) is not trusted; "15" may be half of "150".
        if !lines.isEmpty { lines.removeLast() }
        var set = LineSet()
        for entry in lines {
            let parts = entry.split(separator: "-")
            guard let first = parts.first.flatMap({ Int($0) }), parts.count <= 2 else { continue }
            let last = parts.count == 2 ? Int(parts[1]) ?? first : first
            guard last >= first, last - first < 10_000_000 else { continue }
            for line in first...last { _ = set.insert(line) }
        }
        return set
    }

    static func ranges(_ sorted: [Int]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for line in sorted {
            if let last = result.last, line == last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...line
            } else if result.last?.contains(line) != true {
                result.append(line...line)
            }
        }
        return result
    }
}
